package org.neuromesh.server.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = PluginFolderConfig.PID, name = "NeuroMesh plug-in folder",
        description = "A folder whose bundles are installed, updated and removed while the system runs.")
public @interface PluginFolderConfig {

    String PID = "org.neuromesh.server.plugins";

    @AttributeDefinition(name = "Folder", description = "Folder to watch; empty means the framework property "
            + "neuromesh.plugins.dir, else plugins/ in the installation folder.")
    String folder() default "";

    @AttributeDefinition(name = "Poll interval (ms)", description = "How often the folder is checked.", min = "100")
    int pollMillis() default 1000;
}
