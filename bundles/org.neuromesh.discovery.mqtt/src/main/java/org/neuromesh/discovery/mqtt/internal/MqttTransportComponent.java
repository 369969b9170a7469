package org.neuromesh.discovery.mqtt.internal;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.neuromesh.api.peer.Outbound;
import org.neuromesh.api.peer.PeerDiscovery;
import org.neuromesh.api.peer.PeerInfo;
import org.neuromesh.api.peer.PeerListener;
import org.neuromesh.api.peer.PeerMessaging;
import org.neuromesh.api.peer.TransportState;
import org.neuromesh.api.security.PeerSecurity;
import org.neuromesh.discovery.mqtt.MqttSettings;
import org.neuromesh.discovery.mqtt.MqttTransport;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The default discovery and messaging: one MQTT connection registered as both services. A configuration change
 * re-creates it (clean goodbye, new connection); unacknowledged messages wait in the outbox meanwhile.
 */
@Component(configurationPid = MqttTransportConfig.PID, service = { PeerDiscovery.class, PeerMessaging.class },
        property = { PeerDiscovery.NAME_PROPERTY + "=mqtt", PeerMessaging.NAME_PROPERTY + "=mqtt",
                "service.ranking:Integer=100" })
@Designate(ocd = MqttTransportConfig.class)
public class MqttTransportComponent implements PeerDiscovery, PeerMessaging {

    private static final Logger LOG = System.getLogger(MqttTransportComponent.class.getName());

    private final MqttTransport transport;

    /**
     * @param handover the passwords of a connection dialog or {@code neuromesh:connect}, which are never put into the
     *                 configuration; without them, the password files the configuration names (e.g. after a
     *                 restart)
     * @param properties the configuration, for {@link CredentialHandover#ATTEMPT}
     */
    @Activate
    public MqttTransportComponent(@Reference PeerSecurity security, @Reference CredentialHandover handover,
            MqttTransportConfig config, Map<String, Object> properties) throws IOException {
        char[] password = new char[0];
        char[] keyStorePassword;
        try {
            password = secret(handover.passwordFor(config.host(), config.port(), config.tls(), config.username()),
                    config.passwordFile(), "passwordFile", config._password());
            keyStorePassword = secret(handover.keyStorePasswordFor(config.host(), config.port(), config.tls(),
                    config.username()), config.clientKeyStorePasswordFile(), "clientKeyStorePasswordFile",
                    config._clientKeyStorePassword());
        } catch (IOException e) {
            Arrays.fill(password, '\0');
            LOG.log(Level.ERROR, "MQTT transport not started: " + e.getMessage() + ". The peer goes on without a"
                    + " connection; fix the file, then neuromesh:connect (or a restart) applies it.");
            throw e;
        }
        try {
            this.transport = MqttTransport.start(settings(config, password, keyStorePassword, security), security);
        } finally {
            // the settings keep their own copies
            Arrays.fill(password, '\0');
            Arrays.fill(keyStorePassword, '\0');
        }
        Object attempt = properties.get(CredentialHandover.ATTEMPT);
        handover.started(attempt instanceof Number number ? number.longValue() : 0, transport);
    }

    /** The handed-over secret, else the one the configuration names (file or plain value). */
    private static char[] secret(Optional<char[]> handed, String file, String setting, String plain)
            throws IOException {
        return handed.isPresent() ? handed.get() : ConfiguredSecret.read(file, setting, plain);
    }

    static MqttSettings settings(MqttTransportConfig config, char[] password, char[] keyStorePassword,
            PeerSecurity security) {
        return MqttSettings.builder().host(config.host()).port(config.port()).tls(config.tls())
                .caCertificateFile(config.caCertificateFile())
                .clientKeyStore(config.clientKeyStore(), keyStorePassword)
                .credentials(config.username(), password)
                .allowPlainCredentials(config.allowPlainCredentials()).topicRoot(config.topicRoot())
                .displayName(config.displayName()).capabilities(MqttSettings.parseCapabilities(config.capabilities()))
                .heartbeatSeconds(config.heartbeatSeconds()).missedHeartbeats(config.missedHeartbeats())
                .keepAliveSeconds(config.keepAliveSeconds())
                .outboxDirectory(MqttSettings.outboxDirectory(config.outboxDirectory(), security.self()))
                .maxMessageBytes(config.maxMessageBytes()).build();
    }

    @Deactivate
    void deactivate() {
        transport.close();
    }

    @Override
    public List<PeerInfo> peers() {
        return transport.discovery().peers();
    }

    @Override
    public AutoCloseable addListener(PeerListener listener) {
        return transport.discovery().addListener(listener);
    }

    @Override
    public void send(Outbound message) throws IOException {
        transport.messaging().send(message);
    }

    @Override
    public AutoCloseable subscribe(InboundHandler handler) {
        return transport.messaging().subscribe(handler);
    }

    @Override
    public TransportState state() {
        return transport.state();
    }

    /** Connection state and rejection counts, for diagnostics (e.g. the providers list). */
    @Override
    public String toString() {
        return transport + ", " + transport.rejections();
    }
}
