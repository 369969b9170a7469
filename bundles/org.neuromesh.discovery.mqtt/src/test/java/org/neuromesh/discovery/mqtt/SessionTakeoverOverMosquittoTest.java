package org.neuromesh.discovery.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuromesh.crypto.MessageSecurity;
import org.neuromesh.discovery.mqtt.testing.Await;
import org.neuromesh.discovery.mqtt.testing.Identities;
import org.neuromesh.discovery.mqtt.testing.ReceivedMessages;
import org.neuromesh.discovery.mqtt.testing.TestBrokers;
import org.neuromesh.discovery.mqtt.testing.TestMessages;
import org.neuromesh.testing.mosquitto.MosquittoBroker;

/**
 * Mosquitto configured as the README advises for peers that do not trust each other (a user per peer named by its
 * id, {@code use_username_as_clientid}, the ACL with {@code %u}): a client that asks for a victim's client id gets
 * its own user name instead, so it takes over neither the victim's connection nor its persistent session.
 */
class SessionTakeoverOverMosquittoTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path work;
    private MosquittoBroker broker;
    private MqttTransport victim;
    private MqttTransport sender;

    @AfterEach
    void stop() throws Exception {
        if (victim != null) {
            victim.close();
        }
        if (sender != null) {
            sender.close();
        }
        broker.close();
    }

    private String brokerLog() {
        try {
            return broker.log();
        } catch (java.io.IOException e) {
            return "cannot read the broker's log: " + e;
        }
    }

    @Test
    void givenClientIdsBoundToUsers_whenAnotherUserConnectsWithTheVictimsClientId_thenTheVictimKeepsItsSession()
            throws Exception {
        // given a victim and a sender, each with a user of its own, and mallory, a user of the broker too
        MessageSecurity alice = Identities.fresh();
        MessageSecurity bob = Identities.fresh();
        broker = MosquittoBroker.startBindingClientIds(work.resolve("broker"), Map.of(alice.self().value(), "a-pw",
                bob.self().value(), "b-pw", "mallory", "m-pw"));
        victim = MqttTransport.startWithoutDiscovery(TestBrokers.settings(broker, work.resolve("a"))
                .credentials(alice.self().value(), "a-pw".toCharArray()).build(), alice.self());
        sender = MqttTransport.startWithoutDiscovery(TestBrokers.settings(broker, work.resolve("b"))
                .credentials(bob.self().value(), "b-pw".toCharArray()).build(), bob.self());
        ReceivedMessages received = new ReceivedMessages();
        victim.messaging().subscribe(received);
        Await.until("both connected", WAIT, () -> victim.connectionStatus().subscribed()
                && sender.connectionStatus().subscribed());
        // when mallory connects asking for the victim's client id, with a persistent session, and tries to read the
        // victim's inbox
        MqttClient mallory = new MqttClient(broker.plainUri(), alice.self().value(), new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setUserName("mallory");
        options.setPassword("m-pw".toCharArray());
        options.setCleanSession(false);
        mallory.connect(options);
        BlockingQueue<String> stolen = new LinkedBlockingQueue<>();
        try {
            mallory.subscribe(MosquittoBroker.ROOT + "/inbox/" + alice.self().value(), 1,
                    (topic, message) -> stolen.add(topic));
        } catch (MqttException refusedByTheAcl) {
            // Mosquitto refuses the subscription (granted QoS 0x80): as good as no messages
        }
        // then the victim was not disconnected, still gets what is sent to it, and mallory gets none of it
        sender.messaging().send(TestMessages.capsule("for-alice", bob.self(), List.of(alice.self()), 100));
        Await.until("the capsule reaches the victim", WAIT, () -> received.capsuleIds().contains("for-alice"),
                received::toString);
        assertTrue(victim.connectionStatus().connected(), victim.connectionStatus().toString());
        assertEquals(1, victim.connectionStatus().connects(), "the victim never had to reconnect");
        assertEquals(null, stolen.poll(1, TimeUnit.SECONDS));
        assertTrue(mallory.isConnected(), "mallory's connection is its own, under its user name");
        Await.until("the broker logging mallory under its own name", WAIT, () -> brokerLog().contains(" as mallory ("),
                this::brokerLog);
        mallory.disconnect();
        mallory.close();
    }
}
