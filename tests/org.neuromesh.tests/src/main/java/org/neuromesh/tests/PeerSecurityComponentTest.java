package org.neuromesh.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.neuromesh.api.capsule.Capsule;
import org.neuromesh.api.capsule.PrivacyLevel;
import org.neuromesh.api.peer.SealedCapsule;
import org.neuromesh.api.security.PeerSecurity;
import org.neuromesh.api.security.RejectedMessageException;
import org.neuromesh.api.security.RejectionReason;
import org.neuromesh.crypto.IdentityStore;
import org.neuromesh.crypto.PeerKeys;
import org.neuromesh.crypto.WireFormat;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.ConfigurationAdmin;

/** This peer's security as a real DS component, configured through the real Config Admin. */
class PeerSecurityComponentTest {

    private static final String PID = "org.neuromesh.crypto";
    private static final String FILTER = "(neuromesh.security=keys)";

    private final BundleContext context = Framework.context();
    private Path temp;

    @AfterEach
    void deleteConfigurationAndFiles() throws Exception {
        Framework.resetConfiguration(PID, PeerSecurity.class, FILTER);
        if (temp != null) {
            try (Stream<Path> files = Files.walk(temp)) {
                for (Path file : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                    Files.delete(file);
                }
            }
        }
    }

    @Test
    void shouldRegisterPeerSecurityWithItsProperty() throws Exception {
        // given the framework has started, when peer security is looked up by its property
        Framework.await("peer security is registered", () -> security(FILTER).isPresent());
        ServiceReference<PeerSecurity> reference = security(FILTER).orElseThrow();
        // then it comes from the crypto bundle with its default configuration
        assertEquals("org.neuromesh.crypto", reference.getBundle().getSymbolicName());
        assertEquals(120L, reference.getProperty("controlWindowSeconds"));
        assertEquals(86400L, reference.getProperty("capsuleWindowSeconds"));
        assertEquals(64 << 20, reference.getProperty("maxCapsuleBytes"));
    }

    @Test
    void shouldCreateItsIdentityInTheConfiguredDirectoryAndOpenACapsuleSealedToItself() throws Exception {
        // given an identity directory configured through Config Admin
        temp = Files.createTempDirectory("neuromesh-security-test");
        Path directory = temp.resolve("identity");
        configure("identityDirectory", directory.toString());
        String filter = "(&" + FILTER + "(identityDirectory=" + directory + "))";
        Framework.await("peer security uses " + directory, () -> security(filter).isPresent());
        ServiceReference<PeerSecurity> reference = security(filter).orElseThrow();
        PeerSecurity security = context.getService(reference);
        try {
            // then its identity is created there, beside the journal of its replay memory, and its id is the
            // fingerprint of its signing key
            assertEquals(Set.of(IdentityStore.SIGNING_KEY, IdentityStore.SIGNING_PUB, IdentityStore.AGREEMENT_KEY,
                    IdentityStore.AGREEMENT_PUB, "replay-journal.txt"), names(directory));
            assertEquals(PeerKeys.fingerprint(security.publicKeys().signingKey()), security.self());
            // when a capsule sealed to itself crosses the wire format and is opened
            Capsule capsule = new Capsule("in-framework-1", "cluster-delta", PrivacyLevel.MASKED,
                    Set.of("mnist"), new float[] {1f, -2f}, new byte[] {1, 2, 3}, Instant.now());
            SealedCapsule sealed = security.seal(capsule, List.of(security.self()));
            WireFormat wire = new WireFormat(WireFormat.DEFAULT_MAX_MESSAGE_BYTES);
            SealedCapsule received = (SealedCapsule) wire.decode(wire.encode(sealed));
            Capsule opened = security.open(received);
            // then every field is back, and a second delivery is refused as a replay
            assertEquals(capsule.id(), opened.id());
            assertEquals(capsule.kind(), opened.kind());
            assertEquals(capsule.privacy(), opened.privacy());
            assertEquals(capsule.tags(), opened.tags());
            assertArrayEquals(capsule.embedding(), opened.embedding());
            assertArrayEquals(capsule.payload(), opened.payload());
            assertEquals(capsule.createdAt(), opened.createdAt());
            RejectedMessageException replay = assertThrows(RejectedMessageException.class,
                    () -> security.open(received));
            assertEquals(RejectionReason.REPLAYED, replay.reason());
        } finally {
            context.ungetService(reference);
        }
    }

    @Test
    void shouldOfferNoUsableServiceWhileAWindowIsNegative() throws Exception {
        Framework.await("peer security is registered", () -> security(FILTER).isPresent());
        // when a negative window is stored directly in Config Admin (bypassing the conf/ folder check)
        configure("controlWindowSeconds", -5L);
        // then no half-configured service is offered: SCR cannot create it
        Framework.await("the misconfigured service is not usable", () -> security(
                "(&" + FILTER + "(controlWindowSeconds=-5))").map(r -> {
                    Object service = context.getService(r);
                    if (service != null) {
                        context.ungetService(r);
                    }
                    return service == null;
                }).orElse(false));
    }

    private void configure(String key, Object value) throws IOException {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(key, value);
        configurationAdmin().getConfiguration(PID, "?").update(properties);
    }

    private Optional<ServiceReference<PeerSecurity>> security(String filter) {
        try {
            return context.getServiceReferences(PeerSecurity.class, filter).stream().findFirst();
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private ConfigurationAdmin configurationAdmin() {
        return context.getService(context.getServiceReference(ConfigurationAdmin.class));
    }

    private static Set<String> names(Path directory) throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            return Set.copyOf(entries.map(p -> p.getFileName().toString()).toList());
        }
    }
}
