/**
 * Dense float matrix kernels for the engine's training loops: the three matrix products of a dense layer's forward
 * pass, backward pass and weight update, and a scaled vector add. Plain Java, no OSGi types.
 *
 * <p>{@link org.neuromesh.engine.math.Kernels#create(int)} picks the Java Vector API implementation when the JVM
 * offers {@code jdk.incubator.vector} ({@code --add-modules=jdk.incubator.vector}) and falls back to scalar loops
 * otherwise.
 *
 * <p>Package version 0.1.0.
 */
package org.neuromesh.engine.math;
