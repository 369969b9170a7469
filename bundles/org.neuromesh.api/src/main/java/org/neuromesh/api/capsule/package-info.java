/**
 * Memory capsules: what a peer learned, packaged for storage and, once sealed, for sharing.
 *
 * <p>A {@link org.neuromesh.api.capsule.Capsule} is plain content and never leaves the device as is; only its
 * sealed form ({@link org.neuromesh.api.peer.SealedCapsule}: masked, compressed, encrypted, signed) may.
 *
 * <p>Package version 1.0.0.
 */
package org.neuromesh.api.capsule;
