package org.neuromesh.crypto;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import javax.crypto.KeyAgreement;

/**
 * Keeps a {@link PeerIdentity} in a directory of four PEM files: {@value #SIGNING_KEY} and {@value #AGREEMENT_KEY}
 * (PKCS#8 private keys, mode 0600), {@value #SIGNING_PUB} and {@value #AGREEMENT_PUB} (X.509 public keys, 0644).
 * The directory is created with mode 0700.
 *
 * <p>Creation is atomic: the four files are written and synced in a fresh directory next to the target, which is
 * then renamed onto it. Whoever renames first wins; everyone else (another thread or process starting at the same
 * moment) finds the rename refused and loads the winner's identity, so the directory never holds a mix of two.
 * A crash leaves either no identity or a complete one (and perhaps a hidden staging directory, which is ignored).
 *
 * <p>Loading refuses, with a message naming the file and the fix: a private key file that group or others may
 * access (like ssh: {@code chmod 600 FILE}), a corrupt or truncated file, a public key that does not belong to its
 * private key, and a directory holding only part of an identity. POSIX modes are checked only on file systems
 * that have them.
 */
public final class IdentityStore {

    /** System or framework property naming NeuroMesh's home folder; default {@code ${user.home}/.neuromesh}. */
    public static final String HOME_PROPERTY = "neuromesh.home";
    /** Name of the identity directory inside the home folder. */
    public static final String DIRECTORY_NAME = "identity";

    public static final String SIGNING_KEY = "signing.key";
    public static final String SIGNING_PUB = "signing.pub";
    public static final String AGREEMENT_KEY = "agreement.key";
    public static final String AGREEMENT_PUB = "agreement.pub";

    private static final List<String> FILES = List.of(SIGNING_KEY, SIGNING_PUB, AGREEMENT_KEY, AGREEMENT_PUB);
    private static final int MAX_FILE_BYTES = 16 * 1024;
    private static final System.Logger LOG = System.getLogger(IdentityStore.class.getName());

    private final Path directory;
    private final SecureRandom random;

