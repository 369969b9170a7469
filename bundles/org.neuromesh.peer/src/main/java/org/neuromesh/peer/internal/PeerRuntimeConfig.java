package org.neuromesh.peer.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = PeerRuntimeConfig.PID, name = "NeuroMesh peer runtime",
        description = "How this peer takes part in collaborative sessions.")
public @interface PeerRuntimeConfig {

    String PID = "org.neuromesh.peer";

    @AttributeDefinition(name = "Join sessions",
            description = "Join every proposed session on a data set this peer holds.")
    boolean autoJoin() default true;

    @AttributeDefinition(name = "Messaging target",
            description = "Filter choosing the transport, e.g. (neuromesh.messaging=mqtt).")
    String messaging_target() default "(neuromesh.messaging=*)";
}
