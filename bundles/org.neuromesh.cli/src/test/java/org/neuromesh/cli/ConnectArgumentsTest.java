package org.neuromesh.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;

import org.junit.jupiter.api.Test;

class ConnectArgumentsTest {

    @Test
    void aCommunityBrokerWithTlsAndALoginIsOneCommand() {
        // when connecting to a broker with TLS, a CA, a client key store and a login
        ConnectArguments args = ConnectArguments.parse("mqtt.example.org", "--tls", "--ca", "/etc/ca.crt",
                "--keystore", "/etc/me.p12", "--keystore-password", "ks", "--user", "alice", "--password", "secret");
        // then the transport gets exactly those settings, the TLS port by default, and no password is described
        Map<String, Object> p = args.properties();
        assertEquals("mqtt.example.org", p.get("host"));
        assertEquals(8883, p.get("port"));
        assertEquals(true, p.get("tls"));
        assertEquals("/etc/ca.crt", p.get("caCertificateFile"));
        assertEquals("/etc/me.p12", p.get("clientKeyStore"));
        assertEquals("ks", p.get(".clientKeyStorePassword"));
        assertEquals("alice", p.get("username"));
        assertEquals("secret", p.get(".password"));
        assertEquals("mqtt.example.org:8883 (TLS) as alice", args.describe());
        assertFalse(args.describe().contains("secret"));
    }

    @Test
    void aPortAfterTheHostAndThePlainDefault() {
        assertEquals(1884, ConnectArguments.parse("10.0.0.7:1884").properties().get("port"));
        assertEquals(1883, ConnectArguments.parse("broker.local").properties().get("port"));
        assertEquals("", ConnectArguments.parse("broker.local").properties().get("username"));
    }

    @Test
    void embeddedGoesBackToTheBrokerOnThisMachine() {
        ConnectArguments args = ConnectArguments.parse("--embedded");
        assertEquals("", args.properties().get("host"));
        assertEquals("the embedded broker on this machine", args.describe());
    }

    @Test
    void mistakesAreNamed() {
        assertEquals("'x' is not a port number",
                assertThrows(IllegalArgumentException.class, () -> ConnectArguments.parse("host:x")).getMessage());
        assertEquals("unknown option '--colour'", assertThrows(IllegalArgumentException.class,
                () -> ConnectArguments.parse("host", "--colour")).getMessage());
        assertEquals("name the broker: connect HOST[:PORT], or connect --embedded", assertThrows(
                IllegalArgumentException.class, () -> ConnectArguments.parse("--tls")).getMessage());
    }
}
