package org.neuromesh.crypto.internal;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;

import org.neuromesh.api.capsule.Capsule;
import org.neuromesh.api.ledger.AuditRecord;
import org.neuromesh.api.peer.Outbound;
import org.neuromesh.api.peer.PeerId;
import org.neuromesh.api.peer.SealedCapsule;
import org.neuromesh.api.peer.SignedAuditRecord;
import org.neuromesh.api.peer.SignedControlMessage;
import org.neuromesh.api.security.PeerSecurity;
import org.neuromesh.api.security.PublicKeys;
import org.neuromesh.api.security.RejectedMessageException;
import org.neuromesh.api.security.SealingException;
import org.neuromesh.crypto.IdentityStore;
import org.neuromesh.crypto.MessageSecurity;
import org.neuromesh.crypto.PeerIdentity;
import org.neuromesh.crypto.ReplayJournalFile;
import org.neuromesh.crypto.SecurityLimits;
import org.neuromesh.crypto.TimeWindows;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;

/**
 * This peer's {@link PeerSecurity}: {@link MessageSecurity} with the identity kept by an {@link IdentityStore}.
 * The identity is loaded, or created, when the component is first used. A configuration change re-creates the
 * component (no modified method); the identity stays the same unless the directory changes, and so does the replay
 * memory, kept in a journal beside the keys.
 */
@Component(configurationPid = PeerSecurityConfig.PID, property = PeerSecurityComponent.SECURITY_PROPERTY + "="
        + PeerSecurityComponent.KEYS)
@Designate(ocd = PeerSecurityConfig.class)
public class PeerSecurityComponent implements PeerSecurity {

    /** Service property naming the kind of peer security; consumers filter on it. */
    public static final String SECURITY_PROPERTY = "neuromesh.security";
    /** Its value for this implementation: keys kept on disk, Ed25519 + X25519. */
    public static final String KEYS = "keys";

    private static final System.Logger LOG = System.getLogger(PeerSecurityComponent.class.getName());

    /** The replay journal's file in the identity directory. */
    static final String REPLAY_JOURNAL = "replay-journal.txt";

    private final MessageSecurity security;

    @Activate
    public PeerSecurityComponent(BundleContext context, PeerSecurityConfig config) {
        TimeWindows windows = new TimeWindows(
                Duration.ofSeconds(atLeast(config.controlWindowSeconds(), 1, "controlWindowSeconds")),
                Duration.ofSeconds(atLeast(config.capsuleWindowSeconds(), 1, "capsuleWindowSeconds")),
                Duration.ofSeconds(atLeast(config.futureWindowSeconds(), 1, "futureWindowSeconds")));
        SecurityLimits limits = SecurityLimits.defaults()
                .withMaxCapsuleBytes((int) atLeast(config.maxCapsuleBytes(), 1024, "maxCapsuleBytes"));
        Path directory = identityDirectory(context, config.identityDirectory());
        PeerIdentity identity;
        try {
            identity = new IdentityStore(directory, new SecureRandom()).loadOrCreate();
        } catch (IOException e) {
            throw new IllegalStateException(PeerSecurityConfig.PID + ": no peer identity in identityDirectory "
                    + directory + ": " + e.getMessage(), e);
        }
        // next to the keys: what this identity accepted stays refused across restarts
        this.security = new MessageSecurity(identity, Clock.systemUTC(), windows, limits,
                new ReplayJournalFile(directory.resolve(REPLAY_JOURNAL), 3L * limits.maxRememberedMessages()));
        LOG.log(Level.INFO, "Peer identity " + identity.id().shortForm() + " (identity directory " + directory + ")");
    }

    @Deactivate
    void deactivate() {
        security.close();
    }

    private static Path identityDirectory(BundleContext context, String configured) {
        if (configured == null || configured.isBlank()) {
            return IdentityStore.defaultDirectory(context::getProperty);
        }
        try {
            return Path.of(configured).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException(PeerSecurityConfig.PID + ": identityDirectory '" + configured
                    + "' is not a valid path: " + e.getMessage(), e);
        }
    }

    private static long atLeast(long value, long minimum, String property) {
        if (value < minimum) {
            throw new IllegalArgumentException(PeerSecurityConfig.PID + ": " + property + " must be at least "
                    + minimum + ", got " + value);
        }
        return value;
    }

    @Override
    public PeerId self() {
        return security.self();
    }

    @Override
    public PublicKeys publicKeys() {
        return security.publicKeys();
    }

    @Override
    public void trust(PeerId peer, PublicKeys keys) throws RejectedMessageException {
        security.trust(peer, keys);
    }

    @Override
    public Optional<PublicKeys> keysOf(PeerId peer) {
        return security.keysOf(peer);
    }

    @Override
    public SealedCapsule seal(Capsule capsule, Collection<PeerId> recipients) throws SealingException {
        return security.seal(capsule, recipients);
    }

    @Override
    public Capsule open(SealedCapsule sealed) throws RejectedMessageException {
        return security.open(sealed);
    }

    @Override
    public SignedControlMessage sign(String type, PeerId recipientOrNull, byte[] body) {
        return security.sign(type, recipientOrNull, body);
    }

    @Override
    public SignedAuditRecord sign(AuditRecord record) {
        return security.sign(record);
    }

    @Override
    public void verify(Outbound message) throws RejectedMessageException {
        security.verify(message);
    }

    @Override
    public void verifySignature(Outbound message) throws RejectedMessageException {
        security.verifySignature(message);
    }

    @Override
    public String toString() {
        return "PeerSecurity[" + security.self().shortForm() + "]";
    }
}
