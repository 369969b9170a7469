package org.neuromesh.ui.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.neuromesh.api.training.ClusterSnapshot;
import org.neuromesh.api.training.LayerSnapshot;
import org.neuromesh.ui.model.ClusterInspectorModel.Quantity;

/** What the Cluster inspector draws and says, for snapshots as a live run and a checkpoint give them. */
class ClusterInspectorModelTest {

    /** Viridis' ends and middle, the scale's stops. */
    private static final int DARK = 0x440154;
    private static final int MIDDLE = 0x21918C;
    private static final int BRIGHT = 0xFDE725;

    /** A first layer of 5 nodes reading 28 x 28 images; node 1's weights rise from -1 to +1 across the image. */
    private static LayerSnapshot firstLayer(float[] releaseRate) {
        float[] weights = new float[5 * 784];
        for (int i = 0; i < 784; i++) {
            weights[784 + i] = -1f + 2f * i / 783;
        }
        return new LayerSnapshot(1, 784, 5, releaseRate, new float[] { 0.1f, 0.2f, 0.3f, 0.2f, 0.2f },
                new float[] { 10, 10, 12.5f, 10, 10 }, new float[] { 0, 3, 0, 1, 7 },
                new float[] { 1, 0.729f, 1, 0.9f, 0.478f }, weights);
    }

    private static LayerSnapshot secondLayer() {
        return new LayerSnapshot(2, 5, 2, null, new float[] { 0.5f, 0.5f }, new float[] { 10, 10 },
                new float[] { 0, 0 }, new float[] { 1, 1 }, null);
    }

    @Test
    void givenNothingOpened_thenItSaysWhatToDoAndDrawsNothing() {
        ClusterInspectorModel model = new ClusterInspectorModel();
        assertEquals("Open a checkpoint, or follow the live run.", model.status());
        assertEquals(0, model.cellColours().length);
        assertEquals(List.of(), model.nodeDetails());
        assertNull(model.weightPicture());
    }

    @Test
    void givenALiveSnapshot_whenTheThresholdIsChosen_thenCellsRunFromDarkForTheLowestToBrightForTheHighest() {
        // given a live snapshot
        ClusterInspectorModel model = new ClusterInspectorModel();
        model.show(new ClusterSnapshot("live run, epoch 1, batch 2 of 40", List.of(firstLayer(new float[] { 0.5f,
                0.5f, 0.5f, 0.5f, 0.5f }), secondLayer())));
        // when the threshold is chosen
        model.chooseQuantity(Quantity.THRESHOLD);
        // then the lowest threshold is dark, the highest bright, the middle one in between
        assertArrayEquals(new int[] { DARK, MIDDLE, BRIGHT, MIDDLE, MIDDLE }, model.cellColours());
        assertEquals("Threshold d: 0.1000 (dark) to 0.3000 (bright)", model.scale());
        assertEquals("Showing live run, epoch 1, batch 2 of 40", model.status());
        assertEquals(List.of("Layer 1: 5 nodes of 784 inputs", "Layer 2: 2 nodes of 5 inputs"),
                model.layerChoices());
        // and when every node has the same value (release rates here), all get the middle colour
        model.chooseQuantity(Quantity.RELEASE_RATE);
        assertArrayEquals(new int[] { MIDDLE, MIDDLE, MIDDLE, MIDDLE, MIDDLE }, model.cellColours());
    }

    @Test
    void givenACheckpoint_whenTheReleaseRateIsChosen_thenCellsAreGreyAndTheScaleSaysACheckpointDoesNotKeepIt() {
        ClusterInspectorModel model = new ClusterInspectorModel();
        model.show(new ClusterSnapshot("checkpoint small.nmc (784-5-2-10)", List.of(firstLayer(null),
                secondLayer())));
        model.chooseQuantity(Quantity.RELEASE_RATE);
        assertArrayEquals(new int[] { 0x808080, 0x808080, 0x808080, 0x808080, 0x808080 }, model.cellColours());
        assertEquals("Release rate: not in a checkpoint (a live run shows it)", model.scale());
        assertEquals("Release rate: not in a checkpoint", model.nodeDetails().get(1));
    }

