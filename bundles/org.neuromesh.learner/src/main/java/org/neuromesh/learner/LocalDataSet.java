package org.neuromesh.learner;

import java.io.IOException;
import java.util.SortedSet;
import java.util.TreeSet;

import org.neuromesh.api.federation.LocalData;
import org.neuromesh.engine.data.LabelledImages;
import org.neuromesh.engine.data.MnistFiles;
import org.neuromesh.engine.data.Shards;

/** The samples a peer trains on (its shard or classes) and the whole test set, read once. */
public final class LocalDataSet {

    private final LocalDataSpec spec;
    private final LabelledImages train;
    private final LabelledImages test;

    private LocalDataSet(LocalDataSpec spec, LabelledImages train, LabelledImages test) {
        this.spec = spec;
        this.train = train;
        this.test = test;
    }

    /**
     * Reads the data set and keeps this peer's part of the training data.
     *
     * @throws IOException naming the missing or broken file and the script that fetches the data
     */
    public static LocalDataSet load(LocalDataSpec spec) throws IOException {
        MnistFiles files = MnistFiles.locate(spec.dataset(), spec.directory());
        LabelledImages all = files.readTraining();
        LabelledImages train;
        if (spec.shardPeers() > 0) {
            int[][] classes = Shards.roundRobinClasses(spec.shardPeers(), spec.classesPerPeer(), 10);
            int[][] shards = Shards.split(all, classes, spec.shardSeed());
            train = Shards.subset(all, shards[spec.shardIndex()]);
        } else if (spec.classes().length > 0) {
            train = Shards.subset(all, Shards.withLabels(all, spec.classes()));
        } else {
            train = all;
        }
        return new LocalDataSet(spec, train, files.readTest());
    }

    public LabelledImages train() {
        return train;
    }

    public LabelledImages test() {
        return test;
    }

    /** The description other peers may see: kind, classes and counts. */
    public LocalData describe() {
        SortedSet<Integer> classes = new TreeSet<>();
        for (int i = 0; i < train.count(); i++) {
            classes.add(train.label(i));
        }
        return new LocalData(spec.dataset().id(), classes,
                train.count(), test.count());
    }
}
