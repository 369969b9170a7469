package org.neuromesh.discovery.mqtt;

import java.io.Closeable;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A folder of messages that were accepted for sending but not yet acknowledged by the broker: one file per
 * publish, written atomically (temporary file, fsync, atomic rename, fsync of the folder) before the publish, and
 * deleted when the broker has acknowledged it. Whatever is in the folder after a crash is sent again.
 *
 * <p>File layout: {@code NMOB}, format version 1, topic (2-byte length + UTF-8), then the payload to the end of
 * the file. Names are the zero-padded sequence number plus {@value #SUFFIX}, so name order is send order. One
 * transport at a time may use a folder: it holds a lock on {@value #LOCK_FILE}.
 */
public final class Outbox implements Closeable {

    static final String SUFFIX = ".nmo";
    static final String LOCK_FILE = ".lock";
    private static final byte[] MAGIC = {'N', 'M', 'O', 'B'};
    private static final int VERSION = 1;
    private static final Logger LOG = System.getLogger(Outbox.class.getName());

    private final Path directory;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final AtomicLong nextSequence;

    private Outbox(Path directory, FileChannel lockChannel, FileLock lock, long nextSequence) {
        this.directory = directory;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.nextSequence = new AtomicLong(nextSequence);
    }

    /**
     * Opens (and creates) an outbox folder and locks it.
     *
     * @throws IOException naming the folder if it cannot be created, read, or is in use by another transport
     */
    public static Outbox open(Path directory) throws IOException {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new IOException("outboxDirectory: cannot create '" + directory + "': " + e, e);
        }
        FileChannel channel = FileChannel.open(directory.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new IOException("outboxDirectory: '" + directory + "' is in use by another transport");
        }
        long max = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (name.endsWith(SUFFIX + ".tmp")) {
                    Files.deleteIfExists(file); // a write that never completed: its send() failed
                } else if (name.endsWith(SUFFIX)) {
                    try {
                        max = Math.max(max, sequenceOf(name));
                    } catch (IOException e) {
                        // pending() moves it aside
                    }
                }
            }
        }
        return new Outbox(directory, channel, lock, max + 1);
    }

    public Path directory() {
        return directory;
    }

    /**
     * Stores a message durably; returns when it is on disk.
     *
     * @throws IOException if it could not be written; then nothing is left behind
     */
    public OutboxEntry add(String topic, byte[] payload) throws IOException {
        long sequence = nextSequence.getAndIncrement();
        String name = String.format("%019d", sequence) + SUFFIX;
        Path file = directory.resolve(name);
        Path temporary = directory.resolve(name + ".tmp");
        byte[] topicBytes = topic.getBytes(StandardCharsets.UTF_8);
        ByteBuffer header = ByteBuffer.allocate(MAGIC.length + 1 + 2 + topicBytes.length);
        header.put(MAGIC).put((byte) VERSION).putShort((short) topicBytes.length).put(topicBytes).flip();
        try {
            try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                writeFully(out, header);
                writeFully(out, ByteBuffer.wrap(payload));
                out.force(true);
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
            syncDirectory();
        } catch (IOException e) {
            Files.deleteIfExists(temporary);
            throw new IOException("cannot write the outbox file " + file + ": " + e.getMessage(), e);
        }
        return new OutboxEntry(sequence, topic, file, payload.length, payload);
    }

    /**
     * Every stored entry, oldest first. A file that is not an outbox entry is renamed to {@code *.corrupt} and
     * logged, never sent.
     */
    public List<OutboxEntry> pending() throws IOException {
        List<OutboxEntry> entries = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*" + SUFFIX)) {
            for (Path file : files) {
                try {
                    entries.add(readHeader(file));
                } catch (NoSuchFileException e) {
                    // acknowledged and deleted since the folder was listed
                } catch (IOException e) {
                    Path aside = file.resolveSibling(file.getFileName() + ".corrupt");
                    LOG.log(Level.WARNING, "Outbox file " + file + " is unreadable (" + e.getMessage()
                            + "); moved aside to " + aside.getFileName() + ", not sent");
                    Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        Collections.sort(entries);
        return entries;
    }

    /** The payload of an entry, from memory or from its file. */
    public byte[] read(OutboxEntry entry) throws IOException {
        byte[] cached = entry.cachedPayload();
        if (cached != null) {
            return cached;
        }
        byte[] all = Files.readAllBytes(entry.file());
        int offset = MAGIC.length + 1 + 2 + entry.topic().getBytes(StandardCharsets.UTF_8).length;
        byte[] payload = new byte[all.length - offset];
        System.arraycopy(all, offset, payload, 0, payload.length);
        return payload;
    }

    /** Deletes an acknowledged entry; a second call is harmless. */
    public void remove(OutboxEntry entry) {
        entry.dropCachedPayload();
        try {
            Files.deleteIfExists(entry.file());
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Cannot delete the delivered outbox file " + entry.file()
                    + "; it will be sent again after a restart: " + e);
        }
    }

    /** How many entries are stored now. */
    public int size() throws IOException {
        try (var files = Files.newDirectoryStream(directory, "*" + SUFFIX)) {
            int count = 0;
            var iterator = files.iterator();
            while (iterator.hasNext()) {
                iterator.next();
                count++;
            }
            return count;
        }
    }

    /** Releases the folder's lock; the stored entries stay. */
    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            lockChannel.close();
        }
    }

    private OutboxEntry readHeader(Path file) throws IOException {
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer fixed = ByteBuffer.allocate(MAGIC.length + 1 + 2);
            readFully(in, fixed);
            byte[] magic = new byte[MAGIC.length];
            fixed.get(magic);
            int version = fixed.get();
            if (!java.util.Arrays.equals(magic, MAGIC) || version != VERSION) {
                throw new IOException("not an outbox entry (magic/version)");
            }
            int topicLength = Short.toUnsignedInt(fixed.getShort());
            ByteBuffer topic = ByteBuffer.allocate(topicLength);
            readFully(in, topic);
            long payloadBytes = in.size() - fixed.capacity() - topicLength;
            if (payloadBytes <= 0 || payloadBytes > Integer.MAX_VALUE) {
                throw new IOException("payload of " + payloadBytes + " bytes");
            }
            return new OutboxEntry(sequenceOf(file.getFileName().toString()),
                    new String(topic.array(), StandardCharsets.UTF_8), file, (int) payloadBytes, null);
        }
    }

    private static long sequenceOf(String name) throws IOException {
        try {
            return Long.parseLong(name.substring(0, name.indexOf('.')));
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            throw new IOException("'" + name + "' is not named by a sequence number");
        }
    }

    private void syncDirectory() throws IOException {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        }
    }

    private static void writeFully(FileChannel out, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            out.write(buffer);
        }
    }

    private static void readFully(FileChannel in, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            if (in.read(buffer) < 0) {
                throw new IOException("truncated");
            }
        }
        buffer.flip();
    }
}
