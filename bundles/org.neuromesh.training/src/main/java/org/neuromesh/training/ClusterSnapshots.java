package org.neuromesh.training;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.neuromesh.api.training.CheckpointException;
import org.neuromesh.api.training.ClusterSnapshot;
import org.neuromesh.api.training.LayerSnapshot;
import org.neuromesh.engine.network.ClusterFile;
import org.neuromesh.engine.network.GatingLayer;
import org.neuromesh.engine.network.GatingNetwork;

/**
 * Copies the hidden layers of a network into a {@link ClusterSnapshot}, and reads checkpoints into one. The copy
 * costs the hidden layers' node state plus the first layer's weights (784 x 1,024 floats, 3 MB, for the largest
 * MNIST networks here), never the deeper weight matrices.
 */
public final class ClusterSnapshots {

    private ClusterSnapshots() {
    }

    /**
     * A copy of {@code network}'s hidden layers. Call it where nothing trains the network (between batches, on the
     * training thread, or after the run).
     */
    public static ClusterSnapshot of(GatingNetwork network, String source) {
        List<LayerSnapshot> layers = new ArrayList<>();
        float traceDecay = network.gating().traceDecay();
        for (int l = 0; l < network.layerCount() - 1; l++) {
            GatingLayer layer = network.layer(l);
            int[] silent = layer.silentSamples();
            float[] timer = new float[silent.length];
            float[] eligibility = new float[silent.length];
            for (int j = 0; j < silent.length; j++) {
                timer[j] = silent[j];
                // the trace is 1 on the sample of a release and decays by traceDecay on each silent one after it
                eligibility[j] = silent[j] == 0 ? 1f : (float) Math.pow(traceDecay, silent[j]);
            }
            layers.add(new LayerSnapshot(l + 1, layer.inputCount(), layer.nodeCount(), layer.lastBatchReleaseRates(),
                    layer.thresholds(), layer.timesToRelease(), timer, eligibility, l == 0 ? layer.weights() : null));
        }
        return new ClusterSnapshot(source, layers);
    }

    /**
     * Reads a checkpoint written by a run.
     *
     * @throws CheckpointException naming the file and what is wrong with it
     */
    public static ClusterSnapshot read(Path file) throws CheckpointException {
        GatingNetwork network;
        try {
            network = ClusterFile.read(file);
        } catch (NoSuchFileException missing) {
            throw new CheckpointException(file, "no checkpoint at " + file, missing);
        } catch (IOException | RuntimeException unreadable) {
            // the engine's messages name the file and the fault (not a cluster file, truncated at byte N, ...)
            throw new CheckpointException(file, "not a readable NeuroMesh checkpoint: " + unreadable.getMessage(),
                    unreadable);
        }
        return of(network, "checkpoint " + file.getFileName() + " (" + TrainingJob.widths(network.shape()) + ")");
    }
}
