package org.neuromesh.discovery.mqtt;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.paho.client.mqttv3.IMqttMessageListener;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.neuromesh.api.capsule.Capsule;
import org.neuromesh.api.capsule.PrivacyLevel;
import org.neuromesh.api.peer.Outbound;
import org.neuromesh.api.peer.SealedCapsule;
import org.neuromesh.api.security.RejectedMessageException;
import org.neuromesh.api.security.SealingException;
import org.neuromesh.crypto.MessageSecurity;
import org.neuromesh.discovery.mqtt.testing.Await;
import org.neuromesh.discovery.mqtt.testing.Identities;
import org.neuromesh.discovery.mqtt.testing.TestBrokers;
import org.neuromesh.discovery.mqtt.testing.TestMessages;
import org.neuromesh.testing.mosquitto.MosquittoBroker;

/**
 * Measurements, printed, not asserted (beyond "nothing lost"): capsule throughput and QoS 1 round trips through
 * Mosquitto for 1 KB and 100 KB payloads, our transport (real capsules, sealed and opened; the cost of each printed
 * apart) next to a bare Paho client and mosquitto_pub/sub (bytes only). Opt-in:
 *
 * <pre>
 * ./mvnw -o verify -pl bundles/org.neuromesh.api,bundles/org.neuromesh.crypto,bundles/org.neuromesh.broker,\
 *     tests/org.neuromesh.testing.mosquitto,bundles/org.neuromesh.discovery.mqtt \
 *     -Dneuromesh.bench=true -Dtest=MqttBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * or {@code ./neuromesh bench peers}, which runs it first.
 */
@EnabledIfSystemProperty(named = "neuromesh.bench", matches = "true")
class MqttBenchmark {

    private static final Duration WAIT = Duration.ofMinutes(3);
    private static final Path MEMORY = Path.of("/dev/shm");

