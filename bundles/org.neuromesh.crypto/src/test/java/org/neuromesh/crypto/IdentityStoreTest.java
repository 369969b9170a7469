package org.neuromesh.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuromesh.api.capsule.PrivacyLevel;
import org.neuromesh.api.peer.PeerId;

/** Identities on disk: modes, reloading, refusals, concurrent creation. Real files, real keys. */
class IdentityStoreTest {

    private final SecureRandom random = new SecureRandom();

    @TempDir
    Path temp;

    @Test
    void givenNoIdentity_whenLoadedOrCreated_thenFourPemFilesWithPrivateModesAppear() throws Exception {
        Path directory = temp.resolve("home/identity");

        PeerIdentity identity = new IdentityStore(directory, random).loadOrCreate();

        assertEquals("rwx------", mode(directory));
        assertEquals("rw-------", mode(directory.resolve(IdentityStore.SIGNING_KEY)));
        assertEquals("rw-------", mode(directory.resolve(IdentityStore.AGREEMENT_KEY)));
        assertEquals("rw-r--r--", mode(directory.resolve(IdentityStore.SIGNING_PUB)));
        assertEquals("rw-r--r--", mode(directory.resolve(IdentityStore.AGREEMENT_PUB)));
        assertTrue(text(directory.resolve(IdentityStore.SIGNING_KEY)).startsWith("-----BEGIN PRIVATE KEY-----\n"));
        assertTrue(text(directory.resolve(IdentityStore.SIGNING_PUB)).startsWith("-----BEGIN PUBLIC KEY-----\n"));
        assertEquals(Set.of("identity"), names(directory.getParent()), "no staging directory is left behind");
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(
                identity.publicKeys().signingKey())), identity.id().value());
    }

    @Test
    void givenACreatedIdentity_whenLoadedAgain_thenItIsTheSameIdentityWithWorkingPrivateKeys() throws Exception {
        Path directory = temp.resolve("identity");
        PeerIdentity created = new IdentityStore(directory, random).loadOrCreate();

        PeerIdentity loaded = new IdentityStore(directory, random).loadOrCreate();

        assertEquals(created.id(), loaded.id());
        assertEquals(created.publicKeys(), loaded.publicKeys());
        // the reloaded private keys sign and open what the created public keys expect
        MessageSecurity before = new MessageSecurity(created, Clock.systemUTC(), TimeWindows.defaults(),
                SecurityLimits.defaults());
        MessageSecurity after = new MessageSecurity(loaded, Clock.systemUTC(), TimeWindows.defaults(),
                SecurityLimits.defaults());
        after.verify(before.sign("a", null, null));
        before.verify(after.sign("b", null, null));
        after.open(before.seal(Peer.capsule("c", PrivacyLevel.MASKED, 10), List.of(loaded.id())));
    }

    @Test
    void givenAPrivateKeyReadableByOthers_whenLoaded_thenRefusedNamingTheFileAndTheFix() throws Exception {
        Path directory = temp.resolve("identity");
        new IdentityStore(directory, random).loadOrCreate();
        Path key = directory.resolve(IdentityStore.AGREEMENT_KEY);
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));

        IOException e = assertThrows(IOException.class, () -> new IdentityStore(directory, random).loadOrCreate());

        assertTrue(e.getMessage().contains("0644") && e.getMessage().contains("chmod 600 " + key), e.getMessage());
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-----w-"));
        assertThrows(IOException.class, () -> new IdentityStore(directory, random).load());
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("r--------"));
        new IdentityStore(directory, random).load();
    }

    @Test
    void givenATruncatedKeyFile_whenLoaded_thenTheErrorNamesTheFile() throws Exception {
        Path directory = temp.resolve("identity");
        new IdentityStore(directory, random).loadOrCreate();
        Path key = directory.resolve(IdentityStore.SIGNING_KEY);
        byte[] content = Files.readAllBytes(key);

        for (int length : new int[] {0, 10, 40, content.length - 30}) {
            Files.write(key, Arrays.copyOf(content, length));
            IOException e = assertThrows(IOException.class, () -> new IdentityStore(directory, random).load());
            assertTrue(e.getMessage().contains(key.toString()) && e.getMessage().contains("corrupt"),
                    e.getMessage());
        }
    }

    @Test
    void givenAKeyFileWithGarbageOrTheWrongKindOfKey_whenLoaded_thenTheErrorNamesTheFile() throws Exception {
        Path directory = temp.resolve("identity");
        new IdentityStore(directory, random).loadOrCreate();
        Path signingKey = directory.resolve(IdentityStore.SIGNING_KEY);
        Path agreementKey = directory.resolve(IdentityStore.AGREEMENT_KEY);
        Path signingPub = directory.resolve(IdentityStore.SIGNING_PUB);
        byte[] signing = Files.readAllBytes(signingKey);
        byte[] agreement = Files.readAllBytes(agreementKey);

        Files.writeString(signingKey, "-----BEGIN PRIVATE KEY-----\n!!!!\n-----END PRIVATE KEY-----\n");
        assertLoadFailsNaming(directory, signingKey, "base64");
        Files.write(signingKey, agreement);
        assertLoadFailsNaming(directory, signingKey, "Ed25519");
        Files.write(signingKey, signing);
        Files.write(signingPub, signing);
        assertLoadFailsNaming(directory, signingPub, "PUBLIC KEY");
    }

    @Test
    void givenAPublicKeyFileOfAnotherIdentity_whenLoaded_thenRefusedAsNotBelongingTogether() throws Exception {
        Path mine = temp.resolve("mine");
        Path theirs = temp.resolve("theirs");
        new IdentityStore(mine, random).loadOrCreate();
        new IdentityStore(theirs, random).loadOrCreate();

        for (String pub : List.of(IdentityStore.SIGNING_PUB, IdentityStore.AGREEMENT_PUB)) {
            byte[] original = Files.readAllBytes(mine.resolve(pub));
            Files.copy(theirs.resolve(pub), mine.resolve(pub), StandardCopyOption.REPLACE_EXISTING);
            IOException e = assertThrows(IOException.class, () -> new IdentityStore(mine, random).loadOrCreate());
            assertTrue(e.getMessage().contains("do not belong together") && e.getMessage().contains(
                    mine.resolve(pub).toString()), e.getMessage());
            Files.write(mine.resolve(pub), original);
        }
        new IdentityStore(mine, random).load();
    }

    @Test
    void givenAnIncompleteIdentity_whenLoadedOrCreated_thenRefusedNamingTheMissingFilesAndNothingIsReplaced()
            throws Exception {
        Path directory = temp.resolve("identity");
        new IdentityStore(directory, random).loadOrCreate();
        Files.delete(directory.resolve(IdentityStore.AGREEMENT_PUB));
        Files.delete(directory.resolve(IdentityStore.SIGNING_KEY));

        IOException e = assertThrows(IOException.class, () -> new IdentityStore(directory, random).loadOrCreate());

        assertTrue(e.getMessage().contains(IdentityStore.AGREEMENT_PUB) && e.getMessage().contains(
                IdentityStore.SIGNING_KEY) && !e.getMessage().contains(IdentityStore.SIGNING_PUB), e.getMessage());
        assertEquals(Set.of(IdentityStore.SIGNING_PUB, IdentityStore.AGREEMENT_KEY), names(directory));
    }

    @Test
    void givenADirectoryHoldingOtherFiles_whenLoadedOrCreated_thenRefusedAndLeftAlone() throws Exception {
        Path directory = Files.createDirectories(temp.resolve("elsewhere"));
        Files.writeString(directory.resolve("notes.txt"), "mine");

        IOException e = assertThrows(IOException.class, () -> new IdentityStore(directory, random).loadOrCreate());

        assertTrue(e.getMessage().contains(directory.toString()), e.getMessage());
        assertEquals(Set.of("notes.txt"), names(directory));
    }

    @Test
    void givenAnEmptyDirectory_whenLoadedOrCreated_thenTheIdentityIsCreatedInIt() throws Exception {
        Path directory = Files.createDirectories(temp.resolve("identity"));

        PeerIdentity identity = new IdentityStore(directory, random).loadOrCreate();

        assertEquals(identity.id(), new IdentityStore(directory, random).load().id());
        assertEquals("rwx------", mode(directory));
    }

    @Test
    void givenManyThreadsStartingAtOnce_whenEachLoadsOrCreates_thenAllGetOneIdentity() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 10; round++) {
                Path directory = temp.resolve("round-" + round + "/identity");
                CountDownLatch start = new CountDownLatch(1);
                List<Callable<PeerId>> starts = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    starts.add(() -> {
                        start.await();
                        return new IdentityStore(directory, random).loadOrCreate().id();
                    });
                }
                List<Future<PeerId>> results = new ArrayList<>();
                starts.forEach(task -> results.add(threads.submit(task)));
                start.countDown();
                Set<PeerId> ids = new HashSet<>();
                for (Future<PeerId> result : results) {
                    ids.add(result.get(30, TimeUnit.SECONDS));
                }
                assertEquals(1, ids.size(), "round " + round);
                assertEquals(ids.iterator().next(), new IdentityStore(directory, random).load().id());
                assertEquals(Set.of("identity"), names(directory.getParent()));
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void givenThreeProcessesStartingAtOnce_whenEachLoadsOrCreates_thenAllGetOneIdentity() throws Exception {
        Path directory = temp.resolve("shared/identity");
        Path go = temp.resolve("go");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Process> processes = new ArrayList<>();
        List<BufferedReader> outputs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    CreateIdentityProcess.class.getName(), directory.toString(), go.toString())
                    .redirectErrorStream(true).start();
            processes.add(process);
            outputs.add(new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)));
        }
        for (BufferedReader output : outputs) {
            assertEquals("ready", output.readLine());
        }
        Files.createFile(go);

        Set<String> ids = new HashSet<>();
        for (int i = 0; i < processes.size(); i++) {
            assertTrue(processes.get(i).waitFor(60, TimeUnit.SECONDS), "a process did not finish");
            List<String> output = outputs.get(i).lines().toList();
            assertEquals(0, processes.get(i).exitValue(), String.join("\n", output));
            ids.addAll(output.stream().filter(line -> line.startsWith("id=")).toList());
        }
        assertEquals(Set.of("id=" + new IdentityStore(directory, random).load().id().value()), ids);
    }

    @Test
    void givenTwoStores_whenEachCreatesAnIdentity_thenTheIdsDiffer() throws Exception {
        assertNotEquals(new IdentityStore(temp.resolve("a"), random).loadOrCreate().id(),
                new IdentityStore(temp.resolve("b"), random).loadOrCreate().id());
    }

    @Test
    void givenNeuromeshHomeOrOnlyUserHome_whenTheDefaultDirectoryIsAsked_thenItIsUnderTheRightFolder() {
        Map<String, String> withHome = Map.of("neuromesh.home", "/srv/nm", "user.home", "/home/u");
        Map<String, String> withoutHome = Map.of("user.home", "/home/u");

        assertEquals(Path.of("/srv/nm/identity"), IdentityStore.defaultDirectory(withHome::get));
        assertEquals(Path.of("/home/u/.neuromesh/identity"), IdentityStore.defaultDirectory(withoutHome::get));
    }

    @Test
    void givenAPlaceThatCannotHoldADirectory_whenCreating_thenTheErrorNamesIt() throws Exception {
        Path file = Files.writeString(temp.resolve("a-file"), "not a directory");
        Path directory = file.resolve("identity");

        IOException e = assertThrows(IOException.class, () -> new IdentityStore(directory, random).loadOrCreate());

        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }

    private void assertLoadFailsNaming(Path directory, Path file, String detail) {
        IOException e = assertThrows(IOException.class, () -> new IdentityStore(directory, random).load());
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains(detail), e.getMessage());
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private static String text(Path path) throws IOException {
        return Files.readString(path, StandardCharsets.US_ASCII);
    }

    private static Set<String> names(Path directory) throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
    }
}
