package org.neuromesh.ui.providers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.neuromesh.api.provider.ProviderDescription;
import org.neuromesh.api.provider.ProviderKind;

class ProviderColumnTest {

    private final ProviderDescription rule = new ProviderDescription(ProviderKind.LEARNING_RULE, "eligibility", 42L, 10,
            "org.neuromesh.learning.eligibility 0.1.0", Map.of(
                    "neuromesh.learning.rule", "eligibility",
                    "service.ranking", "10",
                    "objectClass", "[org.neuromesh.api.learning.LearningRule]",
                    "service.id", "42",
                    "component.name", "org.neuromesh.learning.eligibility.internal.EligibilityRuleComponent",
                    "learningRate", "0.01",
                    "osgi.ds.satisfying.condition.target", "(osgi.condition.id=true)"));

    @Test
    void shouldShowHeadersInViewOrder() {
        assertEquals("Kind|Name|Ranking|Bundle|Properties",
                String.join("|", Arrays.stream(ProviderColumn.values()).map(ProviderColumn::header).toList()));
    }

    @Test
    void shouldRenderOneProviderAsARow() {
        assertEquals("learning rule", ProviderColumn.KIND.text(rule));
        assertEquals("eligibility", ProviderColumn.NAME.text(rule));
        assertEquals("10", ProviderColumn.RANKING.text(rule));
        assertEquals("org.neuromesh.learning.eligibility 0.1.0", ProviderColumn.BUNDLE.text(rule));
    }

    @Test
    void shouldShowOwnPropertiesInKeyOrderWithoutFrameworkBookkeeping() {
        assertEquals("learningRate=0.01, neuromesh.learning.rule=eligibility",
                ProviderColumn.PROPERTIES.text(rule));
    }

    @Test
    void shouldSayWhenNoProviderIsRegistered() {
        assertEquals(ProvidersPart.NO_PROVIDERS, ProvidersPart.summary(0));
        assertEquals("1 provider", ProvidersPart.summary(1));
        assertEquals("3 providers", ProvidersPart.summary(3));
    }
}
