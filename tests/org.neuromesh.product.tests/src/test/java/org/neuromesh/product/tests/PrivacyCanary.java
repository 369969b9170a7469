package org.neuromesh.product.tests;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Seeded personal data, and the search for it and for raw MNIST training samples in the bytes recorded on a broker.
 */
final class PrivacyCanary {

    static final String NAME = "Jane Q. Canary";
    static final String ID_NUMBER = "078-05-1120";
    static final String ADDRESS = "12 Elm Street, Springfield";
    /** A folder name carrying all three, as a user's data folder might. */
    static final String FOLDER = "patient " + NAME + " " + ID_NUMBER + " " + ADDRESS;

    private static final int ROWS = 28;
    private static final int COLUMNS = 28;
    /** A row counts as distinctive with this many lit pixels. */
    private static final int LIT_PIXELS = 12;

    private PrivacyCanary() {
    }

    /** A data folder under {@code personal} whose files are links to the real MNIST files the build fetched. */
    static Path linkMnist(Path personal) throws IOException {
        Path data = Files.createDirectories(personal.resolve("mnist of " + NAME));
        try (var files = Files.list(mnistDirectory())) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.createSymbolicLink(data.resolve(file.getFileName()), file);
            }
        }
        return data;
    }

    /** The seeded strings found in {@code traffic}, in UTF-8 or UTF-16. */
    static List<String> seededStringsIn(byte[] traffic) {
        String text = new String(traffic, StandardCharsets.ISO_8859_1);
        List<String> found = new ArrayList<>();
        for (String seeded : List.of(NAME, ID_NUMBER, ADDRESS, "Canary", "Elm Street")) {
            for (var charset : List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16BE, StandardCharsets.UTF_16LE)) {
                if (text.contains(new String(seeded.getBytes(charset), StandardCharsets.ISO_8859_1))) {
                    found.add(seeded + " (" + charset + ")");
                }
            }
        }
        return found;
    }

    /**
     * Training images found in {@code traffic}: every distinctive row of each of the 60,000 images is looked for as
     * 28 pixel bytes, and as 28 floats in [0, 1] in either byte order.
     */
    static List<String> trainingSamplesIn(byte[] traffic) throws IOException {
        byte[] pixels = readTrainingPixels();
        int images = pixels.length / (ROWS * COLUMNS);
        Map<Long, Integer> asBytes = new HashMap<>();
        Map<Long, Integer> asFloats = new HashMap<>();
        List<byte[]> byteRows = new ArrayList<>();
        List<byte[]> floatRows = new ArrayList<>();
        for (int image = 0; image < images; image++) {
            for (int row = 0; row < ROWS; row++) {
                byte[] line = Arrays.copyOfRange(pixels, (image * ROWS + row) * COLUMNS, (image * ROWS + row + 1)
                        * COLUMNS);
                if (lit(line) < LIT_PIXELS) {
                    continue;
                }
                asBytes.put(hash(line, 0, line.length), byteRows.size());
                byteRows.add(line);
                for (ByteOrder order : List.of(ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN)) {
                    ByteBuffer floats = ByteBuffer.allocate(COLUMNS * 4).order(order);
                    for (byte pixel : line) {
                        floats.putFloat((pixel & 0xff) / 255f);
                    }
                    asFloats.put(hash(floats.array(), 0, COLUMNS * 4), floatRows.size());
                    floatRows.add(floats.array());
                }
            }
        }
        List<String> leaks = new ArrayList<>();
        search(traffic, asBytes, byteRows, "pixel bytes", leaks);
        search(traffic, asFloats, floatRows, "floats", leaks);
        return leaks;
    }

    /** The pixels of training image {@code index}, as the IDX file holds them (to check the search itself). */
    static byte[] trainingImage(int index) throws IOException {
        byte[] pixels = readTrainingPixels();
        return Arrays.copyOfRange(pixels, index * ROWS * COLUMNS, (index + 1) * ROWS * COLUMNS);
    }

    private static void search(byte[] traffic, Map<Long, Integer> hashes, List<byte[]> rows, String form,
            List<String> leaks) {
        int width = rows.get(0).length;
        for (int at = 0; at + width <= traffic.length; at++) {
            Integer candidate = hashes.get(hash(traffic, at, width));
            if (candidate != null && Arrays.equals(traffic, at, at + width, rows.get(candidate), 0, width)) {
                leaks.add("a training image row as " + form + " at byte " + at);
            }
        }
    }

    /** FNV-1a over {@code width} bytes; recomputed per position (fast enough for a few MB of traffic). */
    private static long hash(byte[] bytes, int from, int width) {
        long hash = 0xcbf29ce484222325L;
        for (int i = from; i < from + width; i++) {
            hash = (hash ^ (bytes[i] & 0xff)) * 0x100000001b3L;
        }
        return hash;
    }

    private static int lit(byte[] row) {
        int lit = 0;
        for (byte pixel : row) {
            lit += pixel != 0 ? 1 : 0;
        }
        return lit;
    }

    private static byte[] readTrainingPixels() throws IOException {
        try (InputStream file = Files.newInputStream(mnistDirectory().resolve("train-images-idx3-ubyte"));
                DataInputStream in = new DataInputStream(file)) {
            int magic = in.readInt();
            int count = in.readInt();
            int rows = in.readInt();
            int columns = in.readInt();
            if (magic != 0x803 || rows != ROWS || columns != COLUMNS) {
                throw new IOException("not the MNIST training images: magic " + magic + ", " + rows + " x " + columns);
            }
            return in.readNBytes(count * ROWS * COLUMNS);
        }
    }

    /**
     * Where the build fetched MNIST, by the rule the fetch scripts and the engine's {@code Dataset} share:
     * {@code $NEUROMESH_DATA}, else {@code $HOME/.cache/neuromesh/datasets} (the environment's HOME, which may differ
     * from {@code user.home} in containers and CI), else {@code user.home}'s.
     */
    private static Path mnistDirectory() {
        String root = System.getenv("NEUROMESH_DATA");
        if (root != null && !root.isBlank()) {
            return Path.of(root, "mnist");
        }
        String home = System.getenv("HOME");
        return Path.of(home != null && !home.isBlank() ? home : System.getProperty("user.home"), ".cache",
                "neuromesh", "datasets", "mnist");
    }
}
