/**
 * The Cluster inspector: the nodes of one hidden layer as a heat map, of the run under way (snapshots its training
 * thread takes between batches, through the API's {@code TrainingHandle}) or of a saved checkpoint (read through the
 * {@code TrainingService}); what it draws comes from {@link org.neuromesh.ui.model.ClusterInspectorModel}.
 */
package org.neuromesh.ui.inspector;
