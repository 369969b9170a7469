package org.neuromesh.learning.backprop.internal;

import java.util.Map;

import org.neuromesh.api.learning.LearningRule;
import org.neuromesh.api.learning.NetworkShape;
import org.neuromesh.api.learning.RuleInfo;
import org.neuromesh.api.learning.RuleState;
import org.neuromesh.learning.backprop.BackpropagationRule;
import org.neuromesh.learning.support.RuleSettings;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Offers {@link BackpropagationRule} for comparison; ranking 0 keeps it from ever being the default, so it is
 * used only when asked for by name. A configuration change re-creates the component.
 */
@Component(configurationPid = BackpropRuleConfig.PID, property = {
        LearningRule.NAME_PROPERTY + "=" + BackpropagationRule.NAME,
        "service.ranking:Integer=0" })
@Designate(ocd = BackpropRuleConfig.class)
public class BackpropRuleComponent implements LearningRule {

    private final BackpropagationRule rule;

    /** The configuration the rule was built from: a run's settings change a copy of it. */
    private final BackpropRuleConfig config;

    @Activate
    public BackpropRuleComponent(BackpropRuleConfig config) {
        this.config = config;
        this.rule = new BackpropagationRule(config.learningRate(), config.momentum(), config.weightDecay());
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
        return settings.isEmpty() ? this : new BackpropRuleComponent(
                RuleSettings.override(BackpropRuleConfig.class, config, settings, BackpropagationRule.NAME));
    }

    /** The configured rule, for diagnostics and in-framework tests. */
    @Override
    public String toString() {
        return BackpropagationRule.NAME + "(learningRate=" + rule.learningRate() + ", momentum=" + rule.momentum()
                + ", weightDecay=" + rule.weightDecay() + ")";
    }
}
