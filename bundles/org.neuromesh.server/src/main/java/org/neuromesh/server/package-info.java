/**
 * The server's watched folders: plug-in bundles dropped into a folder are installed and started, removed ones
 * uninstalled; configuration files are checked against their metatype and handed to Config Admin.
 */
package org.neuromesh.server;
