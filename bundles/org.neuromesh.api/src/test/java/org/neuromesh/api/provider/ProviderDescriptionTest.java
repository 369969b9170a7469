package org.neuromesh.api.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

class ProviderDescriptionTest {

    @Test
    void ownPropertiesLeaveOutFrameworkAndComponentBookkeepingInKeyOrder() {
        // given a configured DS component's service properties
        var description = new ProviderDescription(ProviderKind.LEARNING_RULE, "eligibility", 7, 100, "b 1",
                Map.ofEntries(Map.entry("weightDecay", "0.0"), Map.entry("learningRate", "0.05"),
                        Map.entry("neuromesh.learning.rule", "eligibility"), Map.entry("objectClass", "x"),
                        Map.entry("service.id", "7"), Map.entry("service.bundleid", "3"),
                        Map.entry("service.scope", "bundle"), Map.entry("service.pid", "org.neuromesh.learning.eligibility"),
                        Map.entry("service.ranking", "100"), Map.entry("component.id", "1"),
                        Map.entry("component.name", "c"), Map.entry("osgi.ds.satisfying.condition.target", "(a=b)")));
        // when its own properties are asked for, then only what the provider set remains, sorted
        assertEquals("{learningRate=0.05, neuromesh.learning.rule=eligibility, weightDecay=0.0}",
                description.ownProperties().toString());
    }
}
