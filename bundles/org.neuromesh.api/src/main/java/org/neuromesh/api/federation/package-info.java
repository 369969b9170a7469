/**
 * Learning together without sharing data: the local side of collaborative sessions and node borrowing.
 *
 * <p>A {@link org.neuromesh.api.federation.FederatedModel} trains on the peer's own data and turns what it learnt
 * into opaque bytes (model and modulation) that the peer runtime seals into capsules; the aggregator's
 * FederatedModel merges them. {@link org.neuromesh.api.federation.NodeLending} lends trained nodes and grafts
 * borrowed ones. Neither ever hands out samples: the types carry model state and counts only.
 *
 * <p>Package version 1.0.0.
 */
package org.neuromesh.api.federation;
