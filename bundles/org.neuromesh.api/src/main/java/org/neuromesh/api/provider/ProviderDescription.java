package org.neuromesh.api.provider;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * One registered provider as seen by the {@link ProviderCatalog}.
 *
 * @param kind what the provider is
 * @param name the value of the kind's name property, or {@code "(unnamed)"} if the provider did not set it
 * @param serviceId the framework's service id, unique while the provider is registered
 * @param ranking the service ranking (0 if unset); the highest ranking of a kind is its default
 * @param bundle symbolic name and version of the bundle that registered the service
 * @param properties every service property, sorted by key; values are strings or arrays rendered as strings
 */
public record ProviderDescription(ProviderKind kind, String name, long serviceId, int ranking, String bundle,
        Map<String, String> properties) {

    /** Shown as the name of a provider that did not set its kind's name property. */
    public static final String UNNAMED = "(unnamed)";

    /** Properties every service or DS component has; they say nothing about the provider itself. */
    private static final Set<String> BOOKKEEPING = Set.of("objectClass", "service.id", "service.bundleid",
            "service.scope", "service.pid", "service.ranking", "component.id", "component.name");
    private static final String DS_BOOKKEEPING_PREFIX = "osgi.ds.";

    public ProviderDescription {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(bundle, "bundle");
        name = name == null || name.isBlank() ? UNNAMED : name;
        properties = Map.copyOf(properties == null ? Map.of() : properties);
    }

    /** The properties in key order, as shown to users. */
    public Map<String, String> sortedProperties() {
        return new TreeMap<>(properties);
    }

    /**
     * What the provider says about itself, in key order: every property but the framework's and Declarative
     * Services' bookkeeping ({@code objectClass}, {@code service.*} ids, {@code component.*}, {@code osgi.ds.*})
     * and the ranking, which {@link #ranking()} gives.
     */
    public Map<String, String> ownProperties() {
        Map<String, String> own = new TreeMap<>(properties);
        own.keySet().removeIf(key -> BOOKKEEPING.contains(key) || key.startsWith(DS_BOOKKEEPING_PREFIX));
        return own;
    }
}
