package org.neuromesh.localpeers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A local peer's process: its console (standard input) and its output, of which the last {@value #KEPT_LINES} lines
 * are kept (each cut at {@value #LINE_LIMIT} characters), so a chatty peer cannot fill this one's memory.
 */
public final class LocalPeerProcess implements AutoCloseable {

    static final int KEPT_LINES = 400;
    static final int LINE_LIMIT = 2_000;

    private final Process process;
    private final Writer console;
    private final ArrayDeque<String> lines = new ArrayDeque<>();
    /** Lines read since the start, including those no longer kept. */
    private long read;
    private boolean ended;

    private LocalPeerProcess(Process process) {
        this.process = process;
        this.console = new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(this::readOutput, "neuromesh-local-peer-" + process.pid());
        reader.setDaemon(true);
        reader.start();
        // its output may stay open after it ended (a child of it holding it): the end counts, after a last read
        process.onExit().thenRun(() -> {
            try {
                reader.join(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            markEnded();
        });
    }

    /** Starts {@code command} in {@code directory}, its errors merged into its output. */
    public static LocalPeerProcess start(List<String> command, Path directory) throws IOException {
        return new LocalPeerProcess(new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(
                true).start());
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** How many lines it has written so far: a mark for {@link #awaitLine}. */
    public synchronized long mark() {
        return read;
    }

    /** Types {@code line} into its console. */
    public void type(String line) throws IOException {
        synchronized (console) {
            console.write(line + "\n");
            console.flush();
        }
    }

    /**
     * Waits for a line after {@code mark} that {@code wanted} accepts.
     *
     * @return the line, or empty if {@code timeout} passed first
     * @throws IOException if the process ended first (the message has its last lines)
     */
    public Optional<String> awaitLine(long mark, Predicate<String> wanted, Duration timeout) throws IOException,
            InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            long next = mark;
            while (true) {
                long first = read - lines.size();
                long index = first;
                for (String line : lines) {
                    if (index++ >= next && wanted.test(line)) {
                        return Optional.of(line);
                    }
                }
                next = read;
                if (ended) {
                    throw new IOException("its process ended" + exitCode() + "; its last lines:\n" + tail(20));
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return Optional.empty();
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        }
    }

    /** Its last {@code count} lines of output, for error messages. */
    public synchronized String tail(int count) {
        List<String> kept = List.copyOf(lines);
        return String.join("\n", kept.subList(Math.max(0, kept.size() - count), kept.size()));
    }

    /** Stops it: asks politely (SIGTERM), then forcibly after {@code grace}. */
    public void stop(Duration grace) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop(Duration.ofSeconds(5));
    }

    private String exitCode() {
        return process.isAlive() ? "" : " with exit code " + process.exitValue();
    }

    private void readOutput() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                append(line.length() > LINE_LIMIT ? line.substring(0, LINE_LIMIT) : line);
            }
        } catch (IOException e) {
            append("(its output could not be read further: " + e.getMessage() + ")");
        } finally {
            awaitExit();
            markEnded();
        }
    }

    private synchronized void markEnded() {
        ended = true;
        notifyAll();
    }

    /**
     * Its output closed: it is ending. Waits (a little) until it has, so that whoever is told it ended sees it gone
     * and its exit code.
     */
    private void awaitExit() {
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void append(String line) {
        if (lines.size() == KEPT_LINES) {
            lines.removeFirst();
        }
        lines.addLast(line);
        read++;
        notifyAll();
    }
}