    /** A store in {@code directory} (created on first use), generating keys with {@code random}. */
    public IdentityStore(Path directory, SecureRandom random) {
        this.directory = Objects.requireNonNull(directory, "directory").toAbsolutePath().normalize();
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * The default identity directory: {@code ${neuromesh.home}/identity}, where {@code neuromesh.home} defaults to
     * {@code ${user.home}/.neuromesh}.
     *
     * @param properties looks up a system or framework property; returns null when it is not set
     */
    public static Path defaultDirectory(UnaryOperator<String> properties) {
        String home = properties.apply(HOME_PROPERTY);
        Path root = home == null || home.isBlank() ? Path.of(properties.apply("user.home"), ".neuromesh")
                : Path.of(home);
        return root.resolve(DIRECTORY_NAME).toAbsolutePath().normalize();
    }

    /** The directory this store keeps its identity in. */
    public Path directory() {
        return directory;
    }

    /**
     * The identity in the directory, created first if the directory is absent or empty.
     *
     * @throws IOException if the identity cannot be created or is refused; the message names the file and the fix
     */
    public PeerIdentity loadOrCreate() throws IOException {
        if (missingFiles().size() == FILES.size() && isAbsentOrEmpty()) {
            try {
                PeerIdentity created = create();
                LOG.log(Level.INFO, "Created a new peer identity " + created.id().shortForm() + " in " + directory);
            } catch (IOException e) {
                if (!missingFiles().isEmpty()) {
                    throw new IOException("Cannot create a peer identity in " + directory + ": "
                            + e.getClass().getSimpleName() + ": " + e.getMessage(), e);
                }
                // another thread or process created it at the same moment: use theirs
            }
        }
        return load();
    }

    /**
     * The identity in the directory, which must exist.
     *
     * @throws IOException if it is missing, incomplete, corrupt, too open or inconsistent
     */
    public PeerIdentity load() throws IOException {
        List<String> missing = missingFiles();
        if (missing.size() == FILES.size()) {
            throw new IOException("No peer identity in " + directory + (isAbsentOrEmpty() ? ""
                    : ": the directory holds other files; point the identity directory at an empty or absent one"));
        }
        if (!missing.isEmpty()) {
            throw new IOException("Incomplete peer identity in " + directory + ": " + String.join(", ", missing)
                    + " missing. Restore the files from a backup, or move the directory away to create a new identity"
                    + " (this peer then gets a new id).");
        }
        PrivateKey signingPrivate = readPrivate(SIGNING_KEY, PeerIdentity.SIGNING_ALGORITHM);
        PublicKey signingPublic = readPublic(SIGNING_PUB, PeerIdentity.SIGNING_ALGORITHM);
        PrivateKey agreementPrivate = readPrivate(AGREEMENT_KEY, PeerIdentity.AGREEMENT_ALGORITHM);
        PublicKey agreementPublic = readPublic(AGREEMENT_PUB, PeerIdentity.AGREEMENT_ALGORITHM);
        requireSigningPair(signingPrivate, signingPublic);
        requireAgreementPair(agreementPrivate, agreementPublic);
        return new PeerIdentity(new KeyPair(signingPublic, signingPrivate),
                new KeyPair(agreementPublic, agreementPrivate));
    }

    private PeerIdentity create() throws IOException {
        Path parent = directory.getParent();
        Files.createDirectories(parent, directoryAttributes(parent));
        Path staging = Files.createTempDirectory(parent, "." + directory.getFileName() + "-", directoryAttributes(
                parent));
        try {
            PeerIdentity identity = PeerIdentity.generate(random);
            write(staging.resolve(SIGNING_KEY), PemFile.PRIVATE_KEY, identity.signingPair().getPrivate().getEncoded(),
                    "rw-------");
            write(staging.resolve(SIGNING_PUB), PemFile.PUBLIC_KEY, identity.signingPair().getPublic().getEncoded(),
                    "rw-r--r--");
            write(staging.resolve(AGREEMENT_KEY), PemFile.PRIVATE_KEY,
                    identity.agreementPair().getPrivate().getEncoded(), "rw-------");
            write(staging.resolve(AGREEMENT_PUB), PemFile.PUBLIC_KEY,
                    identity.agreementPair().getPublic().getEncoded(), "rw-r--r--");
            if (isPosix(staging)) {
                Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwx------"));
            }
            sync(staging);
            // rename(2): atomic, and refused when the target exists and is not empty (someone else won)
            Files.move(staging, directory, StandardCopyOption.ATOMIC_MOVE);
            sync(parent);
            return identity;
        } finally {
            deleteIfLeft(staging);
        }
    }

    private void write(Path file, String label, byte[] der, String mode) throws IOException {
        List<FileAttribute<?>> attributes = new ArrayList<>();
        if (isPosix(file.getParent())) {
            attributes.add(PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(mode)));
        }
        byte[] pem = PemFile.encode(label, der);
        try (FileChannel channel = FileChannel.open(file, Set.of(StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE), attributes.toArray(FileAttribute<?>[]::new))) {
            ByteBuffer buffer = ByteBuffer.wrap(pem);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        } finally {
            Arrays.fill(der, (byte) 0);
        }
        if (!attributes.isEmpty()) {
            // the creation mode passes through the umask; set it exactly
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
        }
    }

    private PrivateKey readPrivate(String name, String algorithm) throws IOException {
        Path file = directory.resolve(name);
        OwnerOnlyFiles.requireOwnerOnly(file, "private key file");
        byte[] der = PemFile.decode(file, PemFile.PRIVATE_KEY, read(file));
        try {
            return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw PemFile.corrupt(file, "it does not hold a PKCS#8 " + algorithm + " private key (" + e.getMessage()
                    + ")");
        } finally {
            Arrays.fill(der, (byte) 0);
        }
    }

