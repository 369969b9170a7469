package org.neuromesh.catalog;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.neuromesh.api.provider.ProviderCatalog;
import org.neuromesh.api.provider.ProviderDescription;
import org.neuromesh.api.provider.ProviderKind;

/**
 * The bookkeeping behind the provider catalog, free of OSGi types: registrations come in as plain property
 * maps, listeners are told after each change.
 */
public final class ProviderRegistry implements ProviderCatalog {

    private static final System.Logger LOG = System.getLogger(ProviderRegistry.class.getName());

    /** Order shown to users: kind, then default first (highest ranking), then name, then registration order. */
    public static final Comparator<ProviderDescription> ORDER = Comparator
            .comparing(ProviderDescription::kind)
            .thenComparing(ProviderDescription::ranking, Comparator.reverseOrder())
            .thenComparing(ProviderDescription::name)
            .thenComparingLong(ProviderDescription::serviceId);

    private final Map<Long, ProviderDescription> byServiceId = new ConcurrentHashMap<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    /**
     * Records a registration or a change of its properties.
     *
     * @param kind what the service is
     * @param serviceId the framework's service id
     * @param properties the service properties
     * @param bundle "symbolicName version" of the registering bundle
     */
    public void registered(ProviderKind kind, long serviceId, Map<String, ?> properties, String bundle) {
        byServiceId.put(serviceId, describe(kind, serviceId, properties, bundle));
        fireChanged();
    }

    /** Forgets a registration; unknown ids are ignored. */
    public void unregistered(long serviceId) {
        if (byServiceId.remove(serviceId) != null) {
            fireChanged();
        }
    }

    @Override
    public List<ProviderDescription> providers() {
        List<ProviderDescription> all = new ArrayList<>(byServiceId.values());
        all.sort(ORDER);
        return List.copyOf(all);
    }

    @Override
    public AutoCloseable addListener(Listener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Turns raw service properties into what users see: every value as text, arrays spelled out. */
    static ProviderDescription describe(ProviderKind kind, long serviceId, Map<String, ?> properties,
            String bundle) {
        Map<String, String> text = new TreeMap<>();
        properties.forEach((key, value) -> text.put(key, render(value)));
        Object ranking = properties.get("service.ranking");
        Object name = properties.get(kind.nameProperty());
        return new ProviderDescription(kind, name == null ? null : render(name), serviceId,
                ranking instanceof Integer r ? r : 0, bundle, text);
    }

    private static String render(Object value) {
        if (value != null && value.getClass().isArray()) {
            List<String> items = new ArrayList<>();
            for (int i = 0; i < Array.getLength(value); i++) {
                items.add(String.valueOf(Array.get(value, i)));
            }
            return String.join(",", items);
        }
        return String.valueOf(value);
    }

    private void fireChanged() {
        List<ProviderDescription> snapshot = providers();
        for (Listener listener : listeners) {
            try {
                listener.providersChanged(snapshot);
            } catch (RuntimeException e) {
                // One broken listener (a closed view, say) must not stop the others from being told.
                LOG.log(System.Logger.Level.WARNING, "Provider catalog listener " + listener + " failed", e);
            }
        }
    }
}
