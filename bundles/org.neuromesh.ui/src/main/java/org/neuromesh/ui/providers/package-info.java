/** The Providers view: which NeuroMesh providers are installed, updated live. */
package org.neuromesh.ui.providers;
