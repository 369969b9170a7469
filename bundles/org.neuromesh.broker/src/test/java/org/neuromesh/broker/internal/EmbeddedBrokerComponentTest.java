package org.neuromesh.broker.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuromesh.broker.TestClient;

/** The component under a fake Config Admin, with real brokers on free loopback ports. */
class EmbeddedBrokerComponentTest {

    private static final String TRANSPORT = EmbeddedBrokerComponent.TRANSPORT_PID;

    @TempDir
    Path home;

    private final Fakes.ConfigAdmin configAdmin = new Fakes.ConfigAdmin();
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final Logger componentLog = Logger.getLogger(EmbeddedBrokerComponent.class.getName());
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            log.add(record.getLevel() + " " + record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private EmbeddedBrokerComponent component;

    @BeforeEach
    void captureLog() {
        componentLog.addHandler(capture);
    }

    @AfterEach
    void deactivate() throws Exception {
        if (component != null) {
            component.deactivate();
        }
        componentLog.removeHandler(capture);
    }

    @Test
    void givenNoTransportConfigurationWhenActivatedInAutoModeThenTheBrokerRunsAndTheStartIsLogged()
            throws Exception {
        // given no configuration of the MQTT transport, when the component starts with the defaults (free port)
        component = activate(Map.of("port", 0));
        // then a broker accepts MQTT clients
        int port = component.runningPort().orElseThrow();
        try (TestClient client = TestClient.connect(port, "peer", true)) {
            assertTrue(client.isConnected());
        }
        // and the log says where, how fast, and why
        String started = find("Embedded MQTT broker started on 127.0.0.1:" + port + " in ");
        assertTrue(started.startsWith("INFO ") && started.contains(" ms (MQTT 3.1.1")
                && started.contains("data in " + home.resolve("broker")), started);
    }

    @Test
    void givenARunningBrokerWhenTheTransportNamesABrokerThenItStopsAndWhenTheHostIsBlankedItRunsAgain()
            throws Exception {
        component = activate(Map.of("port", 0));
        assertTrue(component.runningPort().isPresent());
        // when the transport is pointed at a community broker
        configAdmin.put(TRANSPORT, Map.of("host", "mqtt.example.org"));
        component.configurationEvent(configAdmin.changed(TRANSPORT));
        // then the embedded one stops, and the log says why
        assertEquals(Optional.empty(), component.runningPort());
        assertTrue(find("stopped in ").contains("the MQTT transport uses the broker at mqtt.example.org"),
                log.toString());
        // when the host is blanked again, then the embedded broker is back
        configAdmin.put(TRANSPORT, Map.of("host", " "));
        component.configurationEvent(configAdmin.changed(TRANSPORT));
        assertTrue(component.runningPort().isPresent());
    }

    @Test
    void givenTheTransportNamesABrokerWhenItsConfigurationIsDeletedThenTheEmbeddedBrokerStarts() throws Exception {
        // given the transport already points elsewhere when the component starts
        configAdmin.put(TRANSPORT, Map.of("host", "mqtt.example.org", "port", 8883));
        component = activate(Map.of("port", 0));
        assertEquals(Optional.empty(), component.runningPort());
        assertTrue(find("Embedded MQTT broker is off").contains("mqtt.example.org"), log.toString());
        // when its configuration is deleted, then the embedded broker runs
        configAdmin.delete(TRANSPORT);
        component.configurationEvent(configAdmin.changed(TRANSPORT));
        assertTrue(component.runningPort().isPresent());
    }

    @Test
    void givenModeNeverThenNoBrokerRuns() throws Exception {
        component = activate(Map.of("port", 0, "mode", "never"));
        assertEquals(Optional.empty(), component.runningPort());
        assertTrue(find("Embedded MQTT broker is off").contains("mode never"), log.toString());
    }

    @Test
    void givenModeAlwaysThenTheBrokerRunsThoughTheTransportNamesABroker() throws Exception {
        configAdmin.put(TRANSPORT, Map.of("host", "mqtt.example.org"));
        component = activate(Map.of("port", 0, "mode", "always"));
        assertTrue(component.runningPort().isPresent());
    }

    @Test
    void givenARunningBrokerWhenThePortChangesThenItMovesThere() throws Exception {
        component = activate(Map.of("port", 0));
        assertTrue(component.runningPort().isPresent());
        // when the configuration names another port
        int port = freePort();
        component.modified(Fakes.config(BrokerConfig.class, Map.of("port", port, "dataDirectory",
                home.resolve("broker").toString())));
        // then the broker listens there
        assertEquals(Optional.of(port), component.runningPort());
        try (TestClient client = TestClient.connect(port, "peer", true)) {
            assertTrue(client.isConnected());
        }
    }

    @Test
    void givenAnUnknownModeThenNoBrokerRunsAndTheErrorNamesTheModeAndTheConfiguration() throws Exception {
        component = activate(Map.of("port", 0, "mode", "sometimes"));
        assertEquals(Optional.empty(), component.runningPort());
        String error = find("Embedded MQTT broker not started");
        assertTrue(error.startsWith("SEVERE ") && error.contains("Unknown broker mode 'sometimes'")
                && error.contains("conf/org.neuromesh.broker.cfg"), error);
    }

    @Test
    void givenATakenPortThenTheErrorIsLoggedWithThePortAndWhereToChangeIt() throws Exception {
        try (ServerSocket other = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            component = activate(Map.of("port", other.getLocalPort()));
            assertEquals(Optional.empty(), component.runningPort());
            String error = find("Embedded MQTT broker not started");
            assertTrue(error.contains("Port " + other.getLocalPort() + " on 127.0.0.1 is already in use")
                    && error.contains("conf/org.neuromesh.broker.cfg"), error);
        }
    }

    @Test
    void givenADeactivatedComponentWhenATransportChangeArrivesLateThenItIsIgnored() throws Exception {
        EmbeddedBrokerComponent stopped = activate(Map.of("port", 0));
        stopped.deactivate();
        // Config Admin may still deliver an event it queued before the deactivation
        configAdmin.put(TRANSPORT, Map.of("host", "mqtt.example.org"));
        stopped.configurationEvent(configAdmin.changed(TRANSPORT));
        assertTrue(find("stopped in ").contains("the component is stopping"), log.toString());
    }

    /** The component as DS creates it; neuromesh.home points into the test's folder. */
    private EmbeddedBrokerComponent activate(Map<String, Object> values) {
        Map<String, String> properties = new HashMap<>(Map.of("neuromesh.home", home.toString(),
                "user.home", home.resolve("user").toString()));
        return new EmbeddedBrokerComponent(Fakes.config(BrokerConfig.class, values), configAdmin.service(),
                properties::get);
    }

    private String find(String text) {
        return log.stream().filter(line -> line.contains(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no log line with \"" + text + "\" in " + log));
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }
}
