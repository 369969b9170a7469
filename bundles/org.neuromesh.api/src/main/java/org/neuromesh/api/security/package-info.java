/**
 * Peer security: this peer's identity, sealing and opening capsules, signing and verifying everything that
 * crosses a transport, and rejecting forged, replayed, stale or misaddressed messages.
 *
 * <p>A peer's id is the SHA-256 fingerprint of its signing key ({@link org.neuromesh.api.security.PublicKeys}), so a
 * peer's announcement carries its own proof: whoever presents keys whose fingerprint is the sender id, and a
 * signature made with them, is that peer.
 *
 * <p>Package version 1.2.0 (1.1: {@link org.neuromesh.api.security.RejectionCounts}, and the transport's reasons
 * {@code UNEXPECTED_TOPIC}, {@code SENDER_MISMATCH}, {@code WRONG_KIND} and the peer's {@code BEYOND_PLAN}
 * in the one vocabulary of refusals; 1.2: {@code UNSOLICITED}).
 */
package org.neuromesh.api.security;
