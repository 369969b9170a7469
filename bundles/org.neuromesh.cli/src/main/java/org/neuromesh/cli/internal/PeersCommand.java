package org.neuromesh.cli.internal;

import java.io.PrintStream;
import java.util.Map;
import java.util.TreeMap;

import org.neuromesh.api.peer.PeerInfo;
import org.neuromesh.peer.PeerRuntime;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code neuromesh:peers}: this peer, the peers discovery knows with capabilities and health, and rejections. */
@Component(service = PeersCommand.class, property = {
        "osgi.command.scope=neuromesh",
        "osgi.command.function=peers" })
public class PeersCommand {

    private final PeerRuntime runtime;

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
    }
}
