package org.neuromesh.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuromesh.testing.mosquitto.MosquittoBroker;

/**
 * Peers as separate server processes of the built product, learning together through a real Debian Mosquitto with
 * TLS, client certificates, passwords and the NeuroMesh topic ACL; each member holds two digits of MNIST. Every
 * capsule a process hands to its transport is logged, as is every capsule it opens: the tests account for each one.
 */
class PeersOverMosquittoIT {

    private static final Pattern SENT = Pattern.compile("sent capsule (\\S+) \\(([^,]+), \\d+ bytes\\) to ([0-9a-f,]+)");
    private static final Pattern OPENED = Pattern.compile("opened capsule (\\S+) \\(");
    private static final Pattern MEMBER_ROW = Pattern.compile("(?m)^[0-9a-f]{8} +\\[[0-9, ]+\\] +[0-9.]+% +[0-9.]+%");
    private static final Duration SESSION_TIMEOUT = Duration.ofMinutes(8);

    @TempDir
    Path work;

    private MosquittoBroker broker;
    private Path server;
    private final List<PeerProcess> processes = new ArrayList<>();
    private final List<MosquittoBroker> otherBrokers = new ArrayList<>();

    @BeforeEach
    void startBroker() throws Exception {
        broker = MosquittoBroker.start(work.resolve("mosquitto"));
        server = RunningProduct.copyProduct("org.neuromesh.server.product", "neuromesh-server", work);
    }

    @AfterEach
    void stopEverything() throws Exception {
        for (PeerProcess process : processes) {
            process.close();
        }
        for (MosquittoBroker other : otherBrokers) {
            other.close();
        }
        broker.close();
    }

    @Test
    void givenEightPeers_whenTwoAreKilledMidRoundAndStartAgain_thenTheSessionCompletesAndNoCapsuleIsLost()
            throws Exception {
        // given a coordinator and eight members, two digits each
        PeerProcess coordinator = coordinator();
        List<PeerProcess> members = members(8, List.of());
        awaitReady();
        // when a session runs and two members are killed (SIGKILL) in the middle of round 3
        int mark = startSession(coordinator, "crash", 8, 30);
        coordinator.current().awaitOutput(mark, "round 2/30", SESSION_TIMEOUT);
        members.get(2).kill();
        members.get(5).kill();
        // then the session goes on without them (discovery sees them leave; rounds wait for them only a grace)
        coordinator.current().awaitOutput(mark, "of 8 members", SESSION_TIMEOUT);
        awaitRoundWith(coordinator, mark, "6 of 8 members");
        // and when they start again from their folders, they find the session, resync and contribute again
        members.get(2).start();
        members.get(5).start();
        members.get(2).awaitReady();
        members.get(5).awaitReady();
        String output = coordinator.current().awaitOutput(mark, "session model:", SESSION_TIMEOUT);
        assertTrue(output.contains("round 30/30: 8 of 8 members"), output);
        assertEquals(8, count(MEMBER_ROW, output), output);
        // and every capsule any process handed to its transport was opened by each of its recipients
        assertEveryCapsuleArrived(coordinator, members);
    }

    @Test
    void givenASessionUnderWay_whenTheBrokerRestarts_thenEveryoneReconnectsAndTheSessionCompletes()
            throws Exception {
        // given a coordinator and three members in a session
        PeerProcess coordinator = coordinator();
        List<PeerProcess> members = members(3, List.of());
        awaitReady();
        int mark = startSession(coordinator, "restart", 3, 12);
        coordinator.current().awaitOutput(mark, "round 3/12", SESSION_TIMEOUT);
        // when Mosquitto is stopped and started again (it keeps its persistent sessions and queued messages)
        broker.restart();
        // then the clients reconnect, the session completes with every member, and no capsule was lost
        String output = coordinator.current().awaitOutput(mark, "session model:", SESSION_TIMEOUT);
        assertTrue(output.contains("round 12/12: 3 of 3 members"), output);
        assertEquals(3, count(MEMBER_ROW, output), output);
        assertEveryCapsuleArrived(coordinator, members);
    }