    private PublicKey readPublic(String name, String algorithm) throws IOException {
        Path file = directory.resolve(name);
        byte[] der = PemFile.decode(file, PemFile.PUBLIC_KEY, read(file));
        try {
            PublicKey key = KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
            if (!Arrays.equals(key.getEncoded(), der)) {
                throw PemFile.corrupt(file, "its " + algorithm + " public key is not canonically encoded");
            }
            return key;
        } catch (GeneralSecurityException | RuntimeException e) {
            throw PemFile.corrupt(file, "it does not hold an X.509 " + algorithm + " public key (" + e.getMessage()
                    + ")");
        }
    }

    private void requireSigningPair(PrivateKey privateKey, PublicKey publicKey) throws IOException {
        byte[] challenge = new byte[32];
        random.nextBytes(challenge);
        try {
            Signature signer = Signature.getInstance(PeerIdentity.SIGNING_ALGORITHM);
            signer.initSign(privateKey);
            signer.update(challenge);
            Signature verifier = Signature.getInstance(PeerIdentity.SIGNING_ALGORITHM);
            verifier.initVerify(publicKey);
            verifier.update(challenge);
            if (verifier.verify(signer.sign())) {
                return;
            }
        } catch (GeneralSecurityException e) {
            // fall through to the mismatch message
        }
        throw mismatch(SIGNING_PUB, SIGNING_KEY);
    }

    private void requireAgreementPair(PrivateKey privateKey, PublicKey publicKey) throws IOException {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(PeerIdentity.AGREEMENT_ALGORITHM);
            generator.initialize(255, random);
            KeyPair probe = generator.generateKeyPair();
            if (MessageDigest.isEqual(agree(privateKey, probe.getPublic()), agree(probe.getPrivate(), publicKey))) {
                return;
            }
        } catch (GeneralSecurityException e) {
            // fall through to the mismatch message
        }
        throw mismatch(AGREEMENT_PUB, AGREEMENT_KEY);
    }

    private static byte[] agree(PrivateKey privateKey, PublicKey publicKey) throws GeneralSecurityException {
        KeyAgreement agreement = KeyAgreement.getInstance(PeerIdentity.AGREEMENT_ALGORITHM);
        agreement.init(privateKey);
        agreement.doPhase(publicKey, true);
        return agreement.generateSecret();
    }

    private IOException mismatch(String publicName, String privateName) {
        return new IOException("Key files do not belong together: " + directory.resolve(publicName)
                + " is not the public key of " + directory.resolve(privateName) + ". Restore the matching file from a"
                + " backup, or move " + directory + " away to create a new identity.");
    }

    private static byte[] read(Path file) throws IOException {
        long size = Files.size(file);
        if (size > MAX_FILE_BYTES) {
            throw PemFile.corrupt(file, "it has " + size + " bytes, far more than a key needs");
        }
        return Files.readAllBytes(file);
    }

    private List<String> missingFiles() {
        return FILES.stream().filter(name -> !Files.isRegularFile(directory.resolve(name))).toList();
    }

    private boolean isAbsentOrEmpty() throws IOException {
        if (!Files.exists(directory)) {
            return true;
        }
        if (!Files.isDirectory(directory)) {
            throw new IOException("Identity directory " + directory + " is not a directory");
        }
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.findAny().isEmpty();
        }
    }

    private static void sync(Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    private static void deleteIfLeft(Path staging) {
        if (!Files.exists(staging)) {
            return;
        }
        try (Stream<Path> files = Files.walk(staging)) {
            for (Path file : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not remove the staging directory " + staging + ": " + e.getMessage());
        }
    }

    private static FileAttribute<?>[] directoryAttributes(Path near) {
        Path existing = near;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        return existing != null && isPosix(existing)
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------"))}
                : new FileAttribute<?>[0];
    }

    private static boolean isPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