    @Test
    void givenAFirstLayerOfImages_whenANodeIsClicked_thenItsValuesAndWeightsAsA28By28PictureAreShown() {
        // given a first layer of 5 nodes: a grid of 3 columns and 2 rows on a 300 x 200 heat map
        ClusterInspectorModel model = new ClusterInspectorModel();
        model.show(new ClusterSnapshot("checkpoint a.nmc", List.of(firstLayer(new float[] { 0, 0.25f, 0, 0, 0 }))));
        assertEquals(3, model.columns());
        assertEquals(2, model.rows());
        // when the second cell of the first row is clicked
        assertTrue(model.selectAt(150, 50, 300, 200));
        // then that node's values are shown
        assertEquals(List.of("Node 1 of layer 1", "Release rate: 25.0%", "Threshold d: 0.2000",
                "Timer limit: 10 samples", "Timer: 3 samples silent", "Eligibility trace: 0.7290"),
                model.nodeDetails());
        // and its weights as 784 grey levels, row by row: the most negative black, the most positive white
        byte[] picture = model.weightPicture();
        assertEquals(784, picture.length);
        assertEquals(0, picture[0] & 0xFF);
        assertEquals(255, picture[783] & 0xFF);
        assertEquals(Math.round(255f * 400 / 783), picture[400] & 0xFF, 1);
        assertEquals("Input weights of node 1 (black: most negative, white: most positive)",
                model.pictureCaption());
        // and a click where no node is (the empty sixth cell) changes nothing
        assertFalse(model.selectAt(250, 150, 300, 200));
        assertEquals(1, model.selectedNode());
    }

    @Test
    void givenADeeperLayer_thenItHasNoPictureAndSaysWhy() {
        ClusterInspectorModel model = new ClusterInspectorModel();
        model.show(new ClusterSnapshot("checkpoint a.nmc", List.of(firstLayer(null), secondLayer())));
        model.selectNode(4);
        model.chooseLayer(1);
        assertNull(model.weightPicture());
        assertEquals("Input weights: drawn for the first layer only", model.pictureCaption());
        assertEquals("Node 1 of layer 2", model.nodeDetails().get(0), "node 4 of 5 became the last of 2");
    }

    @Test
    void givenACorruptCheckpointAfterASnapshot_thenTheMessageReplacesTheViewAndANewSnapshotShowsAgain() {
        // given a snapshot shown
        ClusterInspectorModel model = new ClusterInspectorModel();
        model.show(new ClusterSnapshot("checkpoint a.nmc", List.of(firstLayer(null))));
        // when a corrupt checkpoint is opened
        model.failed("not a readable NeuroMesh checkpoint: /w/bad.nmc is truncated at byte 1000");
        // then the message is the status, and nothing of the old snapshot is drawn
        assertEquals("not a readable NeuroMesh checkpoint: /w/bad.nmc is truncated at byte 1000", model.status());
        assertEquals(0, model.cellColours().length);
        assertEquals(List.of(), model.layerChoices());
        // and the next good one shows again
        model.show(new ClusterSnapshot("checkpoint b.nmc", List.of(firstLayer(null))));
        assertEquals("Showing checkpoint b.nmc", model.status());
        assertEquals(5, model.cellColours().length);
    }

    @Test
    void theColourScaleIsClampedAndInterpolatesBetweenItsStops() {
        assertEquals(DARK, ClusterInspectorModel.colour(-1f));
        assertEquals(BRIGHT, ClusterInspectorModel.colour(2f));
        assertEquals(DARK, ClusterInspectorModel.colour(Float.NaN));
        // a quarter: halfway between dark violet (68,1,84) and teal (33,145,140)
        assertEquals(Math.round(50.5f) << 16 | 73 << 8 | 112, ClusterInspectorModel.colour(0.25f));
    }
}
