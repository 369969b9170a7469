package org.neuromesh.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.neuromesh.api.provider.ProviderDescription;
import org.neuromesh.api.provider.ProviderKind;

class ProviderRegistryTest {

    private final ProviderRegistry registry = new ProviderRegistry();

    @Test
    void listsProvidersByKindThenHighestRankingFirst() {
        // given two rules with different rankings and a ledger
        registry.registered(ProviderKind.LEDGER, 7, Map.of("neuromesh.ledger", "local"), "b 1");
        registry.registered(ProviderKind.LEARNING_RULE, 3,
                Map.of("neuromesh.learning.rule", "forward-forward"), "b 1");
        registry.registered(ProviderKind.LEARNING_RULE, 4,
                Map.of("neuromesh.learning.rule", "eligibility", "service.ranking", 100), "b 1");
        // when listed
        List<String> names = registry.providers().stream().map(ProviderDescription::name).toList();
        // then rules come before ledgers and the default rule first
        assertEquals(List.of("eligibility", "forward-forward", "local"), names);
    }

    @Test
    void rendersArrayPropertiesAsCommaSeparatedText() {
        // given a provider whose objectClass is an array
        registry.registered(ProviderKind.MEMORY_STORE, 1,
                Map.of("neuromesh.memory.store", "heap", "objectClass", new String[] { "a.B", "c.D" }), "b 1");
        // when described, then the array reads as text
        assertEquals("a.B,c.D", registry.providers().get(0).properties().get("objectClass"));
    }

    @Test
    void providerWithoutNamePropertyIsShownAsUnnamed() {
        registry.registered(ProviderKind.LEDGER, 1, Map.of(), "b 1");
        assertEquals(ProviderDescription.UNNAMED, registry.providers().get(0).name());
    }

    @Test
    void listenersSeeRegistrationsAndUnregistrationsUntilClosed() throws Exception {
        // given a listener
        List<Integer> sizes = new ArrayList<>();
        AutoCloseable handle = registry.addListener(providers -> sizes.add(providers.size()));
        // when a provider comes and goes, and then another comes after the listener closed
        registry.registered(ProviderKind.LEDGER, 1, Map.of("neuromesh.ledger", "x"), "b 1");
        registry.unregistered(1);
        handle.close();
        registry.registered(ProviderKind.LEDGER, 2, Map.of("neuromesh.ledger", "y"), "b 1");
        // then it saw exactly the first two changes
        assertEquals(List.of(1, 0), sizes);
    }

    @Test
    void aFailingListenerDoesNotKeepOthersFromBeingTold() {
        List<Integer> told = new ArrayList<>();
        registry.addListener(providers -> {
            throw new IllegalStateException("view disposed");
        });
        registry.addListener(providers -> told.add(providers.size()));
        registry.registered(ProviderKind.LEDGER, 1, Map.of("neuromesh.ledger", "x"), "b 1");
        assertEquals(List.of(1), told);
    }

    @Test
    void unregisteringAnUnknownServiceChangesNothing() {
        List<Integer> told = new ArrayList<>();
        registry.addListener(providers -> told.add(providers.size()));
        registry.unregistered(99);
        assertTrue(told.isEmpty());
    }
}
