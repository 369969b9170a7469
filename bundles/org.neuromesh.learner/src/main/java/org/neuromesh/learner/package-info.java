/**
 * The engine behind collaborative learning on one peer: local data (a whole data set, some of its classes, or a
 * non-IID shard), federated rounds with drift correction, and node lending. Plain Java; the DS component in
 * {@code internal} offers it as {@link org.neuromesh.api.federation.FederatedModel} and
 * {@link org.neuromesh.api.federation.NodeLending}.
 */
package org.neuromesh.learner;
