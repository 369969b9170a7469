package org.neuromesh.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.neuromesh.api.provider.ProviderDescription;
import org.neuromesh.api.provider.ProviderKind;

class ProviderTableTest {

    @Test
    void groupsByKindMarksTheDefaultAndListsOwnProperties() {
        // given two learning rules, the first being the default
        var eligibility = new ProviderDescription(ProviderKind.LEARNING_RULE, "eligibility", 5, 100,
                "org.neuromesh.learning.eligibility 0.1.0", Map.of("neuromesh.learning.rule", "eligibility",
                        "learningRate", "0.01", "service.id", "5", "objectClass", "x"));
        var hebbian = new ProviderDescription(ProviderKind.LEARNING_RULE, "sign-hebbian", 9, 0, "sample 1.0.0",
                Map.of());
        // when rendered
        String text = ProviderTable.render(List.of(eligibility, hebbian));
        // then
        assertEquals("""
                learning rule (2)
                  eligibility  [default]  ranking 100  org.neuromesh.learning.eligibility 0.1.0
                      learningRate=0.01
                  sign-hebbian  ranking 0  sample 1.0.0
                no provider: peer discovery, peer messaging, privacy masker, document extractor, memory store, ledger
                """, text);
    }

    @Test
    void anEmptyCatalogSaysThatNoKindHasAProvider() {
        assertEquals("no provider: learning rule, peer discovery, peer messaging, privacy masker, "
                + "document extractor, memory store, ledger\n", ProviderTable.render(List.of()));
    }
}
