package org.neuromesh.crypto;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.System.Logger.Level;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * A {@link ReplayJournal} in a text file, one line per change ({@code R <expires ms> <sender> <digest>} remembered,
 * {@code F <up to ms> <sender>} forgotten), appended as changes happen and rewritten whole (to a temporary file,
 * synced, renamed) when it has grown to more than twice the live entries. Lines reach the operating system when
 * written, so a crash of the process loses none; a crash of the machine may lose the last ones, and a torn last
 * line is skipped when read back. Reading stops at a bound, so a journal grown by other means cannot make a start
 * take unbounded time or memory.
 */
public final class ReplayJournalFile implements ReplayJournal {

    private static final System.Logger LOG = System.getLogger(ReplayJournalFile.class.getName());
    /** Lines written beyond the live entries before a rewrite is due, so that small journals are not rewritten. */
    private static final int SLACK = 10_000;

    private final Path file;
    private final long maxLines;
    private Writer out;
    private long lines;

    /**
     * @param file     the journal (created when missing)
     * @param maxLines most lines read back at a start
     */
    public ReplayJournalFile(Path file, long maxLines) {
        this.file = file.toAbsolutePath();
        this.maxLines = maxLines;
    }

    @Override
    public void load(Reader reader) {
        long read = 0;
        long skipped = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
            for (String line = in.readLine(); line != null && read < maxLines; line = in.readLine(), read++) {
                if (!parse(line, reader)) {
                    skipped++;
                }
            }
        } catch (NoSuchFileException e) {
            return; // a first start
        } catch (IOException e) {
            LOG.log(Level.ERROR, "replay journal " + file + " could not be read whole (" + e.getMessage()
                    + "); what was read is remembered");
        }
        if (skipped > 0) {
            LOG.log(Level.WARNING, "replay journal {0}: {1} lines could not be read (a crash cuts the last one off)",
                    file, skipped);
        }
        if (read >= maxLines) {
            LOG.log(Level.WARNING, "replay journal {0} has more than {1} lines; the rest was not read", file,
                    maxLines);
        }
    }

    private static boolean parse(String line, Reader reader) {
        String[] fields = line.split(" ");
        try {
            String[] halves = fields.length == 4 ? fields[3].split(":") : new String[0];
            if (fields[0].equals("R") && halves.length == 2) {
                reader.remembered(fields[2], new ReplayGuard.Digest(Long.parseUnsignedLong(halves[0], 16),
                        Long.parseUnsignedLong(halves[1], 16)), Instant.ofEpochMilli(Long.parseLong(fields[1])));
                return true;
            } else if (fields.length == 3 && fields[0].equals("F")) {
                reader.forgotten(fields[2], Instant.ofEpochMilli(Long.parseLong(fields[1])));
                return true;
            }
        } catch (RuntimeException malformed) {
            // counted by the caller
        }
        return false;
    }

    @Override
    public void remembered(String sender, ReplayGuard.Digest key, Instant expiresAt) {
        append("R " + expiresAt.toEpochMilli() + " " + sender + " " + Long.toHexString(key.high()) + ":"
                + Long.toHexString(key.low()));
    }

    @Override
    public void forgotten(String sender, Instant upTo) {
        append("F " + upTo.toEpochMilli() + " " + sender);
    }

    @Override
    public boolean needsCompaction(int remembered) {
        return lines > 2L * remembered + SLACK;
    }

    @Override
    public void compact(Snapshot snapshot) {
        closeQuietly();
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        long written = 0;
        try {
            Files.createDirectories(file.getParent());
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
                    Writer writer = new BufferedWriter(Channels.newWriter(channel, StandardCharsets.US_ASCII))) {
                long[] count = new long[1];
                snapshot.writeTo(new Reader() {
                    @Override
                    public void remembered(String sender, ReplayGuard.Digest key, Instant expiresAt) {
                        write(writer, "R " + expiresAt.toEpochMilli() + " " + sender + " "
                                + Long.toHexString(key.high()) + ":" + Long.toHexString(key.low()));
                        count[0]++;
                    }

                    @Override
                    public void forgotten(String sender, Instant upTo) {
                        write(writer, "F " + upTo.toEpochMilli() + " " + sender);
                        count[0]++;
                    }
                });
                writer.flush();
                channel.force(true);
                written = count[0];
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            lines = written;
        } catch (IOException | UncheckedIOException e) {
            LOG.log(Level.ERROR, "replay journal " + file + " could not be rewritten (" + e.getMessage()
                    + "); it keeps growing until it can");
        }
    }

    @Override
    public void close() {
        closeQuietly();
    }

    private void append(String line) {
        try {
            if (out == null) {
                Files.createDirectories(file.getParent());
                out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            }
            out.write(line);
            out.write('\n');
            out.flush(); // to the operating system: a crash of the process loses nothing
            lines++;
        } catch (IOException e) {
            LOG.log(Level.ERROR, "replay journal " + file + " could not be written (" + e.getMessage()
                    + "); after a restart this message could be accepted again");
        }
    }

    private static void write(Writer writer, String line) {
        try {
            writer.write(line);
            writer.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void closeQuietly() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                LOG.log(Level.WARNING, "replay journal " + file + " could not be closed: " + e.getMessage());
            }
            out = null;
        }
    }
}
