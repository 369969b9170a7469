/**
 * The training service's engine side, plain Java: {@link org.neuromesh.training.TrainingJob} runs one
 * {@code TrainingPlan} on the engine; the DS component in {@code internal} offers it as the API's
 * {@code TrainingService} with the learning rules installed now.
 */
package org.neuromesh.training;
