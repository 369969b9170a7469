package org.neuromesh.discovery.mqtt.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = MqttTransportConfig.PID, name = "NeuroMesh MQTT discovery and messaging",
        description = "Finds peers and exchanges sealed capsules and signed messages through an MQTT broker.")
public @interface MqttTransportConfig {

    String PID = "org.neuromesh.discovery.mqtt";

    @AttributeDefinition(name = "Broker host", description = "Host name or IP address of the MQTT broker; "
            + "blank means 127.0.0.1, the embedded broker (which then starts).")
    String host() default "";

    @AttributeDefinition(name = "Broker port", description = "TCP port of the broker (1883 plain, 8883 usual for TLS).",
            min = "1", max = "65535")
    int port() default 1883;

    @AttributeDefinition(name = "TLS", description = "Connect with TLS (ssl://).")
    boolean tls() default false;

    @AttributeDefinition(name = "CA certificate file", description = "PEM file of the CA certificate(s) that "
            + "signed the broker's certificate; blank uses the JVM's default trust store.")
    String caCertificateFile() default "";

    @AttributeDefinition(name = "Client key store", description = "PKCS#12 file with this client's certificate and "
            + "private key, for brokers that require client certificates; blank for none.")
    String clientKeyStore() default "";

    /** Key {@code .clientKeyStorePassword}: the leading dot keeps it out of the service properties. */
    @AttributeDefinition(name = "Client key store password", type = AttributeType.PASSWORD,
            description = "Password of the PKCS#12 client key store.")
    String _clientKeyStorePassword() default "";

    @AttributeDefinition(name = "Client key store password file", description = "File holding the password of the "
            + "client key store, which only its owner may access (chmod 600); used in place of the client key store "
            + "password when set.")
    String clientKeyStorePasswordFile() default "";

    @AttributeDefinition(name = "Username", description = "Broker login; blank connects anonymously.")
    String username() default "";

    /** Key {@code .password}: the leading dot keeps it out of the service properties. */
    @AttributeDefinition(name = "Password", type = AttributeType.PASSWORD, description = "Broker password.")
    String _password() default "";

    @AttributeDefinition(name = "Password file", description = "File holding the broker password, which only its "
            + "owner may access (chmod 600), read whenever the transport starts without a password handed over (e.g. "
            + "after a restart); used in place of the password when set.")
    String passwordFile() default "";

    @AttributeDefinition(name = "Allow plain credentials",
            description = "Send username and password to a broker beyond this machine without TLS; refused unless"
                    + " set, since anyone on the way can read them.")
    boolean allowPlainCredentials() default false;

    @AttributeDefinition(name = "Topic root", description = "Prefix of every topic.")
    String topicRoot() default "neuromesh/v1";

    @AttributeDefinition(name = "Display name", description = "Name shown to other peers; blank shows the id.")
    String displayName() default "";

    @AttributeDefinition(name = "Capabilities", description = "Comma-separated capabilities announced to other "
            + "peers, e.g. rule:eligibility, data:mnist, free-nodes:128.")
    String capabilities() default "";

    @AttributeDefinition(name = "Heartbeat interval (s)", description = "Seconds between heartbeats.", min = "1",
            max = "3600")
    int heartbeatSeconds() default 5;

    @AttributeDefinition(name = "Missed heartbeats", description = "A peer silent for this many of its heartbeat "
            + "intervals is declared gone.", min = "1", max = "100")
    int missedHeartbeats() default 3;

    @AttributeDefinition(name = "Keep-alive (s)", description = "MQTT keep-alive interval.", min = "1",
            max = "3600")
    int keepAliveSeconds() default 30;

    @AttributeDefinition(name = "Outbox folder", description = "Where unacknowledged messages wait; "
            + "${neuromesh.home} (system property, default ~/.neuromesh) and ${peerId} are expanded.")
    String outboxDirectory() default "${neuromesh.home}/outbox/${peerId}";

    @AttributeDefinition(name = "Largest message (bytes)", description = "Larger messages are refused when sent "
            + "and dropped when received.", min = "1024", max = "268435456")
    int maxMessageBytes() default 8388608;
}
