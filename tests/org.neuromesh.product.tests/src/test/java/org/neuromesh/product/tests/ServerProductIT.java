package org.neuromesh.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built server product, started by its own script, driven through its Gogo console. */
class ServerProductIT {

    private static final Duration START = Duration.ofSeconds(60);
    private static final Duration REACT = Duration.ofSeconds(20);

    @TempDir
    Path work;

    private Path server;
    private int brokerPort;
    private RunningProduct product;

    @BeforeEach
    void startServer() throws Exception {
        server = RunningProduct.copyProduct("org.neuromesh.server.product", "neuromesh-server", work);
        brokerPort = RunningProduct.freePort();
        product = RunningProduct.startServer(server, work.resolve("home"), brokerPort);
        product.awaitOutput(0, "NeuroMesh ready in", START);
    }

    @AfterEach
    void stopServer() throws Exception {
        product.close();
    }

    @Test
    void listsTheDefaultLearningRuleWithItsPropertiesAndTheOtherRules() throws Exception {
        // when the user asks for the providers
        int mark = product.mark();
        product.type("neuromesh:providers");
        // then the eligibility rule is listed as the default learning rule, with its configuration
        String listing = product.awaitOutput(mark, "no provider:", REACT);
        assertTrue(listing.contains("learning rule (5)"), listing);
        assertTrue(listing.contains("eligibility  [default]  ranking 100  org.neuromesh.learning.eligibility"),
                listing);
        assertTrue(propertiesOf(listing, "eligibility  [default]").contains("learningRate=0.05"), listing);
        // and the other rules of the core feature below it, by ranking
        assertTrue(listing.contains("direct-feedback  ranking 60  org.neuromesh.learning.dfa"), listing);
        assertTrue(listing.contains("forward-forward  ranking 40  org.neuromesh.learning.forwardforward"), listing);
        assertTrue(listing.contains("pepita  ranking 30  org.neuromesh.learning.pepita"), listing);
        assertTrue(listing.contains("backprop-reference  ranking 0  org.neuromesh.learning.backprop"), listing);
    }

    @Test
    void givenTheServer_whenALocalPeerIsStartedListedAndStopped_thenItJoinsThisBrokerAndLeavesNothing()
            throws Exception {
        // given the server's transport on its embedded broker's port (conf/ is applied while it runs)
        int mark = product.mark();
        Files.writeString(server.resolve("conf/org.neuromesh.discovery.mqtt.cfg"), "port = " + brokerPort + "\n");
        product.awaitOutput(mark, "Applied configuration org.neuromesh.discovery.mqtt.cfg", REACT);
        // when a local peer holding the digits 1 and 2, without an own model, is started from the shell
        mark = product.mark();
        product.type("neuromesh:local start shell-peer --classes 2,1 --no-model");
        String started = product.awaitOutput(mark, "shell-peer  process ", Duration.ofMinutes(2));
        // then it runs from this installation in a folder under this server's home
        Matcher line = Pattern.compile("shell-peer  process ([0-9]+)  mnist \\[1, 2\\]  no own model  (\\S+)")
                .matcher(started);
        assertTrue(line.find(), started);
        ProcessHandle peer = ProcessHandle.of(Long.parseLong(line.group(1))).orElseThrow();
        Path folder = Path.of(line.group(2));
        assertEquals(work.resolve("home/local-peers/shell-peer"), folder);
        assertTrue(Files.isRegularFile(folder.resolve("conf/org.neuromesh.discovery.mqtt.cfg")));
        // and it is listed, and this server sees it through its broker
        mark = product.mark();
        product.type("neuromesh:local list");
        assertTrue(product.awaitOutput(mark, "1 local peers", REACT).contains("shell-peer  process "),
                product::output);
        // and it announces itself on this server's broker (an MQTT client listening there hears its name)
        assertTrue(heardOnTheBroker("shell-peer"), "shell-peer's announcement on the broker");
        // when a second is started with a name that is no name, then that is refused, saying why
        mark = product.mark();
        product.type("neuromesh:local start ../elsewhere");
        assertTrue(product.awaitOutput(mark, "usage: local", REACT).contains("local failed: a local peer's name is"
                + " 1-32 letters, digits, '-' or '_', not '../elsewhere'"), product::output);
        // when every local peer is stopped, then its process has ended and its folder is gone
        mark = product.mark();
        product.type("neuromesh:local stop");
        product.awaitOutput(mark, "1 local peers stopped, their folders deleted", REACT);
        assertFalse(peer.isAlive(), "the local peer's process");
        assertFalse(Files.exists(folder), "its folder");
    }

    /** Whether a message naming {@code name} passes the embedded broker within {@link #START}. */
    private boolean heardOnTheBroker(String name) throws Exception {
        MqttClient client = new MqttClient("tcp://127.0.0.1:" + brokerPort, "product-test-listener",
                new MemoryPersistence());
        BlockingQueue<String> heard = new ArrayBlockingQueue<>(1);
        try {
            client.connect();
            client.subscribe("neuromesh/v1/#", 0, (topic, message) -> {
                if (new String(message.getPayload(), StandardCharsets.ISO_8859_1).contains(name)) {
                    heard.offer(topic);
                }
            });
            return heard.poll(START.toSeconds(), TimeUnit.SECONDS) != null;
        } finally {
            if (client.isConnected()) {
                client.disconnect();
            }
            client.close();
        }
    }

