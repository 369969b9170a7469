/** Handlers of the workbench's own commands: quit, switch perspective, about. */
package org.neuromesh.ui.handlers;
