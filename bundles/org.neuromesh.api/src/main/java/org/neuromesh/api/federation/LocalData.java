package org.neuromesh.api.federation;

import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What a peer holds, described without a single sample.
 *
 * @param dataset kind of data, e.g. {@code mnist}
 * @param classes classes present in the local training data
 * @param trainSamples local training samples
 * @param testSamples local test samples
 */
public record LocalData(String dataset, SortedSet<Integer> classes, int trainSamples, int testSamples) {

    public LocalData {
        classes = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(classes == null ? Set.of() : classes));
    }
}
