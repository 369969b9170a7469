package org.neuromesh.testing.mosquitto;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away certificate authority made with the {@code openssl} command: a CA, a server certificate for
 * {@code 127.0.0.1}/{@code localhost}, and a client certificate (PEM, and PKCS#12 with {@link #KEY_STORE_PASSWORD}).
 */
public final class TestPki {

    public static final String KEY_STORE_PASSWORD = "changeit";

    private final Path directory;

    private TestPki(Path directory) {
        this.directory = directory;
    }

    /** Creates the files in {@code directory} (which must exist). */
    public static TestPki create(Path directory) throws IOException, InterruptedException {
        TestPki pki = new TestPki(directory);
        pki.openssl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", "ca.key", "-out", "ca.crt", "-days", "3", "-subj", "/CN=NeuroMesh Test CA");
        pki.issue("server", "/CN=localhost", "subjectAltName=IP:127.0.0.1,DNS:localhost\n"
                + "extendedKeyUsage=serverAuth\n");
        pki.issue("client", "/CN=neuromesh-test-client", "extendedKeyUsage=clientAuth\n");
        pki.openssl("pkcs12", "-export", "-inkey", "client.key", "-in", "client.crt", "-certfile", "ca.crt",
                "-out", "client.p12", "-passout", "pass:" + KEY_STORE_PASSWORD);
        return pki;
    }

    public Path caCertificate() {
        return directory.resolve("ca.crt");
    }

    public Path serverCertificate() {
        return directory.resolve("server.crt");
    }

    public Path serverKey() {
        return directory.resolve("server.key");
    }

    public Path clientCertificate() {
        return directory.resolve("client.crt");
    }

    public Path clientKey() {
        return directory.resolve("client.key");
    }

    /** The client certificate and key as PKCS#12, protected by {@link #KEY_STORE_PASSWORD}. */
    public Path clientKeyStore() {
        return directory.resolve("client.p12");
    }

    private void issue(String name, String subject, String extensions) throws IOException, InterruptedException {
        Files.writeString(directory.resolve(name + ".ext"), extensions);
        openssl("req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout",
                name + ".key", "-out", name + ".csr", "-subj", subject);
        openssl("x509", "-req", "-in", name + ".csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial",
                "-out", name + ".crt", "-days", "3", "-extfile", name + ".ext");
    }

    private void openssl(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add("openssl");
        command.addAll(List.of(arguments));
        Path log = directory.resolve("openssl.log");
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException(String.join(" ", command) + " failed:\n" + Files.readString(log));
        }
    }
}
