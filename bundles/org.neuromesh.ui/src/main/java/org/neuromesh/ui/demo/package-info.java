/**
 * Help > Guided Demo: a side panel in the Network perspective that walks a newcomer through discovery, borrowing,
 * a collaborative session, a signal and the dashboard with two local peers; the walk itself is the view model
 * {@link org.neuromesh.ui.model.GuidedDemo} and {@link org.neuromesh.ui.model.GuidedDemoSteps}.
 */
package org.neuromesh.ui.demo;
