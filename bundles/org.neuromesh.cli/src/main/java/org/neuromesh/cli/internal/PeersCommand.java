package org.neuromesh.cli.internal;

import java.io.PrintStream;
import java.util.Map;
import java.util.TreeMap;

import org.neuromesh.api.peer.PeerInfo;
import org.neuromesh.api.peer.PeerMessaging;
import org.neuromesh.peer.PeerRuntime;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * {@code neuromesh:peers}: this peer, the peers discovery knows with capabilities and health, the messages the peer
 * runtime refused (bad signatures, replays, ...) and the transport with what it refused (garbage, oversized, ...).
 */
@Component(service = PeersCommand.class, property = {
        "osgi.command.scope=neuromesh",
        "osgi.command.function=peers" })
public class PeersCommand {

    private final PeerRuntime runtime;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile PeerMessaging messaging;

    @Activate
    public PeersCommand(@Reference PeerRuntime runtime) {
        this.runtime = runtime;
    }

    public void peers() {
        PrintStream out = System.out;
        out.println("this peer: " + runtime.self());
        for (PeerInfo peer : runtime.peers()) {
            out.printf("%s  %-16s %s  %s%n", peer.id().shortForm(), peer.displayName(),
                    String.join(",", new java.util.TreeSet<>(peer.capabilities())), new TreeMap<>(peer.health()));
        }
        if (runtime.peers().isEmpty()) {
            out.println("no other peer is known yet");
        }
        Map<?, Long> rejections = runtime.rejections().snapshot();
        out.println("refused messages: " + (rejections.isEmpty() ? "none" : rejections));
        PeerMessaging transport = messaging;
        if (transport != null) {
            out.println("transport: " + transport); // transports describe their state and what they refused
        }
    }
}
