package org.neuromesh.training.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.neuromesh.api.learning.LearningRule;
import org.neuromesh.api.training.RuleSetting;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.MetaTypeInformation;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;

/**
 * A rule's settings as its bundle's metatype describes them: the object class of the bundle's one configuration
 * PID (or, if it has several, the PID named like the bundle, as every NeuroMesh rule bundle does).
 */
final class MetatypeRuleSettings {

    private final MetaTypeService metaType;

    MetatypeRuleSettings(MetaTypeService metaType) {
        this.metaType = metaType;
    }

    /** The rule's settings in the metatype's order; empty if its bundle describes none. */
    List<RuleSetting> settings(LearningRule rule) {
        List<RuleSetting> settings = new ArrayList<>();
        for (AttributeDefinition attribute : attributes(rule)) {
            String[] options = attribute.getOptionValues();
            boolean hasOptions = options != null && options.length > 0;
            String[] defaults = attribute.getDefaultValue();
            settings.add(new RuleSetting(attribute.getID(), attribute.getName(), attribute.getDescription(),
                    hasOptions ? RuleSetting.Type.OPTION : type(attribute.getType()),
                    defaults == null || defaults.length == 0 ? "" : defaults[0],
                    hasOptions ? Arrays.asList(options) : List.of(),
                    hasOptions && attribute.getOptionLabels() != null ? Arrays.asList(attribute.getOptionLabels())
                            : null));
        }
        return settings;
    }

    /** What is wrong with {@code value} for the setting {@code id}, as the metatype checks it, or null. */
    String check(LearningRule rule, String id, String value) {
        for (AttributeDefinition attribute : attributes(rule)) {
            if (attribute.getID().equals(id)) {
                String problem = attribute.validate(value);
                // the metatype says "" for a fitting value, null when it cannot check, else a message
                return problem == null || problem.isEmpty() ? null : "'" + value + "' " + readable(problem);
            }
        }
        return "is not a setting of the rule " + rule.info().name();
    }

    private AttributeDefinition[] attributes(LearningRule rule) {
        Bundle bundle = FrameworkUtil.getBundle(rule.getClass());
        MetaTypeInformation information = bundle == null ? null : metaType.getMetaTypeInformation(bundle);
        if (information == null || information.getPids().length == 0) {
            return new AttributeDefinition[0];
        }
        List<String> pids = Arrays.asList(information.getPids());
        String pid = pids.size() == 1 ? pids.get(0) : pids.contains(bundle.getSymbolicName())
                ? bundle.getSymbolicName() : null;
        if (pid == null) {
            return new AttributeDefinition[0];
        }
        ObjectClassDefinition definition = information.getObjectClassDefinition(pid, null);
        AttributeDefinition[] attributes = definition == null ? null
                : definition.getAttributeDefinitions(ObjectClassDefinition.ALL);
        return attributes == null ? new AttributeDefinition[0] : attributes;
    }

    private static RuleSetting.Type type(int metatypeType) {
        return switch (metatypeType) {
            case AttributeDefinition.INTEGER, AttributeDefinition.LONG, AttributeDefinition.SHORT,
                    AttributeDefinition.BYTE -> RuleSetting.Type.INTEGER;
            case AttributeDefinition.DOUBLE, AttributeDefinition.FLOAT -> RuleSetting.Type.DOUBLE;
            case AttributeDefinition.BOOLEAN -> RuleSetting.Type.BOOLEAN;
            default -> RuleSetting.Type.STRING;
        };
    }

    /** Felix's messages are localisation keys such as {@code %greater than maximum}: made into a phrase. */
    static String readable(String problem) {
        String text = problem.startsWith("%") ? problem.substring(1) : problem;
        return switch (text) {
            case "greater than maximum" -> "is greater than the maximum";
            case "less than minimum" -> "is less than the minimum";
            case "not a valid option" -> "is not one of the options";
            case "invalid value" -> "is not a valid value";
            case "missing required value" -> "is missing: a value is required";
            default -> "does not fit: " + text;
        };
    }
}
