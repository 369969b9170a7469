package org.neuromesh.ui.network;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.crypto.spec.PBEKeySpec;

import org.eclipse.equinox.security.storage.EncodingUtils;
import org.eclipse.equinox.security.storage.ISecurePreferences;
import org.eclipse.equinox.security.storage.SecurePreferencesFactory;
import org.eclipse.equinox.security.storage.StorageException;
import org.eclipse.equinox.security.storage.provider.IProviderHints;
import org.neuromesh.api.network.BrokerAddress;

/**
 * Broker passwords in Equinox secure storage, encrypted (AES-256, key from PBKDF2-HMAC-SHA512), in the NeuroMesh
 * folder: {@code ${neuromesh.home}/secure/storage}.
 *
 * <p>Master password: secure storage normally asks a password provider, which on Linux is the desktop keyring or a
 * dialog; under Xvfb, in CI and on a server there is neither, and it would prompt or fail. So the storage is opened
 * with a master password of its own ({@link IProviderHints#DEFAULT_PASSWORD}): 32 random bytes in
 * {@code secure/master.key}, created on first use with owner-only permissions (folder 0700, file 0600).
 *
 * <p>Threat model: this keeps the password out of everything that gets copied, shared or read by others: conf/
 * files, Config Admin's store, the workspace, logs, backups of those folders, the screen. It does not protect
 * against someone who can act as this user (or root): they can read the key file as the workbench does. That is the
 * same line an unlocked desktop keyring draws; who needs more removes the key file and uses a keyring provider.
 */
final class BrokerPasswords {

    private static final String NODE = "/org.neuromesh/brokers";
    private static final String PASSWORD = "password";
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE);

    private final Path folder;
    private ISecurePreferences storage;

    BrokerPasswords(Path folder) {
        this.folder = folder;
    }

    /** The folder of the workbench's own files: {@code neuromesh.home}, or {@code ~/.neuromesh}, then secure/. */
    static BrokerPasswords inNeuroMeshHome() {
        String home = System.getProperty("neuromesh.home",
                Path.of(System.getProperty("user.home"), ".neuromesh").toString());
        return new BrokerPasswords(Path.of(home, "secure"));
    }

    /** The password kept for this broker and user, if any. */
    synchronized Optional<char[]> find(BrokerAddress address) throws IOException {
        try {
            String value = node(address).get(PASSWORD, null);
            return value == null ? Optional.empty() : Optional.of(value.toCharArray());
        } catch (StorageException e) {
            throw new IOException("cannot read the password from secure storage: " + e.getMessage(), e);
        }
    }

    /** Keeps {@code password} for this broker and user, encrypted, and writes the storage to disk. */
    synchronized void save(BrokerAddress address, char[] password) throws IOException {
        try {
            node(address).put(PASSWORD, new String(password), true);
            open().flush();
        } catch (StorageException e) {
            throw new IOException("cannot keep the password in secure storage: " + e.getMessage(), e);
        }
    }

    /** A node per broker and user: {@code tcp://host:port} and the user name, slashes encoded. */
    private ISecurePreferences node(BrokerAddress address) throws IOException {
        return open().node(NODE + "/" + EncodingUtils.encodeSlashes(address.uri() + " " + address.username()));
    }

    private ISecurePreferences open() throws IOException {
        if (storage == null) {
            Map<Object, Object> options = new HashMap<>();
            options.put(IProviderHints.DEFAULT_PASSWORD, new PBEKeySpec(masterKey()));
            options.put(IProviderHints.PROMPT_USER, Boolean.FALSE);
            storage = SecurePreferencesFactory.open(folder.resolve("storage").toUri().toURL(), options);
            if (storage == null) {
                throw new IOException("secure storage could not be opened in " + folder);
            }
        }
        return storage;
    }

    /** The master password: created once, owner-only; refused if others could read it. */
    private char[] masterKey() throws IOException {
        Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(EnumSet.of(
                PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE)));
        Path key = folder.resolve("master.key");
        try {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            // created with its permissions: there is no moment at which others may read it
            Files.createFile(key, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
            Files.writeString(key, Base64.getEncoder().encodeToString(random));
        } catch (FileAlreadyExistsException e) {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(key);
            if (!OWNER_ONLY_FILE.containsAll(permissions)) {
                throw new IOException("the key of secure storage, " + key + ", may be read by others ("
                        + PosixFilePermissions.toString(permissions) + "); make it owner-only (chmod 600) or"
                        + " remove it, which forgets the kept passwords");
            }
        }
        return new String(Files.readAllBytes(key), StandardCharsets.US_ASCII).strip().toCharArray();
    }
}
