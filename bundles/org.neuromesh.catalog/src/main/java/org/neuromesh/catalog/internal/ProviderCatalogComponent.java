package org.neuromesh.catalog.internal;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.neuromesh.api.provider.ProviderCatalog;
import org.neuromesh.api.provider.ProviderKind;
import org.neuromesh.catalog.ProviderRegistry;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceListener;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * Feeds the {@link ProviderRegistry} from the service registry. One listener on an OR filter over every
 * {@link ProviderKind} keeps this generic: a new kind in the API needs no change here.
 */
@Component(service = ProviderCatalog.class, immediate = true)
public class ProviderCatalogComponent implements ProviderCatalog {

    private final ProviderRegistry registry = new ProviderRegistry();
    private final BundleContext context;
    private final ServiceListener listener = this::serviceChanged;

    @Activate
    public ProviderCatalogComponent(BundleContext context) throws InvalidSyntaxException {
        this.context = context;
        String filter = Arrays.stream(ProviderKind.values())
                .map(kind -> "(objectClass=" + kind.serviceInterface().getName() + ")")
                .collect(Collectors.joining("", "(|", ")"));
        // Listen first, then read what is already there, so that nothing registered in between is missed.
        context.addServiceListener(listener, filter);
        ServiceReference<?>[] existing = context.getAllServiceReferences(null, filter);
        for (ServiceReference<?> reference : existing == null ? new ServiceReference<?>[0] : existing) {
            record(reference);
        }
    }

    @Deactivate
    void deactivate() {
        context.removeServiceListener(listener);
    }

    @Override
    public List<org.neuromesh.api.provider.ProviderDescription> providers() {
        return registry.providers();
    }

    @Override
    public AutoCloseable addListener(Listener catalogListener) {
        return registry.addListener(catalogListener);
    }

    private void serviceChanged(ServiceEvent event) {
        ServiceReference<?> reference = event.getServiceReference();
        if (event.getType() == ServiceEvent.UNREGISTERING) {
            registry.unregistered(serviceId(reference));
        } else {
            record(reference);
        }
    }

    private void record(ServiceReference<?> reference) {
        Map<String, Object> properties = new HashMap<>();
        for (String key : reference.getPropertyKeys()) {
            properties.put(key, reference.getProperty(key));
        }
        String bundle = reference.getBundle() == null ? "(gone)"
                : reference.getBundle().getSymbolicName() + " " + reference.getBundle().getVersion();
        for (String objectClass : (String[]) reference.getProperty("objectClass")) {
            Optional<ProviderKind> kind = ProviderKind.forInterfaceName(objectClass);
            // A service registered under two provider interfaces is listed once, under its first kind.
            if (kind.isPresent()) {
                registry.registered(kind.get(), serviceId(reference), properties, bundle);
                return;
            }
        }
    }

    private static long serviceId(ServiceReference<?> reference) {
        return (Long) reference.getProperty("service.id");
    }
}