    @Test
    void givenPersonalDataOnEveryPeer_whenTheyLearnTogether_thenNoneOfItNorAnyRawSampleCrossesTheBroker()
            throws Exception {
        // given a search that finds a training image and the seeded strings where they are
        byte[] planted = (new String(PrivacyCanary.trainingImage(4242), StandardCharsets.ISO_8859_1) + "..."
                + PrivacyCanary.ID_NUMBER).getBytes(StandardCharsets.ISO_8859_1);
        assertTrue(!PrivacyCanary.trainingSamplesIn(planted).isEmpty() && !PrivacyCanary.seededStringsIn(planted)
                .isEmpty(), "the canary search does not find planted data");
        // and members whose data folders carry personal data, and an eavesdropper on every topic
        try (BrokerObserver observer = BrokerObserver.connect(broker)) {
            PeerProcess coordinator = coordinator();
            Path personal = Files.createDirectories(work.resolve(PrivacyCanary.FOLDER));
            List<PeerProcess> members = members(3, List.of("dataDirectory = " + PrivacyCanary.linkMnist(personal)));
            awaitReady();
            // when they run a session to its end
            int mark = startSession(coordinator, "canary", 3, 6);
            coordinator.current().awaitOutput(mark, "session model:", SESSION_TIMEOUT);
            // then the broker carried the session (presences, control messages, sealed capsules) ...
            byte[] traffic = observer.everyByte();
            long capsules = observer.seen().stream().filter(m -> m.topic().contains("/inbox/")).count();
            assertTrue(capsules >= 3 * 6 * 2 && traffic.length > 100_000,
                    capsules + " inbox messages, " + traffic.length + " bytes");
            // ... and not one seeded string nor one raw training sample, as bytes or as floats
            assertEquals(List.of(), PrivacyCanary.seededStringsIn(traffic));
            assertEquals(List.of(), PrivacyCanary.trainingSamplesIn(traffic));
            // while the peers did learn from the seeded folder (the canary was in reach)
            assertTrue(Files.readString(members.get(0).folder().resolve("conf/org.neuromesh.learner.cfg"))
                    .contains(PrivacyCanary.NAME));
        }
    }

    @Test
    void givenGarbageForgeriesAndReplaysOnEveryTopic_whenPeersLearnTogether_thenEachIsRefusedWithItsReason()
            throws Exception {
        try (BrokerObserver observer = BrokerObserver.connect(broker)) {
            // given three members in a session, and a capsule the first one received
            PeerProcess coordinator = coordinator();
            List<PeerProcess> members = members(3, List.of());
            awaitReady();
            int mark = startSession(coordinator, "garbage", 3, 8);
            coordinator.current().awaitOutput(mark, "round 2/8", SESSION_TIMEOUT);
            String root = MosquittoBroker.ROOT;
            String first = observer.fullId(members.get(0).shortId());
            String second = observer.fullId(members.get(1).shortId());
            byte[] received = observer.lastPayloadOn(root + "/inbox/" + first);
            // a member's contribution, sealed to the coordinator alone (global states are sealed to every member)
            byte[] forCoordinator = observer.lastPayloadOn(root + "/inbox/" + observer.fullId(coordinator.shortId()));
            byte[] garbage = "this is not a NeuroMesh message".getBytes(StandardCharsets.UTF_8);
            // when an intruder with write access everywhere publishes garbage on every topic, a truncated and an
            // oversized message, a capsule with one byte changed, the same capsule again, and a message for the
            // coordinator into another member's inbox
            for (String topic : List.of("presence/" + "ab".repeat(32), "heartbeat/" + first, "ping/" + first,
                    "broadcast", "audit", "inbox/" + first)) {
                observer.publish(root + "/" + topic, garbage);
            }
            observer.publish(root + "/inbox/" + first, Arrays.copyOf(received, received.length / 2));
            observer.publish(root + "/inbox/" + first, new byte[9 << 20]);
            byte[] forged = received.clone();
            forged[forged.length / 2] ^= 0x01;
            observer.publish(root + "/inbox/" + first, forged);
            observer.publish(root + "/inbox/" + first, received);
            observer.publish(root + "/inbox/" + second, forCoordinator);
            // then the session completes undisturbed
            String output = coordinator.current().awaitOutput(mark, "session model:", SESSION_TIMEOUT);
            assertTrue(output.contains("round 8/8: 3 of 3 members"), output);
            // and each bad message was refused with its reason, counted, and (but for the replay) logged
            String firstPeers = members.get(0).command("neuromesh:peers", "transport: ", Duration.ofSeconds(30));
            assertTrue(firstPeers.contains("FORGED_SIGNATURE=1") && firstPeers.contains("REPLAYED="), firstPeers);
            assertTrue(firstPeers.contains("MALFORMED=") && firstPeers.contains("OVERSIZED=1"), firstPeers);
            String secondPeers = members.get(1).command("neuromesh:peers", "transport: ", Duration.ofSeconds(30));
            assertTrue(secondPeers.contains("NOT_FOR_ME=1"), secondPeers);
            String log = members.get(0).allOutput();
            assertTrue(log.contains("Dropped a message on " + root + "/inbox/" + first) && log.contains("OVERSIZED")
                    && log.contains("refused a message from"), log);
        }
    }

