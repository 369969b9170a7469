/**
 * Memory stores: where capsules and node memories are kept and found again by vector similarity and tags.
 *
 * <p>Package version 1.0.0.
 */
package org.neuromesh.api.memory;
