/**
 * The peer runtime: what one peer does with the others. Every inbound message is verified (signature, addressee,
 * time window, replay) before anything acts on it ({@link org.neuromesh.peer.Inbox}); collaborative sessions
 * ({@link org.neuromesh.peer.Sessions}); node borrowing, error signals and memory sharing. Plain Java; the DS
 * component in {@code internal} wires it to the transport, the keys and the local learner.
 */
package org.neuromesh.peer;
