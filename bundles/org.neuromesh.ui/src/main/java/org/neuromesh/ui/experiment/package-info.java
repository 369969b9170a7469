/**
 * The Experiment editor: an experiment file ({@code *.nmx}) as a form, with dirty state, save, validation shown on
 * each field, and Run; the rules offered are those installed now. The file's reading and checking is the view model
 * {@code org.neuromesh.ui.model.ExperimentFile}.
 */
package org.neuromesh.ui.experiment;
