/**
 * Networks of threshold-gating layers and their training: {@link org.neuromesh.engine.network.GatingNetwork}
 * (the cluster), {@link org.neuromesh.engine.network.Propagation} (batched forward passes and the error delivered
 * forward), {@link org.neuromesh.engine.network.Trainer} (epochs with a pluggable learning rule), topology
 * dynamics and checkpoint files. Plain Java: no OSGi types.
 */
package org.neuromesh.engine.network;
