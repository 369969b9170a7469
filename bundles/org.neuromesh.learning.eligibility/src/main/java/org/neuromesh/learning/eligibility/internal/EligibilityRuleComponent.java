package org.neuromesh.learning.eligibility.internal;

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
 * component (no modified method), so a running training keeps the rule it started with.
 */
@Component(configurationPid = EligibilityRuleConfig.PID, property = {
        LearningRule.NAME_PROPERTY + "=" + EligibilityTraceRule.NAME,
        "service.ranking:Integer=100" })
@Designate(ocd = EligibilityRuleConfig.class)
public class EligibilityRuleComponent implements LearningRule {

    private final EligibilityTraceRule rule;

    @Activate
    public EligibilityRuleComponent(EligibilityRuleConfig config) {
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

    /** The configured rule, for diagnostics and in-framework tests. */
    @Override
    public String toString() {
        return "eligibility(learningRate=" + rule.learningRate() + ", weightDecay=" + rule.weightDecay()
                + ", momentum=" + rule.momentum() + ", rateDecay=" + rule.rateDecay() + ", optimizer="
                + rule.optimizer().id() + ")";
    }
}
