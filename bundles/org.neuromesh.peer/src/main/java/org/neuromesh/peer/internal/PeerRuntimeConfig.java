package org.neuromesh.peer.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = PeerRuntimeConfig.PID, name = "NeuroMesh peer runtime",
        description = "How this peer takes part in collaborative sessions, lends and borrows nodes, and shares memory.")
public @interface PeerRuntimeConfig {

    String PID = "org.neuromesh.peer";

    @AttributeDefinition(name = "Join sessions",
            description = "Join every proposed session on a data set this peer holds.")
    boolean autoJoin() default true;

    @AttributeDefinition(name = "Grace for members that left",
            description = "Seconds a round of a session this peer aggregates still waits for a member that discovery"
                    + " reports gone, so that a broker restart or a short outage does not drop it; 0: not at all.",
            min = "0")
    int leaveGraceSeconds() default 20;

    @AttributeDefinition(name = "Messaging target",
            description = "Filter choosing the transport, e.g. (neuromesh.messaging=mqtt).")
    String messaging_target() default "(neuromesh.messaging=*)";

    @AttributeDefinition(name = "Offer timeout",
            description = "Seconds a node request waits for an acceptable offer, and then for the nodes.", min = "1")
    int offerTimeoutSeconds() default 10;

    @AttributeDefinition(name = "Credits per node", description = "This peer's price for each node it lends.",
            min = "0")
    long creditsPerNode() default 1;

    @AttributeDefinition(name = "Lend nodes", description = "Answer other peers' node requests.")
    boolean lendToOthers() default true;

    @AttributeDefinition(name = "Credit book",
            description = "File of the credits this peer earned and paid; blank: ${neuromesh.home}/peer/credits.txt.")
    String creditsFile() default "";

    @AttributeDefinition(name = "Shared inbox",
            description = "Most capsules shared by other peers held until a memory store takes them.", min = "1")
    int sharedInboxCapacity() default 256;

    @AttributeDefinition(name = "Held messages per sender",
            description = "Most messages held for one sender whose keys are not known yet (anyone can claim any"
                    + " sender id: this bounds what a broker client can make this peer keep).", min = "1")
    int heldMessagesPerSender() default 64;

    @AttributeDefinition(name = "Held megabytes per sender",
            description = "Most MiB held for one sender whose keys are not known yet.", min = "1")
    int heldMegabytesPerSender() default 16;

    @AttributeDefinition(name = "Held messages",
            description = "Most messages held in all for senders whose keys are not known yet.", min = "1")
    int heldMessages() default 1000;

    @AttributeDefinition(name = "Held megabytes",
            description = "Most MiB held in all for senders whose keys are not known yet, on disk in"
                    + " ${neuromesh.home}/peer/held.", min = "1")
    int heldMegabytes() default 64;
}
