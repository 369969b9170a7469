package org.neuromesh.peer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.neuromesh.api.peer.PeerId;

/**
 * This peer's credits, per counterparty: positive for what a peer paid this one (nodes lent to it), negative for
 * what this peer paid it. Kept in a small text file that is rewritten atomically after every change (a temporary
 * file in the same folder, then a rename), so a crash leaves the old or the new book, never half of one.
 * Thread-safe.
 *
 * <p>File: a first line {@value #HEADER}, then one line per peer: its id, a space, its balance.
 */
public final class CreditBook {

    static final String HEADER = "neuromesh-credits 1";

    private final Path file;
    private final Map<PeerId, Long> balances = new TreeMap<>((a, b) -> a.value().compareTo(b.value()));

    private CreditBook(Path file) {
        this.file = file;
    }

    /**
     * Opens the book in {@code file}, empty if the file does not exist yet.
     *
     * @throws IOException if the file cannot be read or is not a credit book (naming the file and line)
     */
    public static CreditBook open(Path file) throws IOException {
        CreditBook book = new CreditBook(Objects.requireNonNull(file, "file").toAbsolutePath());
        if (Files.exists(book.file)) {
            book.load();
        }
        return book;
    }

    public Path file() {
        return file;
    }

    /** Credits moved between this peer and {@code peer}: positive if {@code peer} paid this peer on balance. */
    public synchronized long balance(PeerId peer) {
        return balances.getOrDefault(peer, 0L);
    }

    /** The sum over all peers: what this peer earned minus what it paid. */
    public synchronized long total() {
        return balances.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Every non-zero balance, ordered by peer id. */
    public synchronized Map<PeerId, Long> balances() {
        return Map.copyOf(balances);
    }

    /**
     * Records credits moved: positive when {@code counterparty} paid this peer, negative when this peer paid it.
     * The book is on disk when this returns.
     *
     * @throws IOException if the book cannot be written; the change is then not recorded
     */
    public synchronized void record(PeerId counterparty, long credits) throws IOException {
        Objects.requireNonNull(counterparty, "counterparty");
        long before = balance(counterparty);
        long after = Math.addExact(before, credits);
        put(counterparty, after);
        try {
            save();
        } catch (IOException e) {
            put(counterparty, before);
            throw e;
        }
    }

    private void put(PeerId peer, long balance) {
        if (balance == 0) {
            balances.remove(peer);
        } else {
            balances.put(peer, balance);
        }
    }

    private void load() throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
            throw new IOException(file + " is not a credit book: its first line is not '" + HEADER + "'");
        }
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String[] fields = line.trim().split(" ");
            try {
                if (fields.length != 2) {
                    throw new IllegalArgumentException("expected '<peer id> <balance>'");
                }
                PeerId peer = new PeerId(fields[0]);
                if (balances.containsKey(peer)) {
                    throw new IllegalArgumentException("peer " + peer.shortForm() + " appears twice");
                }
                put(peer, Long.parseLong(fields[1]));
            } catch (IllegalArgumentException e) {
                throw new IOException(file + " line " + (i + 1) + " is broken: " + e.getMessage(), e);
            }
        }
    }

    private void save() throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        balances.forEach((peer, balance) -> lines.add(peer.value() + " " + balance));
        Path folder = file.getParent();
        Files.createDirectories(folder);
        Path temporary = Files.createTempFile(folder, file.getFileName().toString(), ".tmp");
        try {
            Files.write(temporary, lines, StandardCharsets.UTF_8);
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("cannot replace " + file + " atomically on this file system", e);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
