package org.neuromesh.learner;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

import org.neuromesh.engine.data.Dataset;

/**
 * Which samples of a data set this peer holds for training; the test data is always the whole test set, so that
 * accuracies of peers with different shards compare.
 *
 * @param dataset the data set
 * @param directory where its files are
 * @param classes the classes kept (empty: all); ignored when {@code shardPeers > 0}
 * @param shardPeers number of peers the data set is dealt to (0: no sharding)
 * @param classesPerPeer classes each peer gets when sharding (round-robin, see Shards.roundRobinClasses)
 * @param shardIndex this peer's shard, 0-based
 * @param shardSeed seed of the split; every peer of one experiment must use the same
 */
public record LocalDataSpec(Dataset dataset, Path directory, int[] classes, int shardPeers, int classesPerPeer,
        int shardIndex, long shardSeed) {

    public LocalDataSpec {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(directory, "directory");
        classes = classes == null ? new int[0] : classes.clone();
        for (int c : classes) {
            if (c < 0 || c > 9) {
                throw new IllegalArgumentException("classes must be 0..9, got " + Arrays.toString(classes));
            }
        }
        if (shardPeers < 0 || (shardPeers > 0 && (shardIndex < 0 || shardIndex >= shardPeers))) {
            throw new IllegalArgumentException("shard index must be 0.." + (shardPeers - 1) + ", got " + shardIndex);
        }
        if (shardPeers > 0 && (classesPerPeer < 1 || classesPerPeer > 10)) {
            throw new IllegalArgumentException("classes per peer must be 1..10, got " + classesPerPeer);
        }
    }

    @Override
    public int[] classes() {
        return classes.clone();
    }

    /** Parses a class list such as {@code "0,1,2"}; blank means all classes. */
    public static int[] parseClasses(String text) {
        if (text == null || text.isBlank()) {
            return new int[0];
        }
        try {
            return Arrays.stream(text.split(",")).map(String::trim).mapToInt(Integer::parseInt).sorted().distinct()
                    .toArray();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("classes must be a comma-separated list of digits, got '" + text + "'");
        }
    }
}