    @Test
    void aPluginDroppedIntoPluginsAppearsWithoutRestartAndGoesWhenRemoved() throws Exception {
        // given the sample plug-in dropped into the running server's plugins/ folder
        Path dropped = server.resolve("plugins/sample-plugin.jar");
        Files.copy(RunningProduct.testBundleJar("org.neuromesh.sample.plugin"), dropped);
        product.awaitOutput(0, "Installed plug-in org.neuromesh.sample.plugin", REACT);
        // when the providers are listed, then the new rule is there
        assertTrue(providers().contains("sign-hebbian  ranking 0  org.neuromesh.sample.plugin"), product.output());
        // given the jar is removed again
        int mark = product.mark();
        Files.delete(dropped);
        product.awaitOutput(mark, "Removed plug-in sample-plugin.jar", REACT);
        // then the rule is gone and the default is still there
        String after = providers();
        assertFalse(after.contains("sign-hebbian"), after);
        assertTrue(after.contains("eligibility  [default]"), after);
    }

    @Test
    void aBrokenPluginIsNamedAndTheServerKeepsRunning() throws Exception {
        // given a file that is not a jar dropped into plugins/
        int mark = product.mark();
        Files.writeString(server.resolve("plugins/broken.jar"), "not a zip");
        // then the problem is reported with the file name, and the console still answers
        String report = product.awaitOutput(mark, "Plug-in broken.jar was not installed", REACT);
        assertTrue(report.contains("not a readable jar"), report);
        assertTrue(providers().contains("eligibility  [default]"));
    }

    @Test
    void aBadConfigurationIsRejectedByKeyAndAGoodOneIsApplied() throws Exception {
        Path conf = Files.createDirectories(server.resolve("conf"));
        Path file = conf.resolve("org.neuromesh.learning.eligibility.cfg");
        // given a configuration with a word where a number belongs
        int mark = product.mark();
        Files.writeString(file, "learningRate = fast\n");
        String report = product.awaitOutput(mark, "was not applied", REACT);
        assertTrue(report.contains("learningRate='fast' is not a valid Double"), report);
        assertTrue(propertiesOf(providers(), "eligibility  [default]").contains("learningRate=0.05"),
                "the default stays in force");
        // when the file is corrected
        mark = product.mark();
        Files.writeString(file, "learningRate = 0.02\n");
        file.toFile().setLastModified(System.currentTimeMillis() + 2000);
        product.awaitOutput(mark, "Applied configuration org.neuromesh.learning.eligibility.cfg", REACT);
        // then the rule is re-created with the new rate (Config Admin hands the change to DS asynchronously)
        long deadline = System.nanoTime() + REACT.toNanos();
        while (!propertiesOf(providers(), "eligibility  [default]").contains("learningRate=0.02")) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the rule kept its old rate. Output:\n" + product.output());
            }
            Thread.sleep(200);
        }
    }

    @Test
    void thePeerSecurityConfigurationIsCheckedAgainstItsMetatype() throws Exception {
        // given a negative time window for peer security in the conf/ folder
        Path file = Files.createDirectories(server.resolve("conf")).resolve("org.neuromesh.crypto.cfg");
        int mark = product.mark();
        Files.writeString(file, "controlWindowSeconds = -5\n");
        // then the crypto bundle's metatype refuses it by key
        String report = product.awaitOutput(mark, "was not applied", REACT);
        assertTrue(report.contains("controlWindowSeconds='-5'"), report);
        assertTrue(product.isAlive());
    }

    @Test
    void aMissingDataSetIsNamedAndTheServerKeepsRunning() throws Exception {
        int mark = product.mark();
        product.type("neuromesh:dataset " + work.resolve("no-such-folder"));
        String answer = product.awaitOutput(mark, "fetch-mnist.sh", REACT);
        assertTrue(answer.contains("error: MNIST directory " + work.resolve("no-such-folder")), answer);
        assertTrue(product.isAlive());
        assertTrue(providers().contains("eligibility  [default]"));
    }

    @Test
    void theEmbeddedBrokerStartsOnTheConfiguredPortAndAcceptsAnMqttClient() throws Exception {
        // given the server started with conf/org.neuromesh.broker.cfg naming a free port and no MQTT transport
        // configuration, then the log says the broker started there, with its data in neuromesh.home
        String started = product.awaitOutput(0, "Embedded MQTT broker started on 127.0.0.1:" + brokerPort, REACT);
        assertTrue(started.contains("data in " + work.resolve("home/broker")), started);
        // and it never ran with the default port first
        assertFalse(product.output().contains("on 127.0.0.1:1883 "), product.output());
        // when an MQTT 3.1.1 client connects, subscribes and publishes with QoS 1
        MqttClient client = new MqttClient("tcp://127.0.0.1:" + brokerPort, "product-test", new MemoryPersistence());
        BlockingQueue<String> received = new ArrayBlockingQueue<>(1);
        try {
            MqttConnectOptions options = new MqttConnectOptions();
            options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
            client.connect(options);
            client.subscribe("neuromesh/product-test", 1, (topic, message) -> received.add(new String(
                    message.getPayload(), StandardCharsets.UTF_8)));
            client.publish("neuromesh/product-test", "hello".getBytes(StandardCharsets.UTF_8), 1,
                    false);
            // then the message comes back through the broker
            assertEquals("hello", received.poll(REACT.toSeconds(), TimeUnit.SECONDS));
        } finally {
            if (client.isConnected()) {
                client.disconnect();
            }
            client.close();
        }
    }

    /** The properties line printed under the provider whose line starts with {@code head}; other rules share keys. */
    private static String propertiesOf(String listing, String head) {
        List<String> lines = listing.lines().map(String::trim).toList();
        for (int i = 0; i + 1 < lines.size(); i++) {
            if (lines.get(i).startsWith(head)) {
                return lines.get(i + 1);
            }
        }
        return "";
    }

    private String providers() throws IOException, InterruptedException {
        int mark = product.mark();
        product.type("neuromesh:providers");
        return product.awaitOutput(mark, "no provider:", REACT);
    }
}
