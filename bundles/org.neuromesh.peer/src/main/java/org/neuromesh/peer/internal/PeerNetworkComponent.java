package org.neuromesh.peer.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.neuromesh.api.network.MessageFlows;
import org.neuromesh.api.network.NetworkStatus;
import org.neuromesh.api.network.PeerNetwork;
import org.neuromesh.api.peer.PeerMessaging;
import org.neuromesh.api.peer.TransportState;
import org.neuromesh.peer.PeerRuntime;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * The running peer's network for views and commands ({@link PeerNetwork}). Looks at the runtime twice a second and
 * posts {@link PeerNetwork#TOPIC_CHANGED} when what it sees changed, so that views wait for events instead of
 * polling, and a burst of changes costs them one refresh.
 */
@Component(service = PeerNetwork.class, immediate = true)
public class PeerNetworkComponent implements PeerNetwork {

    static final long LOOK_EVERY_MILLIS = 500;
    /** Messages are told more often than the status, so that views can show them move as they pass. */
    static final long TELL_MESSAGES_EVERY_MILLIS = 200;

    private final PeerRuntime runtime;
    private final ScheduledExecutorService looker;
    private NetworkStatus lastPosted;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile PeerMessaging messaging;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile EventAdmin events;

    @Activate
    public PeerNetworkComponent(@Reference PeerRuntime runtime) {
        this.runtime = runtime;
        this.looker = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "neuromesh-network-status");
            thread.setDaemon(true);
            return thread;
        });
        looker.scheduleWithFixedDelay(this::postIfChanged, 0, LOOK_EVERY_MILLIS, TimeUnit.MILLISECONDS);
        looker.scheduleWithFixedDelay(this::postMessages, TELL_MESSAGES_EVERY_MILLIS, TELL_MESSAGES_EVERY_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    @Deactivate
    void deactivate() {
        looker.shutdownNow();
    }

    @Override
    public NetworkStatus status() {
        PeerMessaging transport = messaging;
        TransportState state = transport == null
                ? new TransportState(false, "", Instant.now(), "no transport is running", Duration.ZERO)
                : transport.state();
        return new NetworkStatus(runtime.self(), Instant.now(), state, runtime.peers(), runtime.credits().balances(),
                runtime.rejections().snapshot(), runtime.traffic());
    }

    private void postIfChanged() {
        try {
            NetworkStatus now = status();
            if (sameAsLastPosted(now)) {
                return;
            }
            EventAdmin admin = events;
            if (admin != null) {
                admin.postEvent(new Event(TOPIC_CHANGED, Map.of(STATUS, now)));
                lastPosted = now;
            }
        } catch (RuntimeException e) {
            System.getLogger(PeerNetworkComponent.class.getName()).log(System.Logger.Level.WARNING,
                    "could not tell the network status", e);
        }
    }

    private void postMessages() {
        try {
            MessageFlows flows = runtime.drainFlows();
            EventAdmin admin = events;
            if (admin != null && (!flows.shown().isEmpty() || flows.notShown() > 0)) {
                admin.postEvent(new Event(TOPIC_MESSAGES, Map.of(FLOWS, flows)));
            }
        } catch (RuntimeException e) {
            System.getLogger(PeerNetworkComponent.class.getName()).log(System.Logger.Level.WARNING,
                    "could not tell the messages that passed", e);
        }
    }

    private boolean sameAsLastPosted(NetworkStatus now) {
        NetworkStatus last = lastPosted;
        return last != null && Objects.equals(last.transport(), now.transport()) && last.peers().equals(now.peers())
                && last.credits().equals(now.credits()) && last.refused().equals(now.refused())
                && last.traffic().equals(now.traffic());
    }
}
