package org.neuromesh.crypto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The PEM text of one DER object ({@code -----BEGIN label-----}, base64 in 64-character lines,
 * {@code -----END label-----}), read strictly: one object, nothing around it but line breaks, valid base64.
 */
final class PemFile {

    static final String PRIVATE_KEY = "PRIVATE KEY";
    static final String PUBLIC_KEY = "PUBLIC KEY";

    private static final int LINE = 64;

    private PemFile() {
    }

    static byte[] encode(String label, byte[] der) {
        String base64 = Base64.getEncoder().encodeToString(der);
        StringBuilder text = new StringBuilder().append(begin(label)).append('\n');
        for (int i = 0; i < base64.length(); i += LINE) {
            text.append(base64, i, Math.min(base64.length(), i + LINE)).append('\n');
        }
        return text.append(end(label)).append('\n').toString().getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * The DER bytes in {@code content}, read from {@code file}.
     *
     * @throws IOException naming the file and what is wrong with it
     */
    static byte[] decode(Path file, String label, byte[] content) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String line : new String(content, StandardCharsets.US_ASCII).split("\n", -1)) {
            String trimmed = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
            if (!trimmed.isEmpty()) {
                lines.add(trimmed);
            }
        }
        if (lines.isEmpty()) {
            throw corrupt(file, "it is empty");
        }
        if (!lines.get(0).equals(begin(label))) {
            throw corrupt(file, "it does not start with " + begin(label));
        }
        if (lines.size() < 3 || !lines.get(lines.size() - 1).equals(end(label))) {
            throw corrupt(file, "it does not end with " + end(label) + " (truncated?)");
        }
        StringBuilder base64 = new StringBuilder();
        for (String line : lines.subList(1, lines.size() - 1)) {
            base64.append(line);
        }
        try {
            return Base64.getDecoder().decode(base64.toString());
        } catch (IllegalArgumentException e) {
            throw corrupt(file, "its body is not valid base64 (" + e.getMessage() + ")");
        }
    }

    static IOException corrupt(Path file, String problem) {
        return new IOException("Key file " + file + " is corrupt: " + problem
                + ". Restore it from a backup, or move the identity directory away to create a new identity.");
    }

    private static String begin(String label) {
        return "-----BEGIN " + label + "-----";
    }

    private static String end(String label) {
        return "-----END " + label + "-----";
    }
}
