package org.neuromesh.api.provider;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A live view of every NeuroMesh provider registered in the framework, for shells, views and diagnostics.
 *
 * <p>Implementations must reflect registrations, modifications and unregistrations as they happen, including
 * those of bundles installed or removed while the system runs, and must be safe to call from any thread.
 */
@ProviderType
public interface ProviderCatalog {

    /** A snapshot of all providers, ordered by kind, then by ranking (highest first), then by name. */
    List<ProviderDescription> providers();

    /** A snapshot of the providers of one kind, in the same order. */
    default List<ProviderDescription> providers(ProviderKind kind) {
        return providers().stream().filter(p -> p.kind() == kind).toList();
    }

    /**
     * Registers a listener told after every change. It is called on a framework thread and must return quickly.
     *
     * @return a handle whose {@code close()} removes the listener
     */
    AutoCloseable addListener(Listener listener);

    /** Told when the set of providers changed. */
    @FunctionalInterface
    interface Listener {
        void providersChanged(List<ProviderDescription> providers);
    }
}
