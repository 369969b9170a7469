/**
 * What a user does with other peers from the workbench: the Peers view's actions (start a session, borrow nodes,
 * share a capsule, send an error signal) as e4 handlers over the API's {@code PeerActions}, and the Session view.
 */
package org.neuromesh.ui.peers;
