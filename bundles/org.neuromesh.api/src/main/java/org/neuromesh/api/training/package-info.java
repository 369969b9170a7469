/**
 * Training one network on this peer's data, for everyone who starts runs: the workbench's experiments, the shell.
 * A {@link org.neuromesh.api.training.TrainingPlan} says what to train; the
 * {@link org.neuromesh.api.training.TrainingService} runs it off the caller's thread and tells a
 * {@link org.neuromesh.api.training.TrainingListener} how it goes, per batch window
 * ({@link org.neuromesh.api.training.BatchWindow}) and per epoch ({@link org.neuromesh.api.training.EpochResult});
 * {@link org.neuromesh.api.training.TrainingHandle#cancel()} stops a run after its current batch, keeping its last
 * checkpoint. {@link org.neuromesh.api.training.ClusterSnapshot}s show a network's nodes, of a run under way
 * ({@code TrainingHandle.snapshot()}) or of a checkpoint ({@code TrainingService.readCheckpoint}).
 *
 * <p>Package version 1.3.0 (1.1 added batch windows, snapshots and reading checkpoints; 1.2 the rule's settings:
 * {@link org.neuromesh.api.training.RuleSetting}s described by the rule's metatype, checked, and given per run in
 * {@link org.neuromesh.api.training.TrainingPlan#ruleSettings()}; 1.3 what the shell's {@code neuromesh:train}
 * needs: {@link org.neuromesh.api.training.RunOptions} in the plan (task, delay, trace decay, threads, gating
 * parameters, topology, a checkpoint to continue from, timing inference), the run's
 * {@link org.neuromesh.api.training.TrainingSetup} and final {@link org.neuromesh.api.training.RunEvaluation}, per
 * sample progress, and {@link org.neuromesh.api.training.DatasetFacts}). Minor versions add methods
 * to {@code @ProviderType} interfaces and default methods to {@code TrainingListener} only.
 */
package org.neuromesh.api.training;
