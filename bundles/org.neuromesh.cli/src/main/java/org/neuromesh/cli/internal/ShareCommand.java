package org.neuromesh.cli.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.neuromesh.api.capsule.Capsule;
import org.neuromesh.api.capsule.PrivacyLevel;
import org.neuromesh.api.peer.PeerId;
import org.neuromesh.api.security.SealingException;
import org.neuromesh.cli.Options;
import org.neuromesh.cli.PeerLookup;
import org.neuromesh.peer.PeerRuntime;
import org.neuromesh.peer.SharedCapsule;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code neuromesh:share PEER (--text T | --file F) [--kind K] [--tags a,b]} seals a shareable memory capsule to
 * one peer; {@code neuromesh:share inbox} lists the capsules other peers shared with this one.
 */
@Component(service = ShareCommand.class, property = {
        "osgi.command.scope=neuromesh",
        "osgi.command.function=share" })
public class ShareCommand {

    static final String USAGE = String.join("\n",
            "usage: share PEER (--text TEXT | --file FILE) [--kind KIND] [--tags a,b]",
            "       share inbox",
            "  Seals a shareable capsule (default kind 'memory') to one peer only, named by its id, the start of it",
            "  or its display name; inbox lists what other peers shared with this one. Nothing private is sent.");

    private final PeerRuntime runtime;

    @Activate
    public ShareCommand(@Reference PeerRuntime runtime) {
        this.runtime = runtime;
    }

    public void share(String... args) throws IOException {
        PrintStream out = System.out;
        if (args.length == 1 && args[0].equals("inbox")) {
            List<SharedCapsule> received = runtime.sharing().received().list();
            for (SharedCapsule shared : received) {
                Capsule c = shared.capsule();
                out.printf("%s  %s  %s  %d bytes  tags %s  %s%n", shared.sender().shortForm(), c.id(), c.kind(),
                        c.payload().length, c.tags(), shared.receivedAt());
            }
            out.println(received.size() + " capsules shared with this peer");
            return;
        }
        try {
            if (args.length == 0 || args[0].startsWith("--")) {
                throw new IllegalArgumentException("name the peer to share with");
            }
            PeerId recipient = PeerLookup.find(args[0], runtime.peers());
            Options o = Options.parse(Arrays.copyOfRange(args, 1, args.length), Set.of(),
                    Set.of("--text", "--file", "--kind", "--tags"));
            byte[] payload = payload(o);
            Set<String> tags = Arrays.stream(o.text("--tags", "").split(",")).map(String::trim)
                    .filter(tag -> !tag.isEmpty()).collect(Collectors.toSet());
            String kind = o.text("--kind", "memory");
            Capsule capsule = new Capsule(kind + "-" + UUID.randomUUID(), kind, PrivacyLevel.SHAREABLE, tags,
                    new float[0], payload, Instant.now());
            long sealed = runtime.sharing().share(capsule, recipient);
            out.printf("shared %s with %s: %d bytes, %d sealed%n", capsule.id(), recipient.shortForm(),
                    payload.length, sealed);
        } catch (IllegalArgumentException | SealingException e) {
            out.println("share failed: " + e.getMessage());
            out.println(USAGE);
        }
    }

    private static byte[] payload(Options o) throws IOException {
        if (o.flag("--text") == o.flag("--file")) {
            throw new IllegalArgumentException("give exactly one of --text and --file");
        }
        return o.flag("--text") ? o.text("--text", "").getBytes(StandardCharsets.UTF_8)
                : Files.readAllBytes(Path.of(o.text("--file", "")));
    }
}
