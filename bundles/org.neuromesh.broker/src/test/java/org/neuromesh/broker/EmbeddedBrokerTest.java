package org.neuromesh.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedBrokerTest {

    private static final String LOOPBACK = "127.0.0.1";

    @TempDir
    Path data;

    private final EmbeddedBroker broker = new EmbeddedBroker();

    @AfterEach
    void stopBroker() {
        broker.stop();
    }

    @Test
    void givenAFreePortWhenAQos1MessageIsPublishedThenTheSubscriberReceivesIt() throws Exception {
        // given a broker on a port the system picks
        broker.start(LOOPBACK, 0, data);
        int port = broker.port();
        assertTrue(port > 0);
        try (TestClient subscriber = TestClient.connect(port, "subscriber", true);
                TestClient publisher = TestClient.connect(port, "publisher", true)) {
            subscriber.subscribe("neuromesh/test");
            // when a QoS 1 message is published (and acknowledged)
            publisher.publish("neuromesh/test", "hello", false);
            // then it arrives
            assertEquals(new TestClient.Received("neuromesh/test", "hello", false),
                    subscriber.next(5, TimeUnit.SECONDS));
        }
    }

    @Test
    void givenARetainedMessageWhenALateSubscriberSubscribesThenItGetsIt() throws Exception {
        broker.start(LOOPBACK, 0, data);
        // given a retained message published before anyone listened
        try (TestClient publisher = TestClient.connect(broker.port(), "publisher", true)) {
            publisher.publish("neuromesh/presence/peer-1", "online", true);
        }
        // when a subscriber comes later
        try (TestClient late = TestClient.connect(broker.port(), "late", true)) {
            late.subscribe("neuromesh/presence/+");
            // then the broker hands it the retained message (Moquette 0.17 sends it at QoS 1 without the RETAIN
            // flag that MQTT-3.3.1-8 asks for, so the flag is not checked here)
            TestClient.Received received = late.next(5, TimeUnit.SECONDS);
            assertNotNull(received, "no retained message");
            assertEquals("neuromesh/presence/peer-1 online", received.topic() + " " + received.text());
        }
    }

    @Test
    void givenAnOfflinePersistentSessionWhenTheBrokerRestartsThenItsQueuedQos1MessageIsDelivered()
            throws Exception {
        broker.start(LOOPBACK, 0, data);
        // given a subscriber with a persistent session that went offline
        try (TestClient sleeper = TestClient.connect(broker.port(), "sleeper", false)) {
            sleeper.subscribe("neuromesh/capsules");
        }
        // and a QoS 1 message published for it while it was away
        try (TestClient publisher = TestClient.connect(broker.port(), "publisher", true)) {
            publisher.publish("neuromesh/capsules", "capsule-1", false);
        }
        // when the broker stops and starts again on the same data directory
        broker.stop();
        broker.start(LOOPBACK, 0, data);
        // then the subscriber, back with the same session and without subscribing again, gets the message
        try (TestClient back = TestClient.connect(broker.port(), "sleeper", false)) {
            assertEquals(new TestClient.Received("neuromesh/capsules", "capsule-1", false),
                    back.next(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void givenATakenPortWhenTheBrokerStartsThenTheErrorNamesThePortAndWhatToDo() throws Exception {
        // given a port another program listens on
        try (ServerSocket other = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            int taken = other.getLocalPort();
            // when the broker is started on it
            BrokerException e = assertThrows(BrokerException.class, () -> broker.start(LOOPBACK, taken, data));
            // then the message names the port and says how to get out of it
            assertTrue(e.getMessage().contains("Port " + taken + " on 127.0.0.1 is already in use"), e.getMessage());
            assertTrue(e.getMessage().contains("choose another port"), e.getMessage());
            assertFalse(broker.isRunning());
        }
        // and nothing is left behind: the same broker starts once a port is free
        broker.start(LOOPBACK, 0, data);
        assertTrue(broker.isRunning());
    }

    @Test
    void givenTheDefaultSettingsThenTelemetryIsOffAndNothingIsReported() throws Exception {
        // the configuration handed to Moquette switches telemetry off
        Properties properties = EmbeddedBroker.moquetteProperties(LOOPBACK, 0, data, false);
        assertEquals("false", properties.getProperty("telemetry_enabled"));
        // and a running broker, after serving a client, has not created the installation id it sends with telemetry
        broker.start(LOOPBACK, 0, data);
        try (TestClient client = TestClient.connect(broker.port(), "client", true)) {
            client.publish("neuromesh/test", "x", false);
        }
        Thread.sleep(500);
        assertFalse(Files.exists(data.resolve(".moquette_uuid")), "Moquette's telemetry ran");
    }

    @Test
    void givenAFileWhereTheDataDirectoryShouldBeThenTheErrorNamesTheDirectory() throws Exception {
        // given a data directory that cannot be created (a file is in the way; this holds for root too)
        Path file = Files.writeString(data.resolve("occupied"), "x");
        Path wanted = file.resolve("broker");
        // when the broker starts there, then the message names the directory and the cause
        BrokerException e = assertThrows(BrokerException.class, () -> broker.start(LOOPBACK, 0, wanted));
        assertTrue(e.getMessage().contains("Cannot create the broker's data directory " + wanted), e.getMessage());
        assertTrue(e.getMessage().contains("choose a writable directory"), e.getMessage());
        assertFalse(broker.isRunning());
    }

    @Test
    void givenADataDirectoryInUseByAnotherBrokerThenTheErrorSaysSo() throws Exception {
        broker.start(LOOPBACK, 0, data);
        try (EmbeddedBroker second = new EmbeddedBroker()) {
            BrokerException e = assertThrows(BrokerException.class, () -> second.start(LOOPBACK, 0, data));
            assertTrue(e.getMessage().contains("another broker may be using this data directory"), e.getMessage());
            assertFalse(second.isRunning());
        }
    }

    @Test
    void givenANonLoopbackHostWithoutPasswordFileThenTheBrokerRefusesToStart() {
        // 0.0.0.0 would let every machine on the network in without credentials
        BrokerException e = assertThrows(BrokerException.class, () -> broker.start("0.0.0.0", 0, data));
        assertTrue(e.getMessage().contains("only on a loopback address"), e.getMessage());
        assertFalse(broker.isRunning());
    }

    @Test
    void givenAPasswordFileThenOnlyItsUsersGetIn() throws Exception {
        Path passwords = Files.writeString(data.resolve("passwords"),
                "# peers\n" + PasswordFile.entry("peer-a", "s3cret".toCharArray()) + "\n");
        broker.start(LOOPBACK, 0, data.resolve("store"), passwords);
        // an anonymous client is refused, a wrong password too
        assertThrows(MqttException.class, () -> TestClient.connect(broker.port(), "anonymous", true));
        assertThrows(MqttException.class,
                () -> TestClient.connect(broker.port(), "guesser", true, "peer-a", "guess"));
        // the user of the file gets in
        try (TestClient client = TestClient.connect(broker.port(), "peer-a", true, "peer-a", "s3cret")) {
            assertTrue(client.isConnected());
        }
    }

    @Test
    void givenAMalformedPasswordFileThenTheErrorNamesTheLine() throws Exception {
        Path passwords = Files.writeString(data.resolve("passwords"),
                PasswordFile.entry("peer-a", "x".toCharArray()) + "\npeer-b:secret\n");
        BrokerException e = assertThrows(BrokerException.class,
                () -> broker.start(LOOPBACK, 0, data.resolve("store"), passwords));
        assertTrue(e.getMessage().contains("Line 2 of the broker's password file"), e.getMessage());
        assertFalse(broker.isRunning());
    }

    @Test
    void givenAnUnsaltedOrTooFastHashThenTheBrokerRefusesToStartAndSaysHowToReplaceIt() throws Exception {
        // given a line of Moquette's own format (unsalted SHA-256), and one of 1,000 iterations
        Path unsalted = Files.writeString(data.resolve("unsalted"), "peer-a:" + sha256("s3cret") + "\n");
        Path fast = Files.writeString(data.resolve("fast"), PasswordFile.entry("peer-a", "x".toCharArray())
                .replace(":" + PasswordFile.ITERATIONS + ":", ":1000:") + "\n");
        // then neither starts, and the messages say why and what to do
        BrokerException e = assertThrows(BrokerException.class,
                () -> broker.start(LOOPBACK, 0, data.resolve("store"), unsalted));
        assertTrue(e.getMessage().contains("unsalted SHA-256") && e.getMessage().contains("neuromesh:passwd"),
                e.getMessage());
        e = assertThrows(BrokerException.class, () -> broker.start(LOOPBACK, 0, data.resolve("store"), fast));
        assertTrue(e.getMessage().contains("1000 iterations"), e.getMessage());
        assertFalse(broker.isRunning());
    }

    @Test
    void givenAPasswordFileThenEachEntryHasItsOwnSaltAndOnlyTheRightPasswordMatches() throws Exception {
        // given two users with the same password
        Path passwords = Files.writeString(data.resolve("passwords"), PasswordFile.entry("a", "same".toCharArray())
                + "\n" + PasswordFile.entry("b", "same".toCharArray()) + "\n");
        PasswordFile file = PasswordFile.load(passwords);
        // then their lines differ (salted), and only the right user and password match
        List<String> lines = Files.readAllLines(passwords);
        assertNotEquals(lines.get(0).substring(2), lines.get(1).substring(2));
        assertTrue(file.matches("a", "same".getBytes(StandardCharsets.UTF_8)));
        assertFalse(file.matches("a", "Same".getBytes(StandardCharsets.UTF_8)));
        assertFalse(file.matches("c", "same".getBytes(StandardCharsets.UTF_8)));
        assertFalse(file.matches("a", null));
        assertEquals(2, file.users());
        assertFalse(Files.readString(passwords).contains("same"));
    }

    @Test
    void givenAMessageOfOneMebibyteThenItIsDeliveredAndOneOverTheLimitClosesTheSender() throws Exception {
        broker.start(LOOPBACK, 0, data);
        try (TestClient subscriber = TestClient.connect(broker.port(), "subscriber", true);
                TestClient publisher = TestClient.connect(broker.port(), "publisher", true)) {
            subscriber.subscribe("neuromesh/big");
            // a 1 MiB capsule passes (Moquette's own limit would be 8 kB)
            publisher.publish("neuromesh/big", new byte[1 << 20], false);
            TestClient.Received received = subscriber.next(10, TimeUnit.SECONDS);
            assertNotNull(received);
            assertEquals(1 << 20, received.text().length());
            // one byte over the limit: the broker drops the sender and forwards nothing
            assertThrows(MqttException.class,
                    () -> publisher.publish("neuromesh/big", new byte[EmbeddedBroker.MAX_MESSAGE_BYTES + 1], false));
            assertNull(subscriber.next(1, TimeUnit.SECONDS));
            assertFalse(publisher.isConnected());
        }
    }

    @Test
    void givenARunningBrokerWhenItStopsThenThePortIsFreeAgain() throws Exception {
        broker.start(LOOPBACK, 0, data);
        int port = broker.port();
        broker.stop();
        assertFalse(broker.isRunning());
        // connecting fails: nobody listens any more
        assertThrows(java.io.IOException.class, () -> new Socket(LOOPBACK, port).close());
        assertNotEquals(0, port);
    }

    private static String sha256(String password) throws Exception {
        return HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8)));
    }
}
