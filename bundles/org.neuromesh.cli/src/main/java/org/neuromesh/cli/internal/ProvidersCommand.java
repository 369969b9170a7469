package org.neuromesh.cli.internal;

import org.neuromesh.api.provider.ProviderCatalog;
import org.neuromesh.cli.ProviderTable;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code neuromesh:providers}: every registered NeuroMesh provider by kind, with its properties. */
@Component(service = ProvidersCommand.class, property = {
        "osgi.command.scope=neuromesh",
        "osgi.command.function=providers" })
public class ProvidersCommand {

    private final ProviderCatalog catalog;

    @Activate
    public ProvidersCommand(@Reference ProviderCatalog catalog) {
        this.catalog = catalog;
    }

    /** Gogo prints the returned text. */
    public String providers() {
        return ProviderTable.render(catalog.providers());
    }
}
