package org.neuromesh.learning.eligibility.internal;

import java.util.Map;

import org.neuromesh.api.learning.LearningRule;
import org.neuromesh.api.learning.NetworkShape;
import org.neuromesh.api.learning.RuleInfo;
import org.neuromesh.api.learning.RuleState;
import org.neuromesh.learning.eligibility.EligibilityTraceRule;
import org.neuromesh.learning.support.Optimizer;
import org.neuromesh.learning.support.RuleSettings;
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

    /** The configuration the rule was built from: a run's settings change a copy of it. */
    private final EligibilityRuleConfig config;
    private final EligibilityTraceRule rule;

    @Activate
    public EligibilityRuleComponent(EligibilityRuleConfig config) {
        this.config = config;
        this.rule = new EligibilityTraceRule(config.learningRate(), config.weightDecay(), config.momentum(),
                config.rateDecay(), Optimizer.fromName(config.optimizer()));
    }

    @Override
    public RuleInfo info() {
        return rule.info();
    }

    @Override
    public RuleState begin(NetworkShape shape, long seed) {
        return rule.begin(shape, seed);
    }

    /** The same rule built from the configuration with a run's settings, for that run only. */
    @Override
    public LearningRule withSettings(Map<String, Object> settings) {
        return settings.isEmpty() ? this : new EligibilityRuleComponent(RuleSettings.override(
                EligibilityRuleConfig.class, config, settings, EligibilityTraceRule.NAME));
    }

    /** The configured rule, for diagnostics and in-framework tests. */
    @Override
    public String toString() {
        return "eligibility(learningRate=" + rule.learningRate() + ", weightDecay=" + rule.weightDecay()
                + ", momentum=" + rule.momentum() + ", rateDecay=" + rule.rateDecay() + ", optimizer="
                + rule.optimizer().id() + ")";
    }
}