    @Test
    void givenPeersAndANewcomer_whenTheyUseTheShell_thenConnectBorrowCreditsShareAndSignalWorkAcrossTheBroker()
            throws Exception {
        // given a peer that learnt digits 0-4 and one that learnt 5-9, over Mosquitto
        PeerProcess low = started(PeerProcess.prepare(server, work.resolve("low"), broker, "low",
                List.of("dataset = mnist", "classes = 0,1,2,3,4", "threads = 1"), false));
        PeerProcess high = started(PeerProcess.prepare(server, work.resolve("high"), broker, "high",
                List.of("dataset = mnist", "classes = 5,6,7,8,9", "threads = 1"), false));
        awaitReady();
        for (PeerProcess peer : List.of(low, high)) {
            peer.command("neuromesh:borrow train-own --hidden 64 --epochs 1", "own model:", Duration.ofMinutes(3));
        }
        // when a newcomer that started on its embedded broker connects to the community broker with one command
        PeerProcess newcomer = started(PeerProcess.prepareUnconnected(server, work.resolve("newcomer"),
                RunningProduct.freePort(), List.of("dataset = mnist", "classes = 0", "threads = 1")));
        newcomer.awaitReady();
        int beforeConnect = newcomer.current().mark();
        String connected = newcomer.command("neuromesh:connect 127.0.0.1:" + broker.tlsPort() + " --tls --ca "
                + broker.pki().caCertificate() + " --keystore " + broker.pki().clientKeyStore()
                + " --keystore-password " + org.neuromesh.testing.mosquitto.TestPki.KEY_STORE_PASSWORD + " --user "
                + MosquittoBroker.USER + " --password " + MosquittoBroker.PASSWORD, "neuromesh:peers shows",
                Duration.ofSeconds(40));
        assertTrue(connected.contains("connected to ssl://127.0.0.1:" + broker.tlsPort() + " as peer"), connected);
        // (the transport restarts on the new settings, and with it the peer runtime and the commands using it)
        newcomer.current().awaitOutput(beforeConnect, " sessions on its data set", Duration.ofSeconds(30));
        // then it finds the others there
        awaitPeers(newcomer, "low", "high");
        // and when low borrows nodes for 5-9 from high, it gains on those digits and pays for them
        String borrowed = low.command("neuromesh:borrow --classes 5,6,7,8,9 --nodes 32 --credits 100",
                "accuracy on classes", Duration.ofMinutes(2));
        Matcher gain = Pattern.compile("accuracy on classes \\[5, 6, 7, 8, 9\\]: ([0-9.]+)% before, ([0-9.]+)% after")
                .matcher(borrowed);
        assertTrue(gain.find(), borrowed);
        assertTrue(Double.parseDouble(gain.group(2)) >= Double.parseDouble(gain.group(1)) + 40, borrowed);
        assertTrue(low.command("neuromesh:credits", "total", Duration.ofSeconds(30)).contains("total -32 credits"));
        assertTrue(high.command("neuromesh:credits", "total", Duration.ofSeconds(30)).contains("total +32 credits"));
        String loans = low.command("neuromesh:borrow loans", "on loan", Duration.ofSeconds(30));
        Matcher packet = Pattern.compile("(\\S+)  borrowed from").matcher(loans);
        assertTrue(packet.find(), loans);
        assertTrue(low.command("neuromesh:borrow return " + packet.group(1), "returned the state", Duration
                .ofSeconds(30)).contains("to " + high.shortId()));
        // and a memory shared by name reaches that peer only, a signal reaches everyone
        low.command("neuromesh:share high --text \"hello from low\" --tags greeting", "shared", Duration.ofSeconds(30));
        low.command("neuromesh:signal --value -0.25 --urgency 0.9 --topic drift", "sent to every peer",
                Duration.ofSeconds(30));
        low.command("neuromesh:signal --value 0.5 --urgency 1 --topic mnist", "sent to every peer",
                Duration.ofSeconds(30));
        awaitCommandOutput(high, "neuromesh:share inbox", "capsules shared", "14 bytes  tags [greeting]");
        awaitCommandOutput(high, "neuromesh:signal list", "signals received", "value -0.2500  urgency 0.90  drift");
        awaitCommandOutput(newcomer, "neuromesh:signal list", "signals received", "value -0.2500  urgency 0.90");
        // and a signal about its data set raises the error gain of high's training (its learner logs it)
        high.current().awaitOutput(0, "from " + low.shortId() + ": the error gain of training is now 1.500",
                Duration.ofSeconds(30));
        assertTrue(newcomer.command("neuromesh:share inbox", "capsules shared", Duration.ofSeconds(10))
                .contains("0 capsules shared"));
    }

