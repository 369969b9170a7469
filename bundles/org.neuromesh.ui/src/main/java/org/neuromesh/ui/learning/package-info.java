/**
 * Learning in the workbench: the Run command trains as an Eclipse Job through the API's {@code TrainingService}
 * (progress and cancel in the Job), and the Learning view follows the run from the events the Job posts on the
 * event broker ({@link org.neuromesh.ui.learning.LearningEvents}).
 */
package org.neuromesh.ui.learning;
