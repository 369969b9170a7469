package org.neuromesh.crypto.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = PeerSecurityConfig.PID, name = "NeuroMesh peer security",
        description = "This peer's identity (Ed25519 + X25519 keys), sealing limits and the time windows of inbound"
                + " messages.")
public @interface PeerSecurityConfig {

    String PID = "org.neuromesh.crypto";

    @AttributeDefinition(name = "Identity directory", required = false,
            description = "Folder holding this peer's key files; empty means ${neuromesh.home}/identity, where"
                    + " neuromesh.home defaults to ${user.home}/.neuromesh.")
    String identityDirectory() default "";

    @AttributeDefinition(name = "Control message window (s)", min = "1",
            description = "Control messages are accepted when sent at most this many seconds ago.")
    long controlWindowSeconds() default 120;

    @AttributeDefinition(name = "Clock skew (s)", min = "1",
            description = "Any message is accepted when dated at most this many seconds after this peer's clock"
                    + " (a message dated later is remembered longer against replays, so keep it short).")
    long futureWindowSeconds() default 30;

    @AttributeDefinition(name = "Capsule window (s)", min = "1",
            description = "Capsules and audit records are accepted when sealed or recorded at most this many"
                    + " seconds ago (they may wait in an outbox across a restart).")
    long capsuleWindowSeconds() default 86400;

    @AttributeDefinition(name = "Largest capsule (bytes)", min = "1024",
            description = "Largest capsule sealed or opened, once inflated; opening stops inflating beyond it.")
    int maxCapsuleBytes() default 67108864;
}
