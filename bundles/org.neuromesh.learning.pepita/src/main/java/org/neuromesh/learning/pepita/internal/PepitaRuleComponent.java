package org.neuromesh.learning.pepita.internal;

import java.util.Map;

import org.neuromesh.api.learning.LearningRule;
import org.neuromesh.api.learning.NetworkShape;
import org.neuromesh.api.learning.RuleInfo;
import org.neuromesh.api.learning.RuleState;
import org.neuromesh.learning.pepita.PepitaRule;
import org.neuromesh.learning.support.RuleSettings;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Offers {@link PepitaRule}; ranked below the eligibility rule, so it is chosen by name. A configuration change
 * re-creates the component, so a running training keeps the rule it started with.
 */
@Component(configurationPid = PepitaRuleConfig.PID, property = {
        LearningRule.NAME_PROPERTY + "=" + PepitaRule.NAME,
        "service.ranking:Integer=30" })
@Designate(ocd = PepitaRuleConfig.class)
public class PepitaRuleComponent implements LearningRule {

    private final PepitaRule rule;

    /** The configuration the rule was built from: a run's settings change a copy of it. */
    private final PepitaRuleConfig config;

    @Activate
    public PepitaRuleComponent(PepitaRuleConfig config) {
        this.config = config;
        this.rule = new PepitaRule(config.learningRate(), config.momentum(), config.feedbackScale());
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
        return settings.isEmpty() ? this : new PepitaRuleComponent(
                RuleSettings.override(PepitaRuleConfig.class, config, settings, PepitaRule.NAME));
    }

    /** The configured rule, for diagnostics and in-framework tests. */
    @Override
    public String toString() {
        return PepitaRule.NAME + "(learningRate=" + rule.learningRate() + ", momentum=" + rule.momentum()
                + ", feedbackScale=" + rule.feedbackScale() + ")";
    }
}
