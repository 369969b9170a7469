package org.neuromesh.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.neuromesh.api.ledger.AuditRecord;
import org.neuromesh.api.ledger.Ledger;
import org.neuromesh.api.ledger.LedgerReceipt;
import org.neuromesh.api.ledger.Verification;
import org.neuromesh.api.peer.PeerId;
import org.neuromesh.api.provider.ProviderCatalog;
import org.neuromesh.api.provider.ProviderDescription;
import org.neuromesh.api.provider.ProviderKind;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/** The catalog component sees providers come and go in the real service registry. */
class ProviderCatalogTest {

    private final BundleContext context = Framework.context();

    /** A ledger that keeps nothing: enough to be registered and listed. */
    private static final class EmptyLedger implements Ledger {
        @Override
        public LedgerReceipt append(AuditRecord record) {
            throw new IllegalStateException("this test ledger accepts no records");
        }

        @Override
        public List<AuditRecord> records(long fromSequence, int limit) {
            return List.of();
        }

        @Override
        public long creditBalance(PeerId peer) {
            return 0;
        }

        @Override
        public Verification verify() {
            return new Verification(0, null);
        }
    }

    @Test
    void shouldListTheDefaultRuleAndSeeAProviderComeAndGo() throws Exception {
        // given the catalog and a listener on it
        ProviderCatalog catalog = context.getService(context.getServiceReference(ProviderCatalog.class));
        Framework.await("the eligibility rule is listed",
                () -> names(catalog, ProviderKind.LEARNING_RULE).contains("eligibility"));
        List<List<ProviderDescription>> changes = new ArrayList<>();
        AutoCloseable listening = catalog.addListener(changes::add);
        // when a ledger provider is registered
        ServiceRegistration<Ledger> registration = context.registerService(Ledger.class, new EmptyLedger(),
                new Hashtable<>(Map.of(Ledger.NAME_PROPERTY, "in-test", "service.ranking", 5)));
        // then it is listed with its kind, name, ranking and bundle, and the listener was told
        ProviderDescription ledger = catalog.providers(ProviderKind.LEDGER).get(0);
        assertEquals("in-test", ledger.name());
        assertEquals(5, ledger.ranking());
        assertTrue(ledger.bundle().startsWith("org.neuromesh.tests "), ledger.bundle());
        assertEquals(1, changes.size());
        // when it is unregistered, then it is gone
        registration.unregister();
        assertTrue(catalog.providers(ProviderKind.LEDGER).isEmpty());
        listening.close();
    }

    private static List<String> names(ProviderCatalog catalog, ProviderKind kind) {
        return catalog.providers(kind).stream().map(ProviderDescription::name).toList();
    }
}