    private static void awaitPeers(PeerProcess peer, String... names) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String seen = "";
        while (System.nanoTime() < deadline) {
            seen = peer.command("neuromesh:peers", "refused messages", Duration.ofSeconds(30));
            String listed = seen;
            if (Arrays.stream(names).allMatch(name -> listed.contains(" " + name + " "))) {
                return;
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("peers " + Arrays.toString(names) + " not found:\n" + seen);
    }

    /** Repeats {@code command} (whose output ends with a line holding {@code end}) until it prints {@code expected}. */
    private static void awaitCommandOutput(PeerProcess peer, String command, String end, String expected)
            throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String seen = "";
        while (System.nanoTime() < deadline) {
            seen = peer.command(command, end, Duration.ofSeconds(10));
            if (seen.contains(expected)) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("'" + command + "' never printed '" + expected + "':\n" + seen);
    }

    @Test
    void givenASessionUnderWay_whenABrokerClientFloodsAMembersInbox_thenItsHeapAndDiskStayBoundedAndNothingIsLost()
            throws Exception {
        // given a coordinator and three members in a session
        PeerProcess coordinator = coordinator();
        List<PeerProcess> members = members(3, List.of());
        awaitReady();
        PeerProcess victim = members.get(0);
        String victimId = fullId(victim);
        int mark = startSession(coordinator, "flood", 3, 12);
        coordinator.current().awaitOutput(mark, "round 2/12", SESSION_TIMEOUT);
        long heapBefore = usedHeapAfterGc(victim);
        // when a broker client floods the victim's inbox with well-formed messages from senders nobody knows:
        // 10,000 of 32 KiB under as many claimed senders, then 100 of 1 MiB under one
        flood(victimId, 10_000, 32 << 10, 10_000);
        flood(victimId, 100, 1 << 20, 1);
        // then the victim refused what it could not hold, counted with its reason (it holds at most 1,000)
        awaitRefusals(victim, "refused messages: ", "UNKNOWN_SENDER", 10_100 - 1_000);
        // and its heap grew by at most 64 MB, and what it holds on disk stays within its 64 MiB
        long grown = usedHeapAfterGc(victim) - heapBefore;
        assertTrue(grown <= 64L << 20, "the victim's heap grew by " + (grown >> 20) + " MB");
        long held = bytesIn(victim.folder().resolve("home/peer/held"));
        assertTrue(held <= 64L << 20, "the victim holds " + (held >> 20) + " MB on disk");
        // and the session completes with every member, and no genuine capsule was lost
        String output = coordinator.current().awaitOutput(mark, "session model:", SESSION_TIMEOUT);
        assertTrue(output.contains("round 12/12: 3 of 3 members"), output);
        assertEveryCapsuleArrived(coordinator, members);
        System.out.printf("flood: the victim's heap grew by %d MB, %d MB held on disk%n", grown >> 20, held >> 20);
    }

    @Test
    void givenASessionWithAMemberWithAValidKey_whenItTurnsHostile_thenEachOfItsAttacksIsRefusedAndCounted()
            throws Exception {
        // given a coordinator, three members, and a fourth peer announced with a valid key
        PeerProcess coordinator = coordinator();
        List<PeerProcess> members = members(3, List.of());
        awaitReady();
        PeerProcess victim = members.get(0);
        String victimId = fullId(victim);
        long heapBefore = usedHeapAfterGc(victim);
        try (RunningProduct hostile = runTool("/attacks/HostileMember.java", List.of("org.neuromesh.api_",
                "org.neuromesh.crypto_", "org.neuromesh.discovery.mqtt_", "org.neuromesh.peer_",
                "org.eclipse.paho.client.mqttv3_"), broker.plainUri(), MosquittoBroker.USER, MosquittoBroker.PASSWORD,
                MosquittoBroker.ROOT, work.resolve("hostile").toString(), "mnist", victimId, "15000", "500", "5")) {
            Matcher hostileId = Pattern.compile("hostile member ([0-9a-f]{8})").matcher(
                    hostile.awaitOutput(0, "ready", Duration.ofMinutes(1)));
            assertTrue(hostileId.find(), hostile.output());
            awaitPeers(coordinator, "hostile");
            // when the four join a session of 30 rounds with 60 s deadlines, and the fourth claims each round a
            // thousand times the training the plan allows; and after its first claim sends the victim 5 receipts for
            // packets never lent it, 15,000 signals dated 25 s ahead (more than the 10,000 the victim remembers of
            // one sender) and 500 dated an hour ahead
            int mark = startSession(coordinator, "hostile", 4, 30);
            hostile.awaitOutput(0, "dated an hour ahead", Duration.ofMinutes(5));
            // then the victim refuses the receipts as UNSOLICITED and the signals from an hour ahead as STALE
            awaitRefusals(victim, "refused messages: ", "UNSOLICITED", 5);
            awaitRefusals(victim, "refused messages: ", "STALE", 500);
            // and books no credit for them
            String credits = victim.command("neuromesh:credits", "total", Duration.ofSeconds(10));
            assertTrue(!credits.contains(hostileId.group(1)), credits);
            // and still accepts the control messages of others: a signal another member sends now reaches it
            members.get(1).command("neuromesh:signal --value 0.125 --urgency 0.5 --topic after-the-flood",
                    "sent to every peer", Duration.ofSeconds(30));
            awaitCommandOutput(victim, "neuromesh:signal list", "signals received", "after-the-flood");
            // and its heap grew by at most 64 MB
            long grown = usedHeapAfterGc(victim) - heapBefore;
            assertTrue(grown <= 64L << 20, "the victim's heap grew by " + (grown >> 20) + " MB");
            // and the session completes with the three honest members in every round: the greedy claims were
            // refused and never merged, and no round waited for them (rounds waiting out their 60 s deadlines would
            // not end in time)
            String output = coordinator.current().awaitOutput(mark, "session model:", SESSION_TIMEOUT);
            assertTrue(output.contains("round 30/30: 3 of 4 members"), output);
            assertTrue(!output.contains("4 of 4 members"), output);
            awaitRefusals(coordinator, "refused messages: ", "BEYOND_PLAN", 1);
            assertEveryCapsuleArrived(coordinator, members, Set.of(hostileId.group(1)));
            hostile.awaitOutput(0, "hostile member done", Duration.ofMinutes(2));
            System.out.printf("hostile member: %d claims refused as BEYOND_PLAN; the victim refused STALE=%d"
                    + " UNSOLICITED=%d, its heap grew by %d MB%n", refusals(coordinator, "refused messages: ",
                    "BEYOND_PLAN"), refusals(victim, "refused messages: ", "STALE"), refusals(victim,
                    "refused messages: ", "UNSOLICITED"), grown >> 20);
        }
    }

    @Test
    void givenAMemberThatRestarts_whenItsOldGoodbyeAndAMessageItAcceptedAreReplayed_thenItStaysAndBothAreRefused()
            throws Exception {
        try (BrokerObserver observer = BrokerObserver.connect(broker)) {
            // given three members in a session, and an eavesdropper who keeps the last message the first member
            // accepted from its inbox
            PeerProcess coordinator = coordinator();
            List<PeerProcess> members = members(3, List.of());
            awaitReady();
            PeerProcess victim = members.get(0);
            PeerProcess watcher = members.get(1); // the coordinator's console is busy with the session
            String root = MosquittoBroker.ROOT;
            int mark = startSession(coordinator, "restart-replay", 3, 16);
            coordinator.current().awaitOutput(mark, "round 2/16", SESSION_TIMEOUT);
            String victimId = observer.fullId(victim.shortId());
            byte[] opened = observer.lastPayloadOn(root + "/inbox/" + victimId);
            // and the goodbye it signs when stopped from its console, which it starts again from its folder
            victim.current().type("stop 0");
            assertEquals(0, victim.current().awaitExit(Duration.ofSeconds(30)), victim.current().output());
            byte[] goodbye = observer.lastPayloadOn(root + "/presence/" + victimId);
            victim.start().awaitReady();
            awaitCommandOutput(watcher, "neuromesh:peers", "refused messages", "member-0");
            long replayedBefore = refusals(victim, "refused messages: ", "REPLAYED");
            long staleBefore = refusals(watcher, "transport: ", "STALE");
            // when the eavesdropper replays both while the member runs again
            observer.publish(root + "/presence/" + victimId, goodbye);
            observer.publish(root + "/inbox/" + victimId, opened);
            // then the restarted member refuses what it accepted in its previous run, counted as REPLAYED
            awaitRefusals(victim, "refused messages: ", "REPLAYED", replayedBefore + 1);
            // and another member refuses the old goodbye as STALE and still lists the restarted one
            awaitRefusals(watcher, "transport: ", "STALE", staleBefore + 1);
            awaitCommandOutput(watcher, "neuromesh:peers", "refused messages", "member-0");
            // and the session completes with every member, no genuine capsule lost
            String output = coordinator.current().awaitOutput(mark, "session model:", SESSION_TIMEOUT);
            assertTrue(output.contains("round 16/16: 3 of 3 members"), output);
            assertEveryCapsuleArrived(coordinator, members);
            System.out.printf("restart replay: REPLAYED %d -> %d at the restarted member, STALE %d -> %d at another%n",
                    replayedBefore, refusals(victim, "refused messages: ", "REPLAYED"), staleBefore,
                    refusals(watcher, "transport: ", "STALE"));
        }
    }

    @Test
    void givenClientIdsBoundToUsers_whenAClientAsksForAMembersClientIdDuringASession_thenTheMemberKeepsItsSession()
            throws Exception {
        // given Mosquitto configured as the README advises for peers that do not trust each other (a user per peer,
        // named by its id; client ids bound to user names; the ACL written with %u), mallory, a user of it too, and a
        // coordinator and three members in a session, each with its own user
        Map<String, String> ids = new LinkedHashMap<>();
        Map<String, String> users = new HashMap<>(Map.of("mallory", "mallory-secret"));
        for (String name : List.of("coordinator", "member-0", "member-1", "member-2")) {
            String id = createIdentity(work.resolve("bound").resolve(name).resolve("home/identity"));
            ids.put(name, id);
            users.put(id, name + "-secret");
        }
        MosquittoBroker bound = MosquittoBroker.startBindingClientIds(work.resolve("bound-broker"), users);
        otherBrokers.add(bound);
        PeerProcess coordinator = started(PeerProcess.prepare(server, work.resolve("bound/coordinator"), bound,
                "coordinator", List.of("dataset = mnist", "threads = 1"), false, ids.get("coordinator"),
                "coordinator-secret"));
        List<PeerProcess> members = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String name = "member-" + i;
            members.add(started(PeerProcess.prepare(server, work.resolve("bound").resolve(name), bound, name,
                    memberLearner(i, 3, List.of()), true, ids.get(name), name + "-secret")));
        }
        awaitReady();
        int mark = startSession(coordinator, "takeover", 3, 12);
        coordinator.current().awaitOutput(mark, "round 2/12", SESSION_TIMEOUT);
        // when mallory connects asking for the first member's client id, with a persistent session, and subscribes
        // to its inbox
        String victimId = ids.get("member-0");
        MqttClient mallory = new MqttClient(bound.plainUri(), victimId, new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setUserName("mallory");
        options.setPassword("mallory-secret".toCharArray());
        options.setCleanSession(false);
        mallory.connect(options);
        List<String> stolen = java.util.Collections.synchronizedList(new ArrayList<>());
        try {
            mallory.subscribe(MosquittoBroker.ROOT + "/inbox/" + victimId, 1, (topic, message) -> stolen.add(topic));
        } catch (MqttException refusedByTheAcl) {
            // Mosquitto refuses the subscription (granted QoS 0x80): as good as no messages
        }
        try {
            // then the session completes with every member, and no genuine capsule was lost
            String output = coordinator.current().awaitOutput(mark, "session model:", SESSION_TIMEOUT);
            assertTrue(output.contains("round 12/12: 3 of 3 members"), output);
            assertEveryCapsuleArrived(coordinator, members);
            // and the member never lost its connection, mallory got none of its messages, and the broker knows
            // mallory under its own name
            String transport = lineOfPeers(members.get(0), "transport: ");
            assertTrue(transport.contains("connected=true") && transport.contains("connects=1"), transport);
            assertEquals(List.of(), stolen);
            assertTrue(bound.log().contains(" as mallory ("), bound.log());
        } finally {
            mallory.disconnect();
            mallory.close();
        }
    }

    @Test
    void givenPeersConnectedToMosquitto_whenStoppedFromTheConsoleOrBySigterm_thenEachProcessEndsWithin5Seconds()
            throws Exception {
        // given two peers connected to Mosquitto that see each other, each with its transport, runtime and learner
        PeerProcess console = coordinator();
        PeerProcess service = started(PeerProcess.prepare(server, work.resolve("service"), broker, "service",
                List.of("dataset = mnist", "threads = 1"), false));
        awaitReady();
        awaitCommandOutput(console, "neuromesh:peers", "refused messages", "service");
        awaitCommandOutput(service, "neuromesh:peers", "refused messages", "coordinator");
        // when one is stopped with 'stop 0' in its console and the other with SIGTERM
        long started = System.nanoTime();
        console.current().type("stop 0");
        service.current().terminate();
        // then both processes are gone within 5 s: no thread is left to keep a JVM alive
        console.current().awaitExit(Duration.ofSeconds(5));
        service.current().awaitExit(Duration.ofSeconds(5));
        System.out.printf("stop: both peers ended %.1f s after being told%n", (System.nanoTime() - started) / 1e9);
    }

    /** The whole id of a peer, as its console prints it. */
    private static String fullId(PeerProcess peer) throws IOException, InterruptedException {
        Matcher id = Pattern.compile("this peer: ([0-9a-f]{16,128})").matcher(
                peer.command("neuromesh:peers", "refused messages", Duration.ofSeconds(30)));
        if (!id.find()) {
            throw new AssertionError("neuromesh:peers printed no id");
        }
        return id.group(1);
    }

    /** Runs the attack tool {@code FloodInbox} (test resources) with the product's own jars, to its end. */
    private void flood(String victim, int count, int bytes, int senders) throws Exception {
        RunningProduct run = runTool("/attacks/FloodInbox.java", List.of("org.neuromesh.api_", "org.neuromesh.crypto_",
                "org.eclipse.paho.client.mqttv3_"), broker.plainUri(), MosquittoBroker.USER, MosquittoBroker.PASSWORD,
                MosquittoBroker.ROOT, victim, Integer.toString(count), Integer.toString(bytes),
                Integer.toString(senders));
        run.awaitOutput(0, "flooded", Duration.ofMinutes(10));
        assertEquals(0, run.awaitExit(Duration.ofSeconds(30)), run.output());
    }

    /** Creates a peer identity in {@code directory}, as the peer would on its first start, and returns its id. */
    private String createIdentity(Path directory) throws Exception {
        RunningProduct run = runTool("/tools/CreateIdentity.java", List.of("org.neuromesh.api_",
                "org.neuromesh.crypto_"), directory.toString());
        assertEquals(0, run.awaitExit(Duration.ofMinutes(1)), run.output());
        Matcher id = Pattern.compile("peer id ([0-9a-f]{64})").matcher(run.output());
        assertTrue(id.find(), run.output());
        return id.group(1);
    }

    /** Runs a source-file program of the test resources with the product's jars named by {@code jarPrefixes}. */
    private RunningProduct runTool(String resource, List<String> jarPrefixes, String... arguments) throws Exception {
        Path plugins = server.resolve("plugins");
        List<String> jars = new ArrayList<>();
        for (String prefix : jarPrefixes) {
            try (var files = Files.list(plugins)) {
                jars.add(files.filter(f -> f.getFileName().toString().startsWith(prefix)).findFirst()
                        .orElseThrow(() -> new AssertionError("no " + prefix + "*.jar in " + plugins)).toString());
            }
        }
        Path tool = Path.of(PeersOverMosquittoIT.class.getResource(resource).toURI());
        List<String> command = new ArrayList<>(List.of("java", "-cp", String.join(":", jars), tool.toString()));
        command.addAll(List.of(arguments));
        return RunningProduct.run(command, work);
    }

    /** The whole line (up to its line break) of {@code neuromesh:peers} that starts with {@code start}. */
    private static String lineOfPeers(PeerProcess peer, String start) throws Exception {
        int mark = peer.current().mark();
        peer.current().type("neuromesh:peers");
        Pattern whole = Pattern.compile("(?m)^" + Pattern.quote(start) + ".*\\n");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            Matcher line = whole.matcher(peer.current().output().substring(mark));
            if (line.find()) {
                return line.group().strip();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("neuromesh:peers printed no whole line starting with '" + start + "':\n"
                + peer.current().output().substring(mark));
    }

    /**
     * Waits until the line of {@code neuromesh:peers} that starts with {@code line} ({@code "refused messages: "},
     * the peer's own, or {@code "transport: "}) counts at least {@code least} refusals for {@code reason}.
     */
    private static void awaitRefusals(PeerProcess peer, String line, String reason, long least) throws Exception {
        long deadline = System.nanoTime() + SESSION_TIMEOUT.toNanos();
        long counted = -1;
        while (System.nanoTime() < deadline) {
            counted = refusals(peer, line, reason);
            if (counted >= least) {
                return;
            }
            Thread.sleep(1000);
        }
        throw new AssertionError(counted + " " + reason + " refusals on the line '" + line + "', not " + least + ":\n"
                + peer.current().output());
    }

    /** The refusals for {@code reason} that the line of {@code neuromesh:peers} starting with {@code line} counts. */
    private static long refusals(PeerProcess peer, String line, String reason) throws Exception {
        Matcher counted = Pattern.compile("\\b" + reason + "=(\\d+)").matcher(lineOfPeers(peer, line));
        return counted.find() ? Long.parseLong(counted.group(1)) : 0;
    }

    /** The heap a peer's JVM uses after a full collection, from {@code jcmd}. */
    private static long usedHeapAfterGc(PeerProcess peer) throws Exception {
        String pid = Long.toString(peer.current().pid());
        RunningProduct gc = RunningProduct.run(List.of("jcmd", pid, "GC.run"), Path.of("."));
        gc.awaitExit(Duration.ofSeconds(60));
        RunningProduct info = RunningProduct.run(List.of("jcmd", pid, "GC.heap_info"), Path.of("."));
        info.awaitExit(Duration.ofSeconds(60));
        Matcher used = Pattern.compile("used (\\d+)K").matcher(info.output());
        if (!used.find()) {
            throw new AssertionError("no heap figures from jcmd:\n" + info.output());
        }
        return Long.parseLong(used.group(1)) << 10;
    }

    private static long bytesIn(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return 0;
        }
        try (var files = Files.list(folder)) {
            return files.mapToLong(file -> file.toFile().length()).sum();
        }
    }

    /**
     * Types the start of a session of small rounds (4 batches of 64, 32 hidden nodes, 60 s deadline) into the
     * coordinator's console; returns the output mark from which to wait for its rounds.
     */
    private static int startSession(PeerProcess coordinator, String id, int members, int rounds) throws IOException {
        int mark = coordinator.current().mark();
        coordinator.current().type("neuromesh:session start --id " + id + " --members " + members + " --rounds "
                + rounds + " --steps 4 --batch 64 --hidden 32 --deadline 60 --wait");
        return mark;
    }

    private PeerProcess coordinator() throws IOException {
        return started(PeerProcess.prepare(server, work.resolve("coordinator"), broker, "coordinator",
                List.of("dataset = mnist", "threads = 1"), false));
    }

    /** Members holding two digits each of a non-IID deal of MNIST to {@code count} peers. */
    private List<PeerProcess> members(int count, List<String> extraLearnerLines) throws IOException {
        List<PeerProcess> members = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            members.add(started(PeerProcess.prepare(server, work.resolve("member-" + i), broker, "member-" + i,
                    memberLearner(i, count, extraLearnerLines), true)));
        }
        return members;
    }

