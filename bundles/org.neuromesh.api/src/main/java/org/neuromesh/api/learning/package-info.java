/**
 * Learning rules: how a network of threshold-gating layers changes its weights, forward-only.
 *
 * <p>A rule is a plug-in: a bundle registers a {@link org.neuromesh.api.learning.LearningRule} service with the
 * property {@code neuromesh.learning.rule=<name>}. The engine calls it after each forward pass with the
 * signals of every layer; the rule must change weights from those local signals only (pre- and post-synaptic
 * activity, eligibility traces, and the modulatory signal the engine delivers forward). A rule that needs
 * backpropagated gradients must say so in {@link org.neuromesh.api.learning.RuleInfo#forwardOnly()}.
 *
 * <p>Package version 1.1.0: adds the labels, output error, extra forward passes and time steps and the engine's matrix routines to {@link
 * org.neuromesh.api.learning.LearningStep}, and {@link org.neuromesh.api.learning.RuleInfo#learnsSequences()}.
 * Package version 1.2.0: adds {@link org.neuromesh.api.learning.LearningStep#rateFactor()}, the learning-rate
 * schedule's factor for the current batch.
 * Package version 1.3.0: adds {@link org.neuromesh.api.learning.LearningRule#withSettings}, a rule configured for
 * one run.
 */
package org.neuromesh.api.learning;
