package org.neuromesh.peer;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.neuromesh.api.peer.Outbound;
import org.neuromesh.api.security.RejectedMessageException;
import org.neuromesh.crypto.WireFormat;

/**
 * {@link HeldMessages} as one file per message in a folder, in the wire format, named by a sequence number so that
 * they come back in the order they arrived. A file is written whole and synced under a temporary name, then
 * renamed: a crash leaves either the complete message or nothing. A file that cannot be read back is renamed to
 * {@code *.broken} and reported, never silently dropped, and never stops the peer.
 */
public final class HeldMessageFolder implements HeldMessages {

    private static final System.Logger LOG = System.getLogger(HeldMessageFolder.class.getName());
    private static final String SUFFIX = ".msg";

    private final Path folder;
    private final WireFormat format;
    private final AtomicLong sequence;

    private HeldMessageFolder(Path folder, WireFormat format, long lastSequence) {
        this.folder = folder;
        this.format = format;
        this.sequence = new AtomicLong(lastSequence);
    }

    /** Opens (creating it if needed) the folder; messages up to {@code format}'s size limit are read back. */
    public static HeldMessageFolder open(Path folder, WireFormat format) throws IOException {
        Files.createDirectories(folder);
        long last = 0;
        for (Path file : files(folder)) {
            last = Math.max(last, sequenceOf(file));
        }
        return new HeldMessageFolder(folder, format, last);
    }

    public Path folder() {
        return folder;
    }

    @Override
    public String keep(Outbound message) throws IOException {
        String name = String.format("%020d%s", sequence.incrementAndGet(), SUFFIX);
        Path temporary = folder.resolve(name + ".tmp");
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE)) {
            ByteBuffer bytes = ByteBuffer.wrap(format.encode(message));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(true);
        } catch (IOException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
        Files.move(temporary, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        return name;
    }

    @Override
    public void release(String key) {
        if (key == null || !key.endsWith(SUFFIX) || key.contains("/")) {
            return; // not one of this folder's files
        }
        try {
            Files.deleteIfExists(folder.resolve(key));
        } catch (IOException e) {
            // it comes back after a restart and is then refused as a replay or handled again (at least once)
            LOG.log(Level.WARNING, "could not delete the handled held message " + folder.resolve(key) + ": "
                    + e.getMessage());
        }
    }

    @Override
    public List<Held> keptBefore() {
        List<Held> kept = new ArrayList<>();
        List<Path> files;
        try {
            deleteUnfinished();
            files = files(folder);
        } catch (IOException e) {
            LOG.log(Level.ERROR, "cannot read the held messages in " + folder + ": " + e.getMessage());
            return kept;
        }
        for (Path file : files) {
            try {
                kept.add(new Held(file.getFileName().toString(), format.decode(Files.readAllBytes(file))));
            } catch (IOException | RejectedMessageException e) {
                setAside(file, e.getMessage());
            }
        }
        return kept;
    }

    /** Files of messages, oldest first (the zero-padded sequence sorts as text). */
    private static List<Path> files(Path folder) throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder, "*" + SUFFIX)) {
            stream.forEach(files::add);
        }
        files.sort(null);
        return files;
    }

    private static long sequenceOf(Path file) {
        String name = file.getFileName().toString();
        try {
            return Long.parseLong(name.substring(0, name.length() - SUFFIX.length()));
        } catch (NumberFormatException e) {
            return 0; // not one of ours; it sorts and loads like the others
        }
    }

    /** Temporary files are messages whose writing a crash interrupted: they were never kept. */
    private void deleteUnfinished() throws IOException {
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder, "*" + SUFFIX + ".tmp")) {
            for (Path file : stream) {
                Files.deleteIfExists(file);
            }
        }
    }

    private static void setAside(Path file, String problem) {
        Path aside = file.resolveSibling(file.getFileName() + ".broken");
        try {
            Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            LOG.log(Level.WARNING, "held message " + file + " cannot be read (" + problem + "); kept as " + aside);
        } catch (IOException e) {
            LOG.log(Level.ERROR, "held message " + file + " cannot be read (" + problem + ") nor set aside: "
                    + e.getMessage());
        }
    }
}
