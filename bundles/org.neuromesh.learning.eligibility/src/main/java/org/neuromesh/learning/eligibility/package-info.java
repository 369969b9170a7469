/**
 * The eligibility-trace three-factor learning rule, offered as the default
 * {@link org.neuromesh.api.learning.LearningRule} ({@code neuromesh.learning.rule=eligibility}).
 */
package org.neuromesh.learning.eligibility;
