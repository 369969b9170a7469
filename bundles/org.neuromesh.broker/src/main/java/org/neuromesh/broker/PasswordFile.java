package org.neuromesh.broker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The embedded broker's users: one line per user, {@code user:pbkdf2-sha256:ITERATIONS:SALT:HASH} (salt and hash in
 * Base64), a salted and deliberately slow hash (PBKDF2 with HMAC-SHA256), so that a stolen file does not give the
 * passwords away cheaply. {@link #entry} makes a line ({@code neuromesh:passwd} in the shell). Lines of
 * unsalted SHA-256 ({@code user:64 hex digits}, Moquette's own format) are refused with the way to replace them.
 * The whole file is checked when loaded: a broker nobody can log in to, or with fewer users than the file names,
 * is not started.
 */
public final class PasswordFile {

    /** Iterations of a new entry: about 0.1 s of one core per login on the build machine. */
    public static final int ITERATIONS = 210_000;
    /** Fewer iterations than this are refused when read: they would not be slow. */
    static final int MIN_ITERATIONS = 10_000;

    private static final String SCHEME = "pbkdf2-sha256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final Pattern ENTRY = Pattern.compile(
            "([^:#\\s][^:#]*):" + SCHEME + ":(\\d{1,9}):([A-Za-z0-9+/=]{4,64}):([A-Za-z0-9+/=]{44})");
    private static final Pattern UNSALTED = Pattern.compile("[^:#\\s][^:#]*:[0-9a-fA-F]{64}");

    private record Entry(int iterations, byte[] salt, byte[] hash) {
    }

    private final Map<String, Entry> users;
    /** Checked against when the user is unknown, so that the time taken does not tell which users exist. */
    private final Entry decoy;

    private PasswordFile(Map<String, Entry> users) {
        this.users = Map.copyOf(users);
        byte[] salt = new byte[SALT_BYTES];
        new SecureRandom().nextBytes(salt);
        this.decoy = new Entry(ITERATIONS, salt, new byte[HASH_BITS / 8]);
    }

    /**
     * Reads and checks a password file.
     *
     * @throws BrokerException naming the file and the line at fault, and what to do
     */
    public static PasswordFile load(Path file) throws BrokerException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BrokerException("Cannot read the broker's password file " + file.toAbsolutePath() + " (" + e
                    + ")");
        }
        Map<String, Entry> users = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = "Line " + (i + 1) + " of the broker's password file " + file.toAbsolutePath();
            if (UNSALTED.matcher(line).matches()) {
                throw new BrokerException(where + " is an unsalted SHA-256 hash, which a stolen file gives away"
                        + " cheaply; replace it with the line 'neuromesh:passwd USER PASSWORD' prints");
            }
            Matcher entry = ENTRY.matcher(line);
            if (!entry.matches()) {
                throw new BrokerException(where + " is not 'user:" + SCHEME + ":ITERATIONS:SALT:HASH'; make one with"
                        + " 'neuromesh:passwd USER PASSWORD'");
            }
            int iterations = Integer.parseInt(entry.group(2));
            if (iterations < MIN_ITERATIONS) {
                throw new BrokerException(where + " has " + iterations + " iterations, fewer than "
                        + MIN_ITERATIONS + "; make it again with 'neuromesh:passwd USER PASSWORD'");
            }
            if (users.put(entry.group(1), new Entry(iterations, Base64.getDecoder().decode(entry.group(3)),
                    Base64.getDecoder().decode(entry.group(4)))) != null) {
                throw new BrokerException(where + " names user '" + entry.group(1) + "' a second time");
            }
        }
        if (users.isEmpty()) {
            throw new BrokerException("The broker's password file " + file.toAbsolutePath() + " names no user; add"
                    + " the line 'neuromesh:passwd USER PASSWORD' prints");
        }
        return new PasswordFile(users);
    }

    /** A line for {@code user} with a fresh salt. */
    public static String entry(String user, char[] password) {
        if (user == null || !user.matches("[^:#\\s][^:#]*") || user.strip().length() != user.length()) {
            throw new IllegalArgumentException("a user name must not be empty, start with '#', hold ':' or begin or"
                    + " end with a space; got '" + user + "'");
        }
        byte[] salt = new byte[SALT_BYTES];
        new SecureRandom().nextBytes(salt);
        return user + ":" + SCHEME + ":" + ITERATIONS + ":" + Base64.getEncoder().encodeToString(salt) + ":"
                + Base64.getEncoder().encodeToString(hash(password, salt, ITERATIONS));
    }

    /** How many users the file names. */
    public int users() {
        return users.size();
    }

    /** Whether {@code password} (UTF-8, as MQTT carries it) is {@code user}'s; as slow for unknown users. */
    public boolean matches(String user, byte[] password) {
        Entry entry = user == null ? null : users.get(user);
        Entry checked = entry == null ? decoy : entry;
        char[] chars = password == null ? new char[0] : new String(password, StandardCharsets.UTF_8).toCharArray();
        boolean equal = MessageDigest.isEqual(hash(chars, checked.salt(), checked.iterations()), checked.hash());
        return entry != null && equal;
    }

    private static byte[] hash(char[] password, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, HASH_BITS);
            try {
                return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            } finally {
                spec.clearPassword();
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform has PBKDF2WithHmacSHA256", e);
        }
    }
}
