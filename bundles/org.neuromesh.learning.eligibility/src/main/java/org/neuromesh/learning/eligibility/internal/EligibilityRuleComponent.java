package org.neuromesh.learning.eligibility.internal;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.neuromesh.api.learning.LearningRule;
import org.neuromesh.api.learning.NetworkShape;
import org.neuromesh.api.learning.RuleInfo;
import org.neuromesh.api.learning.RuleState;
import org.neuromesh.learning.eligibility.EligibilityTraceRule;
import org.neuromesh.learning.support.Optimizer;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Offers {@link EligibilityTraceRule} as the default learning rule. A configuration change re-creates the
 * component (no modified method), so a running training keeps the rule it started with; a run's own settings
 * ({@link #withSettings}) make a rule for that run only.
 */
@Component(configurationPid = EligibilityRuleConfig.PID, property = {
        LearningRule.NAME_PROPERTY + "=" + EligibilityTraceRule.NAME,
        "service.ranking:Integer=100" })
@Designate(ocd = EligibilityRuleConfig.class)
public class EligibilityRuleComponent implements LearningRule {

    /** The ids of {@link EligibilityRuleConfig}'s attributes, the settings a run may change. */
    static final Set<String> SETTINGS = Set.of("learningRate", "weightDecay", "momentum", "rateDecay", "optimizer");

    /** The settings as configured (doubles, not the rule's floats, so a run's copy starts from the same values). */
    private record Values(double learningRate, double weightDecay, double momentum, double rateDecay,
            String optimizer) {
        EligibilityTraceRule rule() {
            return new EligibilityTraceRule(learningRate, weightDecay, momentum, rateDecay,
                    Optimizer.fromName(optimizer));
        }
    }

    private final Values values;
    private final EligibilityTraceRule rule;

    @Activate
    public EligibilityRuleComponent(EligibilityRuleConfig config) {
        this(new Values(config.learningRate(), config.weightDecay(), config.momentum(), config.rateDecay(),
                config.optimizer()));
    }

    private EligibilityRuleComponent(Values values) {
        this.values = values;
        this.rule = values.rule();
    }

    @Override
    public RuleInfo info() {
        return rule.info();
    }

    @Override
    public RuleState begin(NetworkShape shape, long seed) {
        return rule.begin(shape, seed);
    }

    /** The configured rule with some settings changed, for one run; the same checks as a configuration. */
    @Override
    public LearningRule withSettings(Map<String, Object> settings) {
        if (settings.isEmpty()) {
            return this;
        }
        Set<String> unknown = new TreeSet<>(settings.keySet());
        unknown.removeAll(SETTINGS);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("the eligibility rule has no setting " + unknown + "; its settings are "
                    + new TreeSet<>(SETTINGS));
        }
        Values changed = new Values(number(settings, "learningRate", values.learningRate()),
                number(settings, "weightDecay", values.weightDecay()), number(settings, "momentum",
                        values.momentum()), number(settings, "rateDecay", values.rateDecay()),
                String.valueOf(settings.getOrDefault("optimizer", values.optimizer())).strip());
        try {
            return new EligibilityRuleComponent(changed);
        } catch (IllegalArgumentException e) {
            // the rule's own check names the parameter; say that it is a setting of this run
            throw new IllegalArgumentException("setting " + e.getMessage(), e);
        }
    }

    private static double number(Map<String, Object> settings, String id, double configured) {
        Object value = settings.get(id);
        if (value == null) {
            return configured;
        }
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        try {
            return Double.parseDouble(value.toString().strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "setting %s: '%s' is not a number", id,
                    value));
        }
    }

    /** The configured rule, for diagnostics and in-framework tests. */
    @Override
    public String toString() {
        return "eligibility(learningRate=" + rule.learningRate() + ", weightDecay=" + rule.weightDecay()
                + ", momentum=" + rule.momentum() + ", rateDecay=" + rule.rateDecay() + ", optimizer="
                + rule.optimizer().id() + ")";
    }
}
