package org.neuromesh.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.neuromesh.api.capsule.Capsule;
import org.neuromesh.api.capsule.PrivacyLevel;
import org.neuromesh.api.peer.Outbound;
import org.neuromesh.api.peer.PeerDiscovery;
import org.neuromesh.api.peer.PeerMessaging;
import org.neuromesh.api.peer.SealedCapsule;
import org.neuromesh.api.security.PeerSecurity;
import org.neuromesh.broker.EmbeddedBroker;
import org.neuromesh.discovery.mqtt.MqttTransport;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;

/** The MQTT transport as a real DS component: one service for discovery and messaging, configured by Config Admin. */
class MqttTransportComponentTest {

    private static final String PID = "org.neuromesh.discovery.mqtt";
    private static final String FILTER = "(&(neuromesh.discovery=mqtt)(neuromesh.messaging=mqtt))";

    private final BundleContext context = Framework.context();
    private EmbeddedBroker broker;

    @AfterEach
    void deleteConfigurationAndStopBroker() throws Exception {
        Framework.resetConfiguration(PID, PeerMessaging.class, FILTER);
        if (broker != null) {
            broker.stop();
        }
    }

    @Test
    void shouldRegisterOneServiceForDiscoveryAndMessagingAsTheDefault() throws Exception {
        // given the framework with peer security, when the transport is looked up by its properties
        Framework.await("the MQTT transport is registered", () -> transport(FILTER).isPresent());
        ServiceReference<PeerMessaging> reference = transport(FILTER).orElseThrow();
        // then one registration offers both interfaces, ranked as the default
        assertEquals(Set.of(PeerDiscovery.class.getName(), PeerMessaging.class.getName()),
                Set.of((String[]) reference.getProperty("objectClass")));
        assertEquals(100, reference.getProperty("service.ranking"));
        assertEquals("org.neuromesh.discovery.mqtt", reference.getBundle().getSymbolicName());
    }

    @Test
    void shouldDeliverACapsuleSealedToItselfThroughARealBroker() throws Exception {
        // given a broker on a free port and the transport configured for it
        int port = freePort();
        broker = new EmbeddedBroker();
        broker.start("127.0.0.1", port, Files.createTempDirectory("neuromesh-mqtt-it"));
        configure(Map.of("host", "127.0.0.1", "port", port, "heartbeatSeconds", 1));
        String filter = "(&" + FILTER + "(port=" + port + "))";
        Framework.await("the transport uses port " + port, () -> transport(filter).isPresent());
        ServiceReference<PeerMessaging> reference = transport(filter).orElseThrow();
        PeerMessaging messaging = context.getService(reference);
        PeerSecurity security = context.getService(context.getServiceReference(PeerSecurity.class));
        List<Outbound> received = new CopyOnWriteArrayList<>();
        AutoCloseable subscription = messaging.subscribe(received::add);
        try {
            // when a capsule sealed to this peer is sent
            Capsule capsule = new Capsule("mqtt-in-framework", "cluster-delta", PrivacyLevel.MASKED, Set.of("mnist"),
                    new float[] {1f}, new byte[] {4, 2}, Instant.now());
            SealedCapsule sealed = security.seal(capsule, List.of(security.self()));
            messaging.send(sealed);
            // then it comes back through the broker and opens
            Framework.await("the capsule arrives", () -> !received.isEmpty());
            Capsule opened = security.open((SealedCapsule) received.get(0));
            assertEquals("mqtt-in-framework", opened.id());
            assertTrue(((PeerDiscovery) messaging).peers().isEmpty(), "discovery never reports this peer");
        } finally {
            subscription.close();
            context.ungetService(reference);
        }
    }

    @Test
    void shouldKeepPasswordsOutOfTheServiceProperties() throws Exception {
        int port = freePort();
        configure(Map.of("port", port, "username", "alice", ".password", "pw-that-must-not-show"));
        String filter = "(&" + FILTER + "(port=" + port + "))";
        Framework.await("the transport uses port " + port, () -> transport(filter).isPresent());
        ServiceReference<PeerMessaging> reference = transport(filter).orElseThrow();
        String shown = Arrays.stream(reference.getPropertyKeys())
                .map(key -> key + "=" + String.valueOf(reference.getProperty(key))).collect(Collectors.joining(","));
        assertTrue(shown.contains("username=alice"), shown);
        assertFalse(shown.contains("pw-that-must-not-show"), shown);
    }

    @Test
    void shouldOfferNoUsableServiceWithABadPort() throws Exception {
        Framework.await("the MQTT transport is registered", () -> transport(FILTER).isPresent());
        // when a bad port is stored directly in Config Admin (bypassing the conf/ folder check)
        configure(Map.of("port", 70000));
        // then SCR cannot create the component (its activation names "port: 70000")
        Framework.await("the misconfigured transport is not usable", () -> transport("(&" + FILTER
                + "(port=70000))").map(r -> {
                    Object service = context.getService(r);
                    if (service != null) {
                        context.ungetService(r);
                    }
                    return service == null;
                }).orElse(false));
    }

    @Test
    void shouldDescribeItsConfigurationInMetatypeWithPasswordsMarked() throws Exception {
        Framework.await("the metatype service is up", () -> context.getServiceReference(MetaTypeService.class) != null);
        ServiceReference<MetaTypeService> reference = context.getServiceReference(MetaTypeService.class);
        MetaTypeService metaType = context.getService(reference);
        try {
            ObjectClassDefinition definition = metaType.getMetaTypeInformation(
                    FrameworkUtil.getBundle(MqttTransport.class)).getObjectClassDefinition(PID, null);
            Map<String, Integer> types = Arrays.stream(definition.getAttributeDefinitions(ObjectClassDefinition.ALL))
                    .collect(Collectors.toMap(AttributeDefinition::getID, AttributeDefinition::getType));
            assertEquals(AttributeDefinition.PASSWORD, types.get(".password"));
            assertEquals(AttributeDefinition.PASSWORD, types.get(".clientKeyStorePassword"));
            assertTrue(types.keySet().containsAll(Set.of("host", "port", "tls", "caCertificateFile", "clientKeyStore",
                    "username", "topicRoot", "displayName", "capabilities", "heartbeatSeconds", "missedHeartbeats",
                    "outboxDirectory", "maxMessageBytes")), types.keySet().toString());
        } finally {
            context.ungetService(reference);
        }
    }

    private void configure(Map<String, Object> values) throws IOException {
        Dictionary<String, Object> properties = new Hashtable<>(values);
        configurationAdmin().getConfiguration(PID, "?").update(properties);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private Optional<ServiceReference<PeerMessaging>> transport(String filter) {
        try {
            return context.getServiceReferences(PeerMessaging.class, filter).stream().findFirst();
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private ConfigurationAdmin configurationAdmin() {
        return context.getService(context.getServiceReference(ConfigurationAdmin.class));
    }
}
