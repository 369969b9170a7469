package org.neuromesh.api.provider;

import java.util.Arrays;
import java.util.Optional;

import org.neuromesh.api.ledger.Ledger;
import org.neuromesh.api.learning.LearningRule;
import org.neuromesh.api.memory.MemoryStore;
import org.neuromesh.api.peer.PeerDiscovery;
import org.neuromesh.api.peer.PeerMessaging;
import org.neuromesh.api.privacy.DocumentExtractor;
import org.neuromesh.api.privacy.PrivacyMasker;

/**
 * The kinds of plug-in providers NeuroMesh knows, each with the service interface a provider registers under
 * and the service property whose value names the provider.
 *
 * <p>A provider must register under {@link #serviceInterface()} and set {@link #nameProperty()} to a short,
 * lower-case, stable name; two providers of the same kind must not share a name unless one is meant to
 * replace the other (then the higher {@code service.ranking} wins).
 */
public enum ProviderKind {
    LEARNING_RULE("learning rule", LearningRule.class, LearningRule.NAME_PROPERTY),
    PEER_DISCOVERY("peer discovery", PeerDiscovery.class, PeerDiscovery.NAME_PROPERTY),
    PEER_MESSAGING("peer messaging", PeerMessaging.class, PeerMessaging.NAME_PROPERTY),
    PRIVACY_MASKER("privacy masker", PrivacyMasker.class, PrivacyMasker.NAME_PROPERTY),
    DOCUMENT_EXTRACTOR("document extractor", DocumentExtractor.class, DocumentExtractor.NAME_PROPERTY),
    MEMORY_STORE("memory store", MemoryStore.class, MemoryStore.NAME_PROPERTY),
    LEDGER("ledger", Ledger.class, Ledger.NAME_PROPERTY);

    private final String label;
    private final Class<?> serviceInterface;
    private final String nameProperty;

    ProviderKind(String label, Class<?> serviceInterface, String nameProperty) {
        this.label = label;
        this.serviceInterface = serviceInterface;
        this.nameProperty = nameProperty;
    }

    /** Human-readable name of the kind, e.g. "learning rule". */
    public String label() {
        return label;
    }

    /** The interface a provider of this kind registers its service under. */
    public Class<?> serviceInterface() {
        return serviceInterface;
    }

    /** The service property whose value names a provider of this kind. */
    public String nameProperty() {
        return nameProperty;
    }

    /** The kind whose service interface has the given fully qualified name, if any. */
    public static Optional<ProviderKind> forInterfaceName(String className) {
        return Arrays.stream(values()).filter(k -> k.serviceInterface.getName().equals(className)).findFirst();
    }
}
