package org.neuromesh.broker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks a password file before Moquette reads it: Moquette skips a file it cannot read or parse with only a log
 * line, which would leave a broker that nobody can log in to, or one with fewer users than the file names.
 */
final class PasswordFile {

    /** {@code user:hex}, as Moquette compares it: the lower-case hex SHA-256 of the password's bytes. */
    private static final Pattern ENTRY = Pattern.compile("[^:#\\s][^:#]*:[0-9a-f]{64}\\s*");

    private PasswordFile() {
    }

    static void check(Path file) throws BrokerException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BrokerException("Cannot read the broker's password file " + file.toAbsolutePath() + " (" + e
                    + ")");
        }
        int users = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (!ENTRY.matcher(line.trim()).matches()) {
                throw new BrokerException("Line " + (i + 1) + " of the broker's password file " + file.toAbsolutePath()
                        + " is not 'user:sha256' (the lower-case hex SHA-256 of the password, e.g. from "
                        + "printf %s PASSWORD | sha256sum)");
            }
            users++;
        }
        if (users == 0) {
            throw new BrokerException("The broker's password file " + file.toAbsolutePath() + " names no user; add "
                    + "'user:sha256' lines");
        }
    }
}
