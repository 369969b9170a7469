/**
 * View models: what the workbench's views show, computed from API records without any SWT, so that plain JUnit
 * tests cover it. A view asks its model for rows and texts and only draws them.
 */
package org.neuromesh.ui.model;
