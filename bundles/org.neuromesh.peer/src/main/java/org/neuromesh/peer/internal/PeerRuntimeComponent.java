package org.neuromesh.peer.internal;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.neuromesh.api.federation.FederatedModel;
import org.neuromesh.api.peer.PeerDiscovery;
import org.neuromesh.api.peer.PeerId;
import org.neuromesh.api.peer.PeerInfo;
import org.neuromesh.api.peer.PeerMessaging;
import org.neuromesh.api.security.PeerSecurity;
import org.neuromesh.peer.CapsuleSender;
import org.neuromesh.peer.Inbox;
import org.neuromesh.peer.PeerRuntime;
import org.neuromesh.peer.RejectionTally;
import org.neuromesh.peer.SessionListener;
import org.neuromesh.peer.Sessions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Wires the peer runtime to this peer's keys, transport, discovery and learner, and subscribes its inbox. Training
 * and merging run on one worker thread, deadlines on one timer thread; both stop with the component.
 */
@Component(configurationPid = PeerRuntimeConfig.PID)
@Designate(ocd = PeerRuntimeConfig.class)
public class PeerRuntimeComponent implements PeerRuntime {

    private final PeerSecurity security;
    private final PeerMessaging messaging;
    private final PeerDiscovery discovery;
    private final ScheduledExecutorService timers;
    private final ExecutorService work;
    private final Inbox inbox;
    private final Sessions sessions;
    private final AutoCloseable subscription;

    @Activate
    public PeerRuntimeComponent(@Reference PeerSecurity security, @Reference(name = "messaging") PeerMessaging messaging,
            @Reference PeerDiscovery discovery, @Reference FederatedModel model, PeerRuntimeConfig config) {
        this.security = security;
        this.messaging = messaging;
        this.discovery = discovery;
        this.timers = Executors.newSingleThreadScheduledExecutor(runnable -> daemon(runnable, "neuromesh-peer-timer"));
        this.work = Executors.newSingleThreadExecutor(runnable -> daemon(runnable, "neuromesh-peer-work"));
        this.inbox = new Inbox(security);
        CapsuleSender sender = new CapsuleSender(security, messaging, Clock.systemUTC());
        this.sessions = new Sessions(model, sender, inbox, timers, work, SessionListener.NONE, config.autoJoin());
        this.subscription = messaging.subscribe(inbox);
    }

    @Deactivate
    void deactivate() throws Exception {
        subscription.close();
        timers.shutdownNow();
        work.shutdownNow();
    }

    @Override
    public PeerId self() {
        return security.self();
    }

    @Override
    public List<PeerInfo> peers() {
        return discovery.peers();
    }

    @Override
    public Sessions sessions() {
        return sessions;
    }

    @Override
    public RejectionTally rejections() {
        return inbox.rejections();
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }
}
