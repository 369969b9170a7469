package org.neuromesh.discovery.mqtt;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.net.SocketFactory;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuromesh.testing.mosquitto.TestPki;

class SocketFactoriesTest {

    @TempDir
    Path work;

    @Test
    void givenPlainOrTls_whenPahoCreatesItsSocket_thenTcpNoDelayIsOn() throws Exception {
        MqttSettings.Builder base = MqttSettings.builder().outboxDirectory(work.resolve("o"));
        SocketFactory plain = SocketFactories.forSettings(base.build());
        try (Socket socket = plain.createSocket()) {
            assertTrue(socket.getTcpNoDelay());
        }
        TestPki pki = TestPki.create(Files.createDirectories(work.resolve("pki")));
        SocketFactory tls = SocketFactories.forSettings(base.tls(true).caCertificateFile(pki.caCertificate()
                .toString()).clientKeyStore(pki.clientKeyStore().toString(), TestPki.KEY_STORE_PASSWORD
                        .toCharArray()).build());
        assertInstanceOf(SSLSocketFactory.class, tls, "Paho requires an SSLSocketFactory for ssl:// URIs");
        try (Socket socket = tls.createSocket()) {
            assertInstanceOf(SSLSocket.class, socket);
            assertTrue(socket.getTcpNoDelay());
        }
    }

    @Test
    void givenFilesThatAreNotCertificates_whenTlsIsSetUp_thenTheMessageNamesTheProperty() throws Exception {
        Path junk = Files.writeString(work.resolve("junk.pem"), "not a certificate");
        MqttSettings.Builder base = MqttSettings.builder().outboxDirectory(work.resolve("o")).tls(true);
        String ca = assertThrows(IllegalArgumentException.class,
                () -> SocketFactories.forSettings(base.caCertificateFile(junk.toString()).build())).getMessage();
        assertTrue(ca.startsWith("caCertificateFile: '" + junk + "'"), ca);
        String store = assertThrows(IllegalArgumentException.class, () -> SocketFactories.forSettings(
                base.caCertificateFile("").clientKeyStore(junk.toString(), "x".toCharArray()).build())).getMessage();
        assertTrue(store.startsWith("clientKeyStore: '" + junk + "'"), store);
    }
}
