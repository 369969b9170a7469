/**
 * PEPITA, a forward-only {@link org.neuromesh.api.learning.LearningRule} ({@code neuromesh.learning.rule=pepita})
 * that replaces the backward pass by a second forward pass on error-modulated input.
 */
package org.neuromesh.learning.pepita;
