package org.neuromesh.engine.data;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Splits a data set among peers for experiments with non-IID data: each peer holds only some classes, and the
 * samples of a class are divided evenly among the peers that hold it. Deterministic given the seed.
 */
public final class Shards {

    private Shards() {
    }

    /**
     * Classes per peer, dealt round-robin: peer {@code p} holds classes {@code (p*k + i) mod classCount} for
     * {@code i < k}. With 8 peers, 2 classes each and 10 classes: {0,1}, {2,3}, ..., {8,9}, {0,1}, {2,3}, {4,5}.
     */
    public static int[][] roundRobinClasses(int peers, int classesPerPeer, int classCount) {
        if (peers < 1 || classesPerPeer < 1 || classesPerPeer > classCount) {
            throw new IllegalArgumentException("need >= 1 peer and 1.." + classCount + " classes per peer, got "
                    + peers + " peers and " + classesPerPeer + " classes each");
        }
        int[][] classes = new int[peers][classesPerPeer];
        for (int p = 0; p < peers; p++) {
            for (int i = 0; i < classesPerPeer; i++) {
                classes[p][i] = (p * classesPerPeer + i) % classCount;
            }
        }
        return classes;
    }

    /**
     * The sample indices of each peer: every sample of a class goes to exactly one of the peers holding that class,
     * in shuffled, even portions; samples of classes nobody holds are left out.
     */
    public static int[][] split(LabelledImages images, int[][] classesOfPeer, long seed) {
        int classCount = 256;
        List<List<Integer>> holders = new ArrayList<>();
        for (int c = 0; c < classCount; c++) {
            holders.add(new ArrayList<>());
        }
        for (int p = 0; p < classesOfPeer.length; p++) {
            for (int c : classesOfPeer[p]) {
                if (c < 0 || c >= classCount) {
                    throw new IllegalArgumentException("peer " + p + " holds class " + c + ", which cannot exist");
                }
                if (!holders.get(c).contains(p)) {
                    holders.get(c).add(p);
                }
            }
        }
        List<List<Integer>> ofClass = new ArrayList<>();
        for (int c = 0; c < classCount; c++) {
            ofClass.add(new ArrayList<>());
        }
        for (int i = 0; i < images.count(); i++) {
            ofClass.get(images.label(i)).add(i);
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<List<Integer>> ofPeer = new ArrayList<>();
        for (int p = 0; p < classesOfPeer.length; p++) {
            ofPeer.add(new ArrayList<>());
        }
        for (int c = 0; c < classCount; c++) {
            List<Integer> samples = ofClass.get(c);
            List<Integer> peers = holders.get(c);
            if (peers.isEmpty()) {
                continue;
            }
            shuffle(samples, random);
            for (int k = 0; k < samples.size(); k++) {
                ofPeer.get(peers.get(k * peers.size() / samples.size())).add(samples.get(k));
            }
        }
        int[][] indices = new int[classesOfPeer.length][];
        for (int p = 0; p < indices.length; p++) {
            List<Integer> mine = ofPeer.get(p);
            shuffle(mine, random);
            indices[p] = mine.stream().mapToInt(Integer::intValue).toArray();
        }
        return indices;
    }

    /** The images at {@code indices}, copied, in that order. */
    public static LabelledImages subset(LabelledImages images, int[] indices) {
        int size = images.pixelsPerImage();
        float[] pixels = new float[indices.length * size];
        byte[] labels = new byte[indices.length];
        for (int k = 0; k < indices.length; k++) {
            int i = indices[k];
            System.arraycopy(images.pixels(), i * size, pixels, k * size, size);
            labels[k] = images.labels()[i];
        }
        return new LabelledImages(indices.length, images.rows(), images.cols(), pixels, labels);
    }

    /** The indices of the samples whose label is in {@code classes}. */
    public static int[] withLabels(LabelledImages images, int... classes) {
        boolean[] wanted = new boolean[256];
        for (int c : classes) {
            wanted[c] = true;
        }
        return IntStream.range(0, images.count()).filter(i -> wanted[images.label(i)]).toArray();
    }

    private static void shuffle(List<Integer> values, SplittableRandom random) {
        for (int i = values.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            Integer swap = values.get(i);
            values.set(i, values.get(j));
            values.set(j, swap);
        }
    }
}
