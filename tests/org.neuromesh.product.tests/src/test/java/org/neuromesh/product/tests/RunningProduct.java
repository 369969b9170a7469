package org.neuromesh.product.tests;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A product started as a user starts it (its own launcher script), with its console on our pipes. Everything it
 * prints is kept; {@link #awaitOutput} waits for a text to appear after a mark.
 */
final class RunningProduct implements AutoCloseable {

    private final Process process;
    private final Writer console;
    private final StringBuffer output = new StringBuffer();
    private final Thread reader;

    private RunningProduct(Process process) {
        this.process = process;
        this.console = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        this.reader = new Thread(this::readOutput, "product-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Copies the materialized product into {@code work} so that tests can change its folders freely. */
    static Path copyProduct(String productId, String rootFolder, Path work) throws IOException {
        Path products = Path.of(System.getProperty("neuromesh.products.dir"));
        Path source = products.resolve(productId).resolve("linux/gtk/x86_64").resolve(rootFolder);
        if (!Files.isDirectory(source)) {
            throw new IllegalStateException("No built product at " + source + "; run ./mvnw verify from the top");
        }
        Path target = work.resolve(rootFolder);
        copyTree(source, target);
        return target;
    }

    /** Copies a folder with everything in it, keeping file attributes (the launcher script stays executable). */
    static void copyTree(Path source, Path target) throws IOException {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    /**
     * Starts a copied server product with its embedded MQTT broker on a free loopback port (written to
     * {@code conf/org.neuromesh.broker.cfg} before the start, as a user would) and {@code neuromesh.home} in
     * {@code home}: tests never take port 1883 nor write to ~/.neuromesh.
     */
    static RunningProduct startServer(Path server, Path home, int brokerPort) throws IOException {
        Path conf = Files.createDirectories(server.resolve("conf"));
        Files.writeString(conf.resolve("org.neuromesh.broker.cfg"), "port = " + brokerPort + "\n");
        return start(server, "neuromesh-server", Map.of("NEUROMESH_VMARGS", "-Dneuromesh.home=" + home));
    }

    /** A loopback port nobody listens on right now. */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    static RunningProduct start(Path productFolder, String script, Map<String, String> environment)
            throws IOException {
        return start(productFolder, script, environment, List.of());
    }

    /** Starts a product's launcher script with arguments (they go to Equinox, e.g. {@code -configuration DIR}). */
    static RunningProduct start(Path productFolder, String script, Map<String, String> environment,
            List<String> arguments) throws IOException {
        List<String> command = new ArrayList<>();
        // A suite run in the background (CI, nohup) ignores SIGINT, and a started process inherits that: the
        // product would never see Ctrl-C. env puts the default handling back and execs the script (same pid).
        command.add("env");
        command.add("--default-signal=INT");
        command.add(productFolder.resolve(script).toString());
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(productFolder.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        return new RunningProduct(builder.start());
    }

    /** Runs any command (e.g. a script of releng/) with its output kept like a product's. */
    static RunningProduct run(List<String> command, Path directory) throws IOException {
        return new RunningProduct(new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .start());
    }

    /** Current length of the output, to wait for text printed after this point. */
    int mark() {
        return output.length();
    }

    /** Waits until {@code text} appears in the output after {@code mark}; fails with the whole output if not. */
    String awaitOutput(int mark, String text, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String since = output.substring(Math.min(mark, output.length()));
            if (since.contains(text)) {
                return since;
            }
            if (!process.isAlive()) {
                break;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("Waited " + timeout.toSeconds() + " s for \"" + text + "\" (process "
                + (process.isAlive() ? "alive" : "exited " + process.exitValue()) + "). Output:\n" + output);
    }

    /** Types a command into the product's console. */
    void type(String command) throws IOException {
        console.write(command + "\n");
        console.flush();
    }

    /** Sends SIGINT, as Ctrl-C in a terminal does. */
    void interrupt() throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).inheritIO().start().waitFor();
    }

    /** SIGTERM, as a service manager stops a server. */
    void terminate() {
        process.destroy();
    }

    /** The process id (the launcher script execs the JVM, so this is the JVM's). */
    long pid() {
        return process.pid();
    }

    /** SIGKILL: the process ends at once, as in a crash (the launcher script execs the JVM, so this is the JVM). */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

        /** Waits for the process to end; fails with the output if it does not. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the product did not exit within " + timeout.toSeconds() + " s. Output:\n"
                    + output);
        }
        return process.exitValue();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    String output() {
        return output.toString();
    }

    private void readOutput() {
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                output.append(line).append('\n');
            }
        } catch (IOException e) {
            output.append("[output closed: ").append(e.getMessage()).append("]\n");
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    /** The built jar of a test bundle in the tests folder, e.g. the sample plug-in. */
    static Path testBundleJar(String bundle) throws IOException {
        Path target = Path.of(System.getProperty("neuromesh.tests.dir")).resolve(bundle).resolve("target");
        List<Path> jars = new ArrayList<>();
        try (Stream<Path> files = Files.list(target)) {
            files.filter(f -> f.getFileName().toString().matches(bundle + "-.*\\.jar")).forEach(jars::add);
        }
        if (jars.isEmpty()) {
            throw new IllegalStateException("No jar of " + bundle + " in " + target + "; build the reactor first");
        }
        return jars.get(0);
    }
}