    /** The learner configuration of member {@code index} of {@code count}: two digits of MNIST. */
    private static List<String> memberLearner(int index, int count, List<String> extraLearnerLines) {
        List<String> learner = new ArrayList<>(List.of("dataset = mnist", "shardPeers = " + count,
                "classesPerPeer = 2", "shardIndex = " + index, "threads = 1"));
        learner.addAll(extraLearnerLines);
        return learner;
    }

    private PeerProcess started(PeerProcess process) throws IOException {
        processes.add(process);
        return process.start();
    }

    private void awaitReady() throws InterruptedException {
        for (PeerProcess process : processes) {
            process.awaitReady();
        }
    }

    private static void awaitRoundWith(PeerProcess coordinator, int mark, String text) throws InterruptedException {
        String output = coordinator.current().awaitOutput(mark, text, SESSION_TIMEOUT);
        assertTrue(output.contains(text), output);
    }

    /**
     * Each capsule id a process logged as handed to its transport must have been opened by every recipient (in any
     * of the recipient's runs: a restarted peer gets what its broker queued for it).
     */
    private static void assertEveryCapsuleArrived(PeerProcess coordinator, List<PeerProcess> members)
            throws InterruptedException {
        assertEveryCapsuleArrived(coordinator, members, Set.of());
    }

