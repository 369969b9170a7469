package org.neuromesh.api.network;

/**
 * The files a connection to a broker may need beyond its {@link BrokerAddress}: the TLS trust and client certificate,
 * and where a peer that restarts with nobody typing (a headless server) reads its secrets. Paths only, never a
 * secret; blank means none.
 *
 * @param caCertificateFile          PEM file of the CA certificate(s) of the broker; blank: the JVM's trust store
 * @param clientKeyStore             PKCS#12 file with this peer's client certificate and key; blank: none
 * @param passwordFile               a file only its owner may access (mode 0600 or 0400) holding the broker password,
 *                                   read whenever the transport starts without a password handed over
 * @param clientKeyStorePasswordFile the same for the password of {@code clientKeyStore}
 * @since 1.2
 */
public record BrokerFiles(String caCertificateFile, String clientKeyStore, String passwordFile,
        String clientKeyStorePasswordFile) {

    public BrokerFiles {
        caCertificateFile = blankIfNull(caCertificateFile);
        clientKeyStore = blankIfNull(clientKeyStore);
        passwordFile = blankIfNull(passwordFile);
        clientKeyStorePasswordFile = blankIfNull(clientKeyStorePasswordFile);
    }

    /** No files: the JVM's trust store, no client certificate, secrets handed over only. */
    public static BrokerFiles none() {
        return new BrokerFiles("", "", "", "");
    }

    private static String blankIfNull(String path) {
        return path == null ? "" : path.strip();
    }
}