    @TempDir
    static Path work;
    private static MosquittoBroker broker;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = MosquittoBroker.start(work.resolve("broker"));
    }

    @AfterAll
    static void stopBroker() throws Exception {
        broker.close();
    }

    @Test
    void measure() throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%-44s %8s %10s %9s %12s %12s %9s %9s", "what", "payload", "msgs/s",
                "MB/s", "rtt p50 us", "rtt p99 us", "seal us", "open us"));
        for (int size : new int[] {1024, 100 * 1024}) {
            int count = size == 1024 ? 5000 : 500;
            // the outbox fsyncs every message: on this machine's disk that costs several ms, on tmpfs nothing
            lines.add(print(transport(size, count / 5, true, work)));
            lines.add(print(transport(size, count, true, MEMORY)));
            lines.add(print(transport(size, count, false, MEMORY)));
            lines.add(print(rawPaho(size, count)));
            lines.add(print(mosquittoPubSub(size, count)));
        }
        System.out.println("\n=== MQTT measurements (Mosquitto 2.0 on loopback, QoS 1) ===");
        lines.forEach(System.out::println);
    }

    private static String print(String line) {
        System.out.println("measured: " + line);
        return line;
    }

    private MqttSettings.Builder settings(String name, boolean tls, Path outboxes) {
        MqttSettings.Builder builder = brokerSettings(outboxes.resolve(name + "-" + System.nanoTime()));
        return tls ? builder : builder.tls(false).caCertificateFile("").clientKeyStore("", null)
                .port(broker.plainPort());
    }

    /**
     * Real capsules (random payload, sealed by one real identity to another, opened on arrival) through two
     * transports (outbox with fsync, QoS 1): one-way throughput, then ping-pong. Sealing is timed apart (every capsule
     * is sealed before the first is sent), and so is opening (inside the receiver's handler, also counted in the
     * throughput, as a peer opens what it receives).
     */
    private String transport(int size, int count, boolean tls, Path outboxes) throws Exception {
        MessageSecurity alice = Identities.fresh();
        MessageSecurity bob = Identities.fresh();
        alice.trust(bob.self(), bob.publicKeys());
        bob.trust(alice.self(), alice.publicKeys());
        try (MqttTransport a = MqttTransport.startWithoutDiscovery(settings("a", tls, outboxes).build(), alice.self());
                MqttTransport b = MqttTransport.startWithoutDiscovery(settings("b", tls, outboxes).build(),
                        bob.self())) {
            Await.until("connected", WAIT, () -> a.connectionStatus().subscribed() && b.connectionStatus().subscribed());
            byte[] payload = new byte[size];
            new SecureRandom().nextBytes(payload);
            long sealStarted = System.nanoTime();
            List<SealedCapsule> capsules = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                capsules.add(alice.seal(capsule("t" + i, payload), List.of(bob.self())));
            }
            double sealMicros = (System.nanoTime() - sealStarted) / 1e3 / count;
            Set<String> opened = ConcurrentHashMap.newKeySet();
            AtomicLong openNanos = new AtomicLong();
            AutoCloseable subscription = b.messaging().subscribe(message -> {
                long started = System.nanoTime();
                opened.add(open(bob, message).id());
                openNanos.addAndGet(System.nanoTime() - started);
            });
            long start = System.nanoTime();
            for (SealedCapsule capsule : capsules) {
                a.messaging().send(capsule);
            }
            Await.until("bob has opened all", WAIT, () -> opened.size() == count, () -> opened.size() + " opened");
            double seconds = (System.nanoTime() - start) / 1e9;
            double openMicros = openNanos.get() / 1e3 / count;
            subscription.close();
            // ping-pong: bob opens every capsule and answers with one sealed back to alice, who opens it
            b.messaging().subscribe(message -> {
                try {
                    Capsule ping = open(bob, message);
                    b.messaging().send(bob.seal(capsule("re-" + ping.id(), payload), List.of(alice.self())));
                } catch (IOException | SealingException e) {
                    throw new IllegalStateException(e);
                }
            });
            BlockingQueue<Long> replies = new ArrayBlockingQueue<>(1);
            a.messaging().subscribe(message -> {
                open(alice, message);
                replies.offer(System.nanoTime());
            });
            long[] rtts = new long[200];
            for (int i = -20; i < rtts.length; i++) {
                long sent = System.nanoTime();
                a.messaging().send(alice.seal(capsule("p" + i, payload), List.of(bob.self())));
                Long back = replies.poll(30, TimeUnit.SECONDS);
                if (back == null) {
                    throw new AssertionError("no reply to ping " + i);
                }
                if (i >= 0) {
                    rtts[i] = (back - sent) / 1000;
                }
            }
            return row("transport " + (tls ? "TLS" : "plain") + ", outbox on " + (outboxes == MEMORY ? "tmpfs" : "disk"),
                    size, count, seconds, rtts) + String.format(Locale.ROOT, " %9.0f %9.0f", sealMicros, openMicros);
        }
    }

    private static Capsule capsule(String id, byte[] payload) {
        return new Capsule(id, "bench", PrivacyLevel.SHAREABLE, Set.of(), null, payload, Instant.now());
    }

    private static Capsule open(MessageSecurity receiver, Outbound message) {
        try {
            return receiver.open((SealedCapsule) message);
        } catch (RejectedMessageException e) {
            throw new IllegalStateException("a benchmark capsule did not open: " + e.getMessage(), e);
        }
    }

    /** Two bare Paho clients with TCP_NODELAY on the TLS listener, no outbox. */
    private String rawPaho(int size, int count) throws Exception {
        MqttClient sender = TestBrokers.rawClient(broker, TestMessages.peerId().value());
        MqttClient receiver = TestBrokers.rawClient(broker, TestMessages.peerId().value());
        sender.setTimeToWait(30_000);
        try {
            CountDownLatch all = new CountDownLatch(count);
            receiver.subscribe("bench/flow", 1, (IMqttMessageListener) (topic, message) -> all.countDown());
            byte[] payload = new byte[size];
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                sender.publish("bench/flow", payload, 1, false);
            }
            if (!all.await(WAIT.toSeconds(), TimeUnit.SECONDS)) {
                throw new AssertionError(all.getCount() + " raw messages missing");
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            // ping-pong like the transport's: the receiver answers each ping (from its own thread: a blocking
            // publish must not run on Paho's callback thread)
            BlockingQueue<byte[]> toEcho = new ArrayBlockingQueue<>(1);
            receiver.subscribe("bench/ping", 1, (IMqttMessageListener) (topic, message) -> toEcho.offer(
                    message.getPayload()));
            Thread echo = new Thread(() -> {
                try {
                    while (true) {
                        receiver.publish("bench/pong", toEcho.take(), 1, false);
                    }
                } catch (InterruptedException | org.eclipse.paho.client.mqttv3.MqttException e) {
                    // finished
                }
            });
            echo.start();
            BlockingQueue<Long> replies = new ArrayBlockingQueue<>(1);
            sender.subscribe("bench/pong", 1, (IMqttMessageListener) (topic, message) -> replies.offer(
                    System.nanoTime()));
            long[] rtts = new long[200];
            for (int i = -20; i < rtts.length; i++) {
                long sent = System.nanoTime();
                sender.publish("bench/ping", payload, 1, false);
                Long back = replies.poll(30, TimeUnit.SECONDS);
                if (back == null) {
                    throw new AssertionError("no pong " + i);
                }
                if (i >= 0) {
                    rtts[i] = (back - sent) / 1000;
                }
            }
            echo.interrupt();
            return row("bare Paho, no outbox, TLS", size, count, seconds, rtts);
        } finally {
            sender.disconnect();
            receiver.disconnect();
            sender.close();
            receiver.close();
        }
    }

    /** mosquitto_pub --repeat into mosquitto_sub -C, on the plain listener. */
    private String mosquittoPubSub(int size, int count) throws Exception {
        Path payload = Files.write(work.resolve("payload-" + size), new byte[size]);
        // stdbuf: mosquitto_sub's stdout is block-buffered into a pipe, and we wait for its SUBACK line
        List<String> sub = new ArrayList<>(List.of("stdbuf", "-oL", "mosquitto_sub", "-d", "-q", "1", "-t", "bench/cli", "-C",
                Integer.toString(count), "-N"));
        sub.addAll(broker.plainClientArguments());
        Process subscriber = new ProcessBuilder(sub).redirectErrorStream(true).start();
        CountDownLatch subscribed = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(subscriber.getInputStream(),
                    StandardCharsets.ISO_8859_1))) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.contains("SUBACK")) {
                        subscribed.countDown();
                    }
                }
            } catch (IOException e) {
                // process ended
            }
        });
        reader.start();
        if (!subscribed.await(30, TimeUnit.SECONDS)) {
            subscriber.destroyForcibly();
            throw new AssertionError("mosquitto_sub did not subscribe");
        }
        List<String> pub = new ArrayList<>(List.of("mosquitto_pub", "-q", "1", "-t", "bench/cli", "-f",
                payload.toString(), "--repeat", Integer.toString(count), "--repeat-delay", "0"));
        pub.addAll(broker.plainClientArguments());
        long start = System.nanoTime();
        Process publisher = new ProcessBuilder(pub).redirectErrorStream(true).start();
        boolean done = subscriber.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - start) / 1e9;
        publisher.waitFor(30, TimeUnit.SECONDS);
        if (!done || subscriber.exitValue() != 0) {
            subscriber.destroyForcibly();
            throw new AssertionError("mosquitto_sub did not receive " + count + " messages: "
                    + new String(publisher.getInputStream().readAllBytes()));
        }
        return row("mosquitto_pub --repeat -> mosquitto_sub plain", size, count, seconds, null);
    }

    private static String row(String what, int size, int count, double seconds, long[] rtts) {
        String p50 = "-";
        String p99 = "-";
        if (rtts != null) {
            long[] sorted = rtts.clone();
            Arrays.sort(sorted);
            p50 = Long.toString(sorted[sorted.length / 2]);
            p99 = Long.toString(sorted[(int) (sorted.length * 0.99)]);
        }
        return String.format(Locale.ROOT, "%-44s %7dB %10.0f %9.1f %12s %12s", what, size, count / seconds,
                count * (double) size / seconds / 1e6, p50, p99);
    }

    private MqttSettings.Builder brokerSettings(Path outbox) {
        return TestBrokers.settings(broker, outbox);
    }
}
