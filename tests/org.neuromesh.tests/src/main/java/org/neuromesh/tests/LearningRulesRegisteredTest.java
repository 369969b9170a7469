package org.neuromesh.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.neuromesh.api.learning.LearningRule;
import org.neuromesh.learning.backprop.BackpropagationRule;
import org.neuromesh.learning.dfa.DirectFeedbackAlignmentRule;
import org.neuromesh.learning.eligibility.EligibilityTraceRule;
import org.neuromesh.learning.forwardforward.ForwardForwardRule;
import org.neuromesh.learning.pepita.PepitaRule;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/** Every rule bundle of the core feature offers its rule under its name, ranked so the eligibility rule leads. */
class LearningRulesRegisteredTest {

    /** A rule's name, its ranking, whether it is forward-only, and a class of the bundle that must offer it. */
    private record Expected(String name, int ranking, boolean forwardOnly, Class<?> fromBundleOf) {
    }

    private static final List<Expected> RULES = List.of(
            new Expected("eligibility", 100, true, EligibilityTraceRule.class),
            new Expected("direct-feedback", 60, true, DirectFeedbackAlignmentRule.class),
            new Expected("forward-forward", 40, true, ForwardForwardRule.class),
            new Expected("pepita", 30, true, PepitaRule.class),
            new Expected("backprop-reference", 0, false, BackpropagationRule.class));

    private final BundleContext context = Framework.context();

    @Test
    void shouldRegisterAllFiveRulesUnderTheirNamesWithTheirRankings() throws Exception {
        for (Expected expected : RULES) {
            // given the framework has started, when a rule is looked up by its name property
            Framework.await("the " + expected.name() + " rule is registered", () -> rule(expected.name()).isPresent());
            ServiceReference<LearningRule> reference = rule(expected.name()).orElseThrow();
            // then its own bundle offers it with its ranking, and it describes itself under the same name
            assertEquals(FrameworkUtil.getBundle(expected.fromBundleOf()), reference.getBundle(), expected.name());
            assertEquals(expected.ranking(), reference.getProperty("service.ranking"), expected.name());
            LearningRule service = context.getService(reference);
            try {
                assertEquals(expected.name(), service.info().name());
                assertEquals(expected.forwardOnly(), service.info().forwardOnly(), expected.name());
            } finally {
                context.ungetService(reference);
            }
        }
    }

    private Optional<ServiceReference<LearningRule>> rule(String name) {
        try {
            String filter = "(" + LearningRule.NAME_PROPERTY + "=" + name + ")";
            return context.getServiceReferences(LearningRule.class, filter).stream().findFirst();
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
