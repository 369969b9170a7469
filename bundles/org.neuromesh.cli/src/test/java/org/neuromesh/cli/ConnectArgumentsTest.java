package org.neuromesh.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.neuromesh.api.network.BrokerAddress;
import org.neuromesh.api.network.BrokerFiles;

class ConnectArgumentsTest {

    @Test
    void givenACommunityBrokerWithTlsAndALogin_whenParsed_thenTheFilesAreConfiguredAndThePasswordsHandedOver() {
        // when connecting to a broker with TLS, a CA, a client key store and a login typed on the command line
        ConnectArguments args = ConnectArguments.parse("mqtt.example.org", "--tls", "--ca", "/etc/ca.crt",
                "--keystore", "/etc/me.p12", "--keystore-password", "ks", "--user", "alice", "--password", "secret");
        // then the address and the files go to the configuration, the TLS port by default
        assertEquals(new BrokerAddress("mqtt.example.org", 8883, true, "alice"), args.address());
        assertEquals(new BrokerFiles("/etc/ca.crt", "/etc/me.p12", "", ""), args.files());
        // and the passwords are kept apart, to be handed over in memory; neither is described nor printed
        assertEquals("secret", args.password());
        assertEquals("ks", args.keyStorePassword());
        assertEquals("mqtt.example.org:8883 (TLS) as alice", args.describe());
        assertFalse(args.toString().contains("secret") || args.toString().contains("ks,"), args.toString());
    }

    @Test
    void givenPasswordFiles_whenParsed_thenTheirAbsolutePathsAreConfiguredAndNoPasswordIsTyped() {
        // when a server is connected with its passwords in files, one named relative to the current folder
        ConnectArguments args = ConnectArguments.parse("mqtt.example.org", "--tls", "--keystore", "/etc/me.p12",
                "--keystore-password-file", "/etc/neuromesh/keystore.pass", "--user", "alice", "--password-file",
                "broker.pass");
        // then the configuration gets the files' paths (absolute: a restart may start elsewhere), no password
        assertEquals(new BrokerFiles("", "/etc/me.p12", Path.of("broker.pass").toAbsolutePath().toString(),
                "/etc/neuromesh/keystore.pass"), args.files());
        assertEquals("", args.password());
        assertEquals("", args.keyStorePassword());
    }

    @Test
    void givenAPortOrNone_whenParsed_thenThatPortOrThePlainDefault() {
        assertEquals(1884, ConnectArguments.parse("10.0.0.7:1884").address().port());
        assertEquals(1883, ConnectArguments.parse("broker.local").address().port());
        assertEquals("", ConnectArguments.parse("broker.local").address().username());
        assertEquals(BrokerFiles.none(), ConnectArguments.parse("broker.local").files());
    }

    @Test
    void givenEmbedded_whenParsed_thenTheBrokerOnThisMachineWithoutFiles() {
        ConnectArguments args = ConnectArguments.parse("--embedded");
        assertEquals("", args.address().host());
        assertEquals(BrokerFiles.none(), args.files());
        assertEquals("the embedded broker on this machine", args.describe());
    }

    @Test
    void givenMistakes_whenParsed_thenEachIsRefusedByName() {
        assertEquals("'x' is not a port number", refusal("host:x"));
        assertEquals("unknown option '--colour'", refusal("host", "--colour"));
        assertEquals("name the broker: connect HOST[:PORT], or connect --embedded", refusal("--tls"));
        assertEquals("no host in ':1883'", refusal(":1883"));
        assertEquals("give --password or --password-file, not both",
                refusal("host", "--user", "u", "--password", "p", "--password-file", "/f"));
        assertEquals("give --keystore-password or --keystore-password-file, not both", refusal("host", "--tls",
                "--keystore", "/k.p12", "--keystore-password", "p", "--keystore-password-file", "/f"));
        assertEquals("a password is for a login: give --user NAME too", refusal("host", "--password", "p"));
        assertEquals("a password is for a login: give --user NAME too", refusal("host", "--password-file", "/f"));
        assertEquals("a key store password is for a key store: give --keystore FILE.p12 too",
                refusal("host", "--tls", "--keystore-password-file", "/f"));
        assertEquals("--password needs a value", refusal("host", "--user", "u", "--password"));
    }

    private static String refusal(String... args) {
        return assertThrows(IllegalArgumentException.class, () -> ConnectArguments.parse(args)).getMessage();
    }
}
