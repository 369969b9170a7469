/** Text renderings behind the {@code neuromesh:*} Gogo shell commands. */
package org.neuromesh.cli;
