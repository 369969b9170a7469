/**
 * What the gradient-style learning rules share: the momentum step with its per-network velocities, the check that
 * a step fits the shape a rule began with, and parameter validation. Plain Java on the learning API only.
 */
package org.neuromesh.learning.support;
