package org.neuromesh.crypto.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuromesh.api.capsule.Capsule;
import org.neuromesh.api.capsule.PrivacyLevel;
import org.neuromesh.api.peer.SealedCapsule;
import org.neuromesh.api.peer.SignedControlMessage;
import org.neuromesh.api.security.RejectedMessageException;
import org.neuromesh.api.security.RejectionReason;
import org.neuromesh.crypto.IdentityStore;

/** The component outside the framework: its configuration checks name the property at fault. */
class PeerSecurityComponentTest {

    @TempDir
    Path temp;

    @Test
    void givenAConfiguredDirectory_whenActivated_thenTheIdentityIsThereAndACapsuleSealedToItselfOpens()
            throws Exception {
        Path directory = temp.resolve("identity");

        PeerSecurityComponent component = new PeerSecurityComponent(null, config(directory.toString(), 120, 86400,
                1 << 20));

        assertEquals(new IdentityStore(directory, new SecureRandom()).load().id(), component.self());
        Capsule capsule = new Capsule("c", "k", PrivacyLevel.SHAREABLE, Set.of(), null, new byte[] {1}, Instant.now());
        assertEquals("c", component.open(component.seal(capsule, List.of(component.self()))).id());
    }

    @Test
    void givenACapsuleAndAControlMessageAcceptedBeforeARestart_whenTheirCopiesArriveAfterIt_thenTheyAreReplayed()
            throws Exception {
        // given a peer that opened a capsule and verified a control message of its own, then stopped
        String directory = temp.resolve("identity").toString();
        PeerSecurityComponent before = new PeerSecurityComponent(null, config(directory, 120, 86400, 1 << 20));
        Capsule capsule = new Capsule("c", "k", PrivacyLevel.SHAREABLE, Set.of(), null, new byte[] {1}, Instant.now());
        SealedCapsule sealed = before.seal(capsule, List.of(before.self()));
        SignedControlMessage signal = before.sign("signal.error", before.self(), new byte[] {2});
        before.open(sealed);
        before.verify(signal);
        before.deactivate();
        // when it starts again and an attacker sends the captured copies
        PeerSecurityComponent after = new PeerSecurityComponent(null, config(directory, 120, 86400, 1 << 20));
        // then both are refused as replayed
        assertEquals(RejectionReason.REPLAYED,
                assertThrows(RejectedMessageException.class, () -> after.open(sealed)).reason());
        assertEquals(RejectionReason.REPLAYED,
                assertThrows(RejectedMessageException.class, () -> after.verify(signal)).reason());
        after.deactivate();
    }

    @Test
    void givenANegativeOrZeroWindow_whenActivated_thenItFailsNamingTheProperty() {
        String directory = temp.resolve("identity").toString();

        IllegalArgumentException control = assertThrows(IllegalArgumentException.class,
                () -> new PeerSecurityComponent(null, config(directory, -1, 86400, 1 << 20)));
        IllegalArgumentException capsule = assertThrows(IllegalArgumentException.class,
                () -> new PeerSecurityComponent(null, config(directory, 120, 0, 1 << 20)));
        IllegalArgumentException size = assertThrows(IllegalArgumentException.class,
                () -> new PeerSecurityComponent(null, config(directory, 120, 86400, 10)));

        assertTrue(control.getMessage().contains("controlWindowSeconds"), control.getMessage());
        assertTrue(capsule.getMessage().contains("capsuleWindowSeconds"), capsule.getMessage());
        assertTrue(size.getMessage().contains("maxCapsuleBytes"), size.getMessage());
        assertTrue(Files.notExists(temp.resolve("identity")), "nothing is created from a bad configuration");
    }

    @Test
    void givenAnIdentityDirectoryThatCannotBeCreated_whenActivated_thenItFailsNamingThePropertyAndThePath()
            throws Exception {
        Path file = Files.writeString(temp.resolve("a-file"), "x");
        String directory = file.resolve("identity").toString();

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new PeerSecurityComponent(null, config(directory, 120, 86400, 1 << 20)));

        assertTrue(e.getMessage().contains("identityDirectory") && e.getMessage().contains(directory),
                e.getMessage());
    }

    private static PeerSecurityConfig config(String identityDirectory, long controlWindowSeconds,
            long capsuleWindowSeconds, int maxCapsuleBytes) {
        return new PeerSecurityConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return PeerSecurityConfig.class;
            }

            @Override
            public String identityDirectory() {
                return identityDirectory;
            }

            @Override
            public long controlWindowSeconds() {
                return controlWindowSeconds;
            }

            @Override
            public long capsuleWindowSeconds() {
                return capsuleWindowSeconds;
            }

            @Override
            public long futureWindowSeconds() {
                return 30;
            }

            @Override
            public int maxCapsuleBytes() {
                return maxCapsuleBytes;
            }
        };
    }
}
