/**
 * Line charts of the views: a {@link org.neuromesh.ui.model.Chart} says what to show, a
 * {@link org.neuromesh.ui.charts.ChartCanvas} shows it, drawn by JFreeChart on the view's
 * {@link org.neuromesh.ui.charts.ChartRenderer} thread. The one place that knows the chart library: moving to Eclipse
 * SWTChart once the platform is on Java 21 changes this package only.
 */
package org.neuromesh.ui.charts;
