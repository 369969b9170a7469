/**
 * Direct feedback alignment, a forward-only {@link org.neuromesh.api.learning.LearningRule}
 * ({@code neuromesh.learning.rule=direct-feedback}): the output error reaches each hidden layer through a fixed
 * random matrix.
 */
package org.neuromesh.learning.dfa;
