package org.neuromesh.discovery.mqtt;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;

import javax.net.SocketFactory;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The socket factory of a connection: plain or TLS, always with {@code TCP_NODELAY}. TLS trusts the CA
 * certificates of a PEM file (or the JVM's default trust store) and presents a client certificate from a PKCS#12
 * file if one is configured.
 */
public final class SocketFactories {

    private SocketFactories() {
    }

    /**
     * The factory for these settings.
     *
     * @throws IllegalArgumentException naming the property whose file cannot be used
     */
    public static SocketFactory forSettings(MqttSettings settings) {
        if (!settings.tls()) {
            return new NoDelaySocketFactory(SocketFactory.getDefault());
        }
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(settings.clientKeyStore() == null ? null : keyManagers(settings).getKeyManagers(),
                    trustManagers(settings.caCertificateFile()).getTrustManagers(), null);
            return new NoDelaySslSocketFactory(context.getSocketFactory());
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("tls: cannot set up TLS: " + e.getMessage(), e);
        }
    }

    private static TrustManagerFactory trustManagers(Path caFile) throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        if (caFile == null) {
            factory.init((KeyStore) null);
            return factory;
        }
        Collection<? extends Certificate> certificates;
        try (InputStream in = Files.newInputStream(caFile)) {
            certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("caCertificateFile: '" + caFile + "' is not a PEM certificate file: "
                    + e.getMessage(), e);
        }
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("caCertificateFile: '" + caFile + "' holds no certificate");
        }
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        try {
            store.load(null, null);
        } catch (IOException e) {
            throw new GeneralSecurityException(e);
        }
        int i = 0;
        for (Certificate certificate : certificates) {
            store.setCertificateEntry("ca-" + i++, certificate);
        }
        factory.init(store);
        return factory;
    }

    private static KeyManagerFactory keyManagers(MqttSettings settings) throws GeneralSecurityException {
        char[] password = settings.clientKeyStorePassword();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(settings.clientKeyStore())) {
            store.load(in, password);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("clientKeyStore: '" + settings.clientKeyStore()
                    + "' cannot be read as PKCS#12 with the configured clientKeyStorePassword: " + e.getMessage(), e);
        }
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(store, password);
        return factory;
    }
}