    /** As above, leaving out capsules to {@code outsiders} (short ids of peers that are not product processes). */
    private static void assertEveryCapsuleArrived(PeerProcess coordinator, List<PeerProcess> members,
            Set<String> outsiders) throws InterruptedException {
        List<PeerProcess> all = new ArrayList<>(members);
        all.add(coordinator);
        Map<String, Set<String>> openedBy = new HashMap<>();
        for (PeerProcess process : all) {
            Set<String> opened = openedBy.computeIfAbsent(process.shortId(), id -> new HashSet<>());
            Matcher m = OPENED.matcher(process.allOutput());
            while (m.find()) {
                opened.add(m.group(1));
            }
        }
        int sent = 0;
        List<String> missing = new ArrayList<>();
        for (PeerProcess process : all) {
            Matcher m = SENT.matcher(process.allOutput());
            while (m.find()) {
                for (String recipient : m.group(3).split(",")) {
                    if (outsiders.contains(recipient)) {
                        continue;
                    }
                    sent++;
                    if (!openedBy.getOrDefault(recipient, Set.of()).contains(m.group(1))) {
                        missing.add(m.group(2) + " " + m.group(1) + " from " + process.shortId() + " to " + recipient);
                    }
                }
            }
        }
        assertTrue(sent > 0, "no capsule was logged as sent");
        assertEquals(List.of(), missing, missing.size() + " of " + sent + " capsules never opened by their recipient");
    }

    private static int count(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        int count = 0;
        while (m.find()) {
            count++;
        }
        return count;
    }
}
