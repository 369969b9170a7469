package org.neuromesh.localpeers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * An installed product's layout for tests: config.ini, the bundle list (Gogo installed, not started) and a
 * launcher jar; its "java" is a shell script given by the test, standing in for a peer's process.
 */
final class FakeInstallation {

    private FakeInstallation() {
    }

    static Installation create(Path root, String javaScript) throws IOException {
        Path configuration = Files.createDirectories(root.resolve("configuration"));
        Files.writeString(configuration.resolve("config.ini"), """
                eclipse.application=org.eclipse.e4.ui.workbench.swt.E4Application
                osgi.instance.area.default=@user.home/.neuromesh/workbench
                osgi.bundles=reference\\:file\\:org.eclipse.equinox.simpleconfigurator_1.5.700.jar@1\\:start
                """);
        Path bundles = Files.createDirectories(configuration.resolve("org.eclipse.equinox.simpleconfigurator"));
        Files.writeString(bundles.resolve("bundles.info"), """
                #version=1
                org.apache.felix.gogo.shell,1.1.4,plugins/org.apache.felix.gogo.shell_1.1.4.jar,4,false
                org.apache.felix.scr,2.2.14,plugins/org.apache.felix.scr_2.2.14.jar,2,true
                org.neuromesh.ui,0.1.0,plugins/org.neuromesh.ui_0.1.0.jar,4,false
                """);
        Path plugins = Files.createDirectories(root.resolve("plugins"));
        Files.writeString(plugins.resolve("org.eclipse.equinox.launcher_1.7.0.jar"), "not a real jar");
        Path java = root.resolve("java");
        Files.writeString(java, "#!/bin/bash\n" + javaScript);
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwx------"));
        return Installation.find(root, configuration, java);
    }
}
