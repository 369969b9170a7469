package org.neuromesh.server.internal;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.nio.file.Path;

import org.neuromesh.server.FolderReport;
import org.osgi.framework.BundleContext;

/** Where the watched folders are, and how their reports reach the log. */
final class Folders {

    private Folders() {
    }

    /**
     * The configured folder, else the framework property, else {@code defaultName} in the installation folder
     * (the product's root), else in the working directory. Relative paths resolve against the installation folder.
     */
    static Path resolve(BundleContext context, String configured, String property, String defaultName) {
        Path base = installFolder(context);
        String chosen = configured != null && !configured.isBlank() ? configured : context.getProperty(property);
        Path folder = chosen == null || chosen.isBlank() ? base.resolve(defaultName) : base.resolve(chosen);
        return folder.toAbsolutePath().normalize();
    }

    private static Path installFolder(BundleContext context) {
        String area = context.getProperty("osgi.install.area");
        try {
            if (area != null) {
                return Path.of(URI.create(area.replace(" ", "%20")));
            }
        } catch (IllegalArgumentException e) {
            // not a file: URL; fall through to the working directory
        }
        return Path.of("").toAbsolutePath();
    }

    static FolderReport report(Logger log) {
        return new FolderReport() {
            @Override
            public void info(String message) {
                log.log(Level.INFO, message);
            }

            @Override
            public void problem(String message) {
                log.log(Level.WARNING, message);
            }
        };
    }
}
