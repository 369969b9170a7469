package org.neuromesh.learning.forwardforward.internal;

import java.util.Map;

import org.neuromesh.api.learning.LearningRule;
import org.neuromesh.api.learning.NetworkShape;
import org.neuromesh.api.learning.RuleInfo;
import org.neuromesh.api.learning.RuleState;
import org.neuromesh.learning.forwardforward.ForwardForwardRule;
import org.neuromesh.learning.support.RuleSettings;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Offers {@link ForwardForwardRule}; ranked below the eligibility rule, so it is chosen by name. A configuration
 * change re-creates the component, so a running training keeps the rule it started with.
 */
@Component(configurationPid = ForwardForwardRuleConfig.PID, property = {
        LearningRule.NAME_PROPERTY + "=" + ForwardForwardRule.NAME,
        "service.ranking:Integer=40" })
@Designate(ocd = ForwardForwardRuleConfig.class)
public class ForwardForwardRuleComponent implements LearningRule {

    private final ForwardForwardRule rule;

    /** The configuration the rule was built from: a run's settings change a copy of it. */
    private final ForwardForwardRuleConfig config;

    @Activate
    public ForwardForwardRuleComponent(ForwardForwardRuleConfig config) {
        this.config = config;
        this.rule = new ForwardForwardRule(config.learningRate(), config.readoutRate(), config.threshold(),
                config.momentum());
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
        return settings.isEmpty() ? this : new ForwardForwardRuleComponent(
                RuleSettings.override(ForwardForwardRuleConfig.class, config, settings, ForwardForwardRule.NAME));
    }

    /** The configured rule, for diagnostics and in-framework tests. */
    @Override
    public String toString() {
        return ForwardForwardRule.NAME + "(learningRate=" + rule.learningRate() + ", readoutRate="
                + rule.readoutRate() + ", threshold=" + rule.threshold() + ", momentum=" + rule.momentum() + ")";
    }
}
