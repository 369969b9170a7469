package org.neuromesh.crypto;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.neuromesh.api.capsule.Capsule;
import org.neuromesh.api.capsule.PrivacyLevel;
import org.neuromesh.api.peer.PeerId;
import org.neuromesh.api.peer.SealedCapsule;

/**
 * Prints seal and open times and the size overhead of a 1 MiB capsule for 1 and 8 recipients. Not a test: run it
 * by hand after {@code ./mvnw verify -pl bundles/org.neuromesh.api,bundles/org.neuromesh.crypto}:
 *
 * <pre>
 * java -cp bundles/org.neuromesh.crypto/target/classes:bundles/org.neuromesh.crypto/target/test-classes:\
 * bundles/org.neuromesh.api/target/classes org.neuromesh.crypto.SealingBenchmark
 * </pre>
 */
public final class SealingBenchmark {

    private static final int PAYLOAD_BYTES = 1 << 20;
    private static final int WARM_UP = 30;
    private static final int RUNS = 40;

    private SealingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        SecureRandom random = new SecureRandom();
        byte[] payload = new byte[PAYLOAD_BYTES];
        random.nextBytes(payload); // learned weights compress little; random bytes are the worst case
        float[] embedding = new float[256];
        for (int i = 0; i < embedding.length; i++) {
            embedding[i] = (float) random.nextGaussian();
        }
        System.out.printf("capsule: %d bytes of random payload, %d-float embedding; median of %d runs after %d "
                + "warm-up runs%n", PAYLOAD_BYTES, embedding.length, RUNS, WARM_UP);
        for (int recipients : new int[] {1, 8}) {
            measure(recipients, payload, embedding, random);
        }
        measureCompression(payload, embedding);
    }

    /** The share of Deflate and Inflate in the times above. */
    private static void measureCompression(byte[] payload, float[] embedding) throws Exception {
        byte[] encoded = CapsuleCodec.encode(new Capsule("c", "k", PrivacyLevel.MASKED, Set.of(), embedding, payload,
                Instant.now()));
        long[] deflateNanos = new long[RUNS];
        long[] inflateNanos = new long[RUNS];
        for (int run = -WARM_UP; run < RUNS; run++) {
            long start = System.nanoTime();
            byte[] compressed = Compression.deflate(encoded);
            long deflated = System.nanoTime();
            Compression.inflate(compressed, SecurityLimits.DEFAULT_MAX_CAPSULE_BYTES, "benchmark");
            long inflated = System.nanoTime();
            if (run >= 0) {
                deflateNanos[run] = deflated - start;
                inflateNanos[run] = inflated - deflated;
            }
        }
        System.out.printf("of which Deflate %.2f ms, Inflate %.2f ms%n", median(deflateNanos) / 1e6,
                median(inflateNanos) / 1e6);
    }

    private static void measure(int recipientCount, byte[] payload, float[] embedding, SecureRandom random)
            throws Exception {
        MessageSecurity sender = security(random);
        List<MessageSecurity> recipients = new ArrayList<>();
        for (int i = 0; i < recipientCount; i++) {
            MessageSecurity recipient = security(random);
            recipient.trust(sender.self(), sender.publicKeys());
            sender.trust(recipient.self(), recipient.publicKeys());
            recipients.add(recipient);
        }
        List<PeerId> ids = recipients.stream().map(MessageSecurity::self).toList();
        MessageSecurity opener = recipients.get(recipientCount - 1); // the last wrapped key: the longest search
        WireFormat wire = new WireFormat(WireFormat.DEFAULT_MAX_MESSAGE_BYTES);
        long[] sealNanos = new long[RUNS];
        long[] openNanos = new long[RUNS];
        int plainBytes = 0;
        int wireBytes = 0;
        for (int run = -WARM_UP; run < RUNS; run++) {
            Capsule capsule = new Capsule("bench-" + recipientCount + "-" + run, "cluster-delta",
                    PrivacyLevel.MASKED, Set.of("mnist", "layer-1"), embedding, payload, Instant.now());
            long start = System.nanoTime();
            SealedCapsule sealed = sender.seal(capsule, ids);
            long sealedAt = System.nanoTime();
            opener.open(sealed);
            long openedAt = System.nanoTime();
            if (run >= 0) {
                sealNanos[run] = sealedAt - start;
                openNanos[run] = openedAt - sealedAt;
            }
            plainBytes = CapsuleCodec.encode(capsule).length;
            wireBytes = wire.encode(sealed).length;
        }
        System.out.printf("%d recipient(s): seal %.2f ms, open %.2f ms; encoded capsule %d bytes, on the wire %d "
                + "bytes: %d bytes (%.3f%%) more%n", recipientCount, median(sealNanos) / 1e6,
                median(openNanos) / 1e6, plainBytes, wireBytes, wireBytes - plainBytes,
                100.0 * (wireBytes - plainBytes) / plainBytes);
    }

    private static MessageSecurity security(SecureRandom random) {
        return new MessageSecurity(PeerIdentity.generate(random), Clock.systemUTC(), TimeWindows.defaults(),
                SecurityLimits.defaults());
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
