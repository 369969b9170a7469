/**
 * Backpropagation as a reference {@link org.neuromesh.api.learning.LearningRule}
 * ({@code neuromesh.learning.rule=backprop-reference}), for comparing the forward-only rules with; it is not
 * forward-only and never the default.
 */
package org.neuromesh.learning.backprop;
