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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.neuromesh.api.peer.PeerId;
import org.neuromesh.api.security.RejectedMessageException;
import org.neuromesh.crypto.WireFormat;

/**
 * {@link HeldMessages} as one file per message in a folder, in the wire format, named by a sequence number and the
 * claimed sender ({@code 00000000000000000042-<sender>.msg}) so that they come back in the order they arrived and
 * reading back needs only the folder's listing. A file is written whole and synced under a temporary name, then
 * renamed: a crash leaves either the complete message or nothing. A file whose name is not one of ours is renamed
 * to {@code *.broken} and reported, never silently dropped, and never stops the peer.
 */
public final class HeldMessageFolder implements HeldMessages {

    private static final System.Logger LOG = System.getLogger(HeldMessageFolder.class.getName());
    private static final String SUFFIX = ".msg";
    private static final Pattern NAME = Pattern.compile("(\\d{20})-([0-9a-f]{16,128})\\.msg");
    /** Files of an earlier version: no sender in the name; read once to learn it. */
    private static final Pattern LEGACY_NAME = Pattern.compile("(\\d{20})\\.msg");

    private final Path folder;
    private final WireFormat format;
    private final AtomicLong sequence;

    private HeldMessageFolder(Path folder, WireFormat format, long lastSequence) {
        this.folder = folder;
        this.format = format;
        this.sequence = new AtomicLong(lastSequence);
    }

    /** Opens (creating it if needed) the folder; files of an earlier version up to {@code format}'s limit are read. */
    public static HeldMessageFolder open(Path folder, WireFormat format) throws IOException {
        Files.createDirectories(folder);
        long last = 0;
        for (Path file : files(folder)) {
            last = Math.max(last, sequenceOf(file.getFileName().toString()));
        }
        return new HeldMessageFolder(folder, format, last);
    }

    public Path folder() {
        return folder;
    }

    @Override
    public Held keep(PeerId sender, byte[] encoded) throws IOException {
        String name = String.format("%020d-%s%s", sequence.incrementAndGet(), sender.value(), SUFFIX);
        Path temporary = folder.resolve(name + ".tmp");
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE)) {
            ByteBuffer bytes = ByteBuffer.wrap(encoded);
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(true);
        } catch (IOException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
        Files.move(temporary, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        return new Held(name, sender, encoded.length);
    }

    @Override
    public byte[] read(String key) throws IOException {
        Path file = fileOf(key);
        long size = Files.size(file);
        if (size > format.maxMessageBytes()) {
            throw new IOException(file + " holds " + size + " bytes, more than a message may ("
                    + format.maxMessageBytes() + ")");
        }
        return Files.readAllBytes(file);
    }

    @Override
    public void release(String key) {
        try {
            Files.deleteIfExists(fileOf(key));
        } catch (IOException | IllegalArgumentException e) {
            // it comes back after a restart and is then refused as a replay or handled again (at least once)
            LOG.log(Level.WARNING, "could not delete the held message " + key + " in " + folder + ": "
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
            String name = file.getFileName().toString();
            try {
                Matcher matcher = NAME.matcher(name);
                if (matcher.matches()) {
                    kept.add(new Held(name, new PeerId(matcher.group(2)), Files.size(file)));
                } else if (LEGACY_NAME.matcher(name).matches()) {
                    kept.add(renameLegacy(file));
                } else {
                    setAside(file, "not a held message's name");
                }
            } catch (IOException | RejectedMessageException e) {
                setAside(file, e.getMessage());
            }
        }
        return kept;
    }

    /** Reads a file of an earlier version for its sender and gives it this version's name. */
    private Held renameLegacy(Path file) throws IOException, RejectedMessageException {
        byte[] bytes = read(file.getFileName().toString());
        PeerId sender = format.decode(bytes).sender();
        String name = file.getFileName().toString().replace(SUFFIX, "-" + sender.value() + SUFFIX);
        Files.move(file, folder.resolve(name)); // fails rather than replace a file of that name
        return new Held(name, sender, bytes.length);
    }

    /** The file of one of this folder's keys; a key that could lead out of the folder is refused. */
    private Path fileOf(String key) {
        if (key == null || !key.endsWith(SUFFIX) || key.contains("/") || key.contains("\\")) {
            throw new IllegalArgumentException("not a held message of this folder: " + key);
        }
        return folder.resolve(key);
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

    private static long sequenceOf(String name) {
        int digits = 0;
        while (digits < name.length() && Character.isDigit(name.charAt(digits))) {
            digits++;
        }
        return digits == 20 ? Long.parseLong(name.substring(0, digits)) : 0; // not one of ours otherwise
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
