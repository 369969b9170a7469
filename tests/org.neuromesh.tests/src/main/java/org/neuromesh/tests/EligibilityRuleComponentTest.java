package org.neuromesh.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.neuromesh.api.learning.LearningRule;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.metatype.MetaTypeService;

/** The default learning rule as a real DS component, configured through the real Config Admin. */
class EligibilityRuleComponentTest {

    private static final String PID = "org.neuromesh.learning.eligibility";
    private static final String FILTER = "(" + LearningRule.NAME_PROPERTY + "=eligibility)";

    private final BundleContext context = Framework.context();

    @AfterEach
    void deleteConfiguration() throws Exception {
        Framework.resetConfiguration(PID, LearningRule.class, FILTER);
        assertEquals("0.05", rateOfRule(), "the default rate");
    }

    @Test
    void shouldRegisterTheEligibilityRuleAsDefaultWithItsName() throws Exception {
        // given the framework has started, when the rule is looked up by its name property
        Framework.await("the eligibility rule is registered", () -> rule().isPresent());
        ServiceReference<LearningRule> reference = rule().orElseThrow();
        // then it is the default (ranking 100) and describes itself under the same name
        assertEquals(100, reference.getProperty("service.ranking"));
        LearningRule service = context.getService(reference);
        try {
            assertEquals("eligibility", service.info().name());
            assertTrue(service.info().forwardOnly());
        } finally {
            context.ungetService(reference);
        }
    }

    @Test
    void shouldApplyAConfigurationFromConfigAdmin() throws Exception {
        // given the rule runs with defaults
        Framework.await("the eligibility rule is registered", () -> rule().isPresent());
        // when a configuration with another learning rate is stored
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("learningRate", 0.02);
        configurationAdmin().getConfiguration(PID, "?").update(properties);
        // then the rule is re-created with it
        Framework.await("the rule uses learningRate 0.02", () -> "0.02".equals(rateOfRule()));
    }

    @Test
    void shouldUseAdamWhenConfiguredTo() throws Exception {
        Framework.await("the eligibility rule is registered", () -> rule().isPresent());
        // when the optimizer is set to adam
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("optimizer", "adam");
        properties.put("learningRate", 0.001);
        configurationAdmin().getConfiguration(PID, "?").update(properties);
        // then the re-created rule says it uses Adam
        Framework.await("the rule uses adam", () -> rule().map(r -> {
            Object service = context.getService(r);
            try {
                return service != null && service.toString().contains("optimizer=adam");
            } finally {
                if (service != null) {
                    context.ungetService(r);
                }
            }
        }).orElse(false));
    }

    @Test
    void shouldWithdrawTheRuleWhileItsConfigurationIsInvalid() throws Exception {
        Framework.await("the eligibility rule is registered", () -> rule().isPresent());
        // when an invalid rate is stored directly in Config Admin (bypassing the conf/ folder check)
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("learningRate", -1.0);
        configurationAdmin().getConfiguration(PID, "?").update(properties);
        // then no half-configured rule is offered: SCR withdraws it or cannot create it
        Framework.await("the invalid rule is not usable", () -> rule().map(r -> {
            Object service = context.getService(r);
            if (service != null) {
                context.ungetService(r);
            }
            return service == null;
        }).orElse(true));
    }

    @Test
    void shouldDescribeItsConfigurationInMetatype() throws Exception {
        // given the metatype service, when the rule's bundle is asked for its PIDs
        Framework.await("the metatype service is up", () -> context.getServiceReference(MetaTypeService.class) != null);
        ServiceReference<MetaTypeService> reference = context.getServiceReference(MetaTypeService.class);
        MetaTypeService metaType = context.getService(reference);
        var bundle = org.osgi.framework.FrameworkUtil.getBundle(
                org.neuromesh.learning.eligibility.EligibilityTraceRule.class);
        // then the PID is described with its attributes
        var definition = metaType.getMetaTypeInformation(bundle).getObjectClassDefinition(PID, null);
        var described = java.util.Arrays.stream(definition.getAttributeDefinitions(
                org.osgi.service.metatype.ObjectClassDefinition.ALL)).map(a -> a.getID()).sorted().toList();
        assertEquals(java.util.List.of("learningRate", "momentum", "optimizer", "rateDecay", "weightDecay"),
                described);
        // and the optimizer is a choice of momentum (the default) or adam
        var optimizer = java.util.Arrays.stream(definition.getAttributeDefinitions(
                org.osgi.service.metatype.ObjectClassDefinition.ALL)).filter(a -> a.getID().equals("optimizer"))
                .findFirst().orElseThrow();
        assertEquals(java.util.List.of("momentum", "adam"), java.util.List.of(optimizer.getOptionValues()));
        assertEquals(java.util.List.of("momentum"), java.util.List.of(optimizer.getDefaultValue()));
        context.ungetService(reference);
    }

    private Optional<ServiceReference<LearningRule>> rule() {
        try {
            return context.getServiceReferences(LearningRule.class, FILTER).stream().findFirst();
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private String rateOfRule() {
        return rule().map(r -> String.valueOf(r.getProperty("learningRate"))).orElse(null);
    }

    private ConfigurationAdmin configurationAdmin() {
        return context.getService(context.getServiceReference(ConfigurationAdmin.class));
    }
}
