package org.neuromesh.learning.dfa.internal;

import java.util.Map;

import org.neuromesh.api.learning.LearningRule;
import org.neuromesh.api.learning.NetworkShape;
import org.neuromesh.api.learning.RuleInfo;
import org.neuromesh.api.learning.RuleState;
import org.neuromesh.learning.dfa.DirectFeedbackAlignmentRule;
import org.neuromesh.learning.support.Optimizer;
import org.neuromesh.learning.support.RuleSettings;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Offers {@link DirectFeedbackAlignmentRule}; ranked below the eligibility rule, so it is chosen by name. A
 * configuration change re-creates the component, so a running training keeps the rule it started with.
 */
@Component(configurationPid = DirectFeedbackRuleConfig.PID, property = {
        LearningRule.NAME_PROPERTY + "=" + DirectFeedbackAlignmentRule.NAME,
        "service.ranking:Integer=60" })
@Designate(ocd = DirectFeedbackRuleConfig.class)
public class DirectFeedbackRuleComponent implements LearningRule {

    private final DirectFeedbackAlignmentRule rule;

    /** The configuration the rule was built from: a run's settings change a copy of it. */
    private final DirectFeedbackRuleConfig config;

    @Activate
    public DirectFeedbackRuleComponent(DirectFeedbackRuleConfig config) {
        this.config = config;
        this.rule = new DirectFeedbackAlignmentRule(config.learningRate(), config.momentum(), config.weightDecay(),
                Optimizer.fromName(config.optimizer()));
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
        return settings.isEmpty() ? this : new DirectFeedbackRuleComponent(
                RuleSettings.override(DirectFeedbackRuleConfig.class, config, settings,
                        DirectFeedbackAlignmentRule.NAME));
    }

    /** The configured rule, for diagnostics and in-framework tests. */
    @Override
    public String toString() {
        return DirectFeedbackAlignmentRule.NAME + "(learningRate=" + rule.learningRate() + ", momentum="
                + rule.momentum() + ", weightDecay=" + rule.weightDecay() + ", optimizer=" + rule.optimizer().id()
                + ")";
    }
}
