/**
 * The Forward-Forward algorithm as a forward-only {@link org.neuromesh.api.learning.LearningRule}
 * ({@code neuromesh.learning.rule=forward-forward}): each hidden layer learns on its own to tell labelled images
 * from wrongly labelled ones.
 */
package org.neuromesh.learning.forwardforward;
