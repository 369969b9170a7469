package org.neuromesh.learner.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = LearnerConfig.PID, name = "NeuroMesh federated learner",
        description = "The local data this peer learns from and shares nothing of, and where its own model lives.")
public @interface LearnerConfig {

    String PID = "org.neuromesh.learner";

    @AttributeDefinition(name = "Data set", description = "mnist or fashion-mnist.")
    String dataset() default "mnist";

    @AttributeDefinition(name = "Data directory",
            description = "Folder with the data set's four IDX files; blank: the default (see ./neuromesh fetch-data).")
    String dataDirectory() default "";

    @AttributeDefinition(name = "Classes", description = "Comma-separated classes kept for training; blank: all.")
    String classes() default "";

    @AttributeDefinition(name = "Shard peers",
            description = "Deal the data set to this many peers, some classes each (non-IID); 0: no sharding.",
            min = "0")
    int shardPeers() default 0;

    @AttributeDefinition(name = "Classes per peer", description = "Classes each peer gets when sharding.", min = "1",
            max = "10")
    int classesPerPeer() default 2;

    @AttributeDefinition(name = "Shard index", description = "This peer's shard, 0-based.", min = "0")
    int shardIndex() default 0;

    @AttributeDefinition(name = "Shard seed", description = "Seed of the split; equal on all peers of one experiment.")
    long shardSeed() default 5;

    @AttributeDefinition(name = "Own model file",
            description = "Cluster file of this peer's own model; blank: ${neuromesh.home}/learner/own-model.nmc.")
    String ownModelFile() default "";

    @AttributeDefinition(name = "Threads", description = "Threads for matrix products.", min = "1", max = "64")
    int threads() default 2;
}
