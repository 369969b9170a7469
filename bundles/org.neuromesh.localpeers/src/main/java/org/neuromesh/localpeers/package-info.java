/**
 * Headless peers started on this machine from the running installation: where their folders go and what they hold
 * ({@link org.neuromesh.localpeers.LocalPeerFolder}), how their processes are started, read and stopped
 * ({@link org.neuromesh.localpeers.LocalPeerProcess}), and the set of them
 * ({@link org.neuromesh.localpeers.LocalPeerLauncher}).
 * Plain Java; the service is wired in the internal package.
 */
package org.neuromesh.localpeers;
