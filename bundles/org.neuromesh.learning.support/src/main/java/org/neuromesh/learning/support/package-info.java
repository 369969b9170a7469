/**
 * What the gradient-style learning rules share: the optimisers ({@link org.neuromesh.learning.support.Optimizer}:
 * momentum or Adam, each a {@link org.neuromesh.learning.support.Descent} holding its per-network state), the
 * check that a step fits the shape a rule began with, and parameter validation. Plain Java on the learning API
 * only.
 *
 * <p>Package version 0.2.0: adds {@code Descent}, {@code AdamDescent} and {@code Optimizer}. 0.3.0: adds
 * {@code RuleSettings}, a rule's configuration with a run's settings.
 */
package org.neuromesh.learning.support;
