package org.neuromesh.ui.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.neuromesh.api.training.ClusterSnapshot;
import org.neuromesh.api.training.LayerSnapshot;

/**
 * What the Cluster inspector shows: the nodes of one hidden layer of a {@link ClusterSnapshot} as a heat map of a
 * chosen quantity, the values of the selected node and, when the layer reads 28 x 28 images, that node's input
 * weights as a greyscale picture. Plain Java: the view draws what this computes.
 */
public final class ClusterInspectorModel {

    /** The side of an MNIST image: a node of 784 inputs gets its weights drawn as a picture. */
    public static final int IMAGE_SIDE = 28;
    /** Shown for a cell whose value is unknown (release rates of a checkpoint). */
    public static final int UNKNOWN_COLOUR = 0x808080;
    /** The colour scale's stops, low to high (dark violet, teal, yellow): readable in greyscale too. */
    private static final int[][] STOPS = { { 68, 1, 84 }, { 33, 145, 140 }, { 253, 231, 37 } };

    /** The node quantities the heat map can show. */
    public enum Quantity {
        RELEASE_RATE("Release rate"),
        THRESHOLD("Threshold d"),
        TIME_TO_RELEASE("Timer limit (timeToRelease)"),
        SILENT_SAMPLES("Timer (samples silent)"),
        ELIGIBILITY("Eligibility trace");

        private final String label;

        Quantity(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** The values of {@code layer}, or {@code null} if the snapshot does not know them. */
        public float[] of(LayerSnapshot layer) {
            return switch (this) {
                case RELEASE_RATE -> layer.releaseRate();
                case THRESHOLD -> layer.threshold();
                case TIME_TO_RELEASE -> layer.timeToRelease();
                case SILENT_SAMPLES -> layer.silentSamples();
                case ELIGIBILITY -> layer.eligibility();
            };
        }
    }

    private ClusterSnapshot snapshot;
    private String problem;
    private int layer;
    private Quantity quantity = Quantity.THRESHOLD;
    private int node;

    /** Shows {@code snapshot}, keeping the chosen layer, quantity and node where it still has them. */
    public void show(ClusterSnapshot shown) {
        snapshot = shown;
        problem = null;
        layer = Math.min(layer, Math.max(0, shown.layers().size() - 1));
        if (hasLayer()) {
            node = Math.min(node, currentLayer().nodes() - 1);
        }
    }

    /** Shows why there is nothing to show, e.g. a checkpoint that cannot be read; the last snapshot goes. */
    public void failed(String message) {
        snapshot = null;
        problem = message;
    }

    public void chooseLayer(int index) {
        if (snapshot != null && index >= 0 && index < snapshot.layers().size()) {
            layer = index;
            node = Math.min(node, currentLayer().nodes() - 1);
        }
    }

    public void chooseQuantity(Quantity chosen) {
        quantity = chosen;
    }

    public Quantity quantity() {
        return quantity;
    }

    public int layerIndex() {
        return layer;
    }

    public boolean hasLayer() {
        return snapshot != null && !snapshot.layers().isEmpty();
    }

    /** The status line: where the snapshot comes from, or what went wrong, or what to do. */
    public String status() {
        if (problem != null) {
            return problem;
        }
        if (snapshot == null) {
            return "Open a checkpoint, or follow the live run.";
        }
        return "Showing " + snapshot.source() + (snapshot.layers().isEmpty() ? ": it has no hidden layer" : "");
    }

    /** One entry per hidden layer, e.g. "Layer 1: 64 nodes of 784 inputs". */
    public List<String> layerChoices() {
        List<String> choices = new ArrayList<>();
        if (snapshot != null) {
            for (LayerSnapshot each : snapshot.layers()) {
                choices.add("Layer " + each.layer() + ": " + each.nodes() + " nodes of " + each.inputs() + " inputs");
            }
        }
        return choices;
    }

    public static List<String> quantityChoices() {
        List<String> labels = new ArrayList<>();
        for (Quantity each : Quantity.values()) {
            labels.add(each.label());
        }
        return labels;
    }

    /** Cells per row of the heat map: a square-ish grid. */
    public int columns() {
        return hasLayer() ? (int) Math.ceil(Math.sqrt(currentLayer().nodes())) : 0;
    }

    public int rows() {
        int columns = columns();
        return columns == 0 ? 0 : (currentLayer().nodes() + columns - 1) / columns;
    }

    /**
     * The colour (0xRRGGBB) of each node's cell: the quantity scaled from the layer's lowest value (dark violet) to
     * its highest (yellow); all cells alike get the middle colour, unknown values grey.
     */
    public int[] cellColours() {
        if (!hasLayer()) {
            return new int[0];
        }
        int nodes = currentLayer().nodes();
        int[] colours = new int[nodes];
        float[] values = quantity.of(currentLayer());
        if (values == null) {
            java.util.Arrays.fill(colours, UNKNOWN_COLOUR);
            return colours;
        }
        float[] range = range(values);
        for (int j = 0; j < nodes; j++) {
            colours[j] = colour(range[1] > range[0] ? (values[j] - range[0]) / (range[1] - range[0]) : 0.5f);
        }
        return colours;
    }

    /** The colour scale's colour at {@code t} in [0, 1] (clamped). */
    public static int colour(float t) {
        float clamped = Float.isNaN(t) ? 0 : Math.max(0f, Math.min(1f, t));
        float scaled = clamped * (STOPS.length - 1);
        int low = Math.min((int) scaled, STOPS.length - 2);
        float f = scaled - low;
        int rgb = 0;
        for (int c = 0; c < 3; c++) {
            int value = Math.round(STOPS[low][c] + f * (STOPS[low + 1][c] - STOPS[low][c]));
            rgb = rgb << 8 | value;
        }
        return rgb;
    }

    /** What the colours mean, e.g. "Threshold d: 0.0100 (dark) to 0.0231 (bright)". */
    public String scale() {
        if (!hasLayer()) {
            return "";
        }
        float[] values = quantity.of(currentLayer());
        if (values == null) {
            return quantity.label() + ": not in a checkpoint (a live run shows it)";
        }
        float[] range = range(values);
        return String.format(Locale.ROOT, "%s: %s (dark) to %s (bright)", quantity.label(), format(range[0]),
                format(range[1]));
    }

    /** Selects the node whose cell holds the point (x, y) of a heat map {@code width x height}; false if none. */
    public boolean selectAt(int x, int y, int width, int height) {
        int columns = columns();
        int rows = rows();
        if (columns == 0 || x < 0 || y < 0 || x >= width || y >= height) {
            return false;
        }
        int index = (y * rows / height) * columns + x * columns / width;
        if (index >= currentLayer().nodes()) {
            return false;
        }
        node = index;
        return true;
    }

    public void selectNode(int index) {
        if (hasLayer() && index >= 0 && index < currentLayer().nodes()) {
            node = index;
        }
    }

    public int selectedNode() {
        return node;
    }

    /** The selected node's values, one line each (empty without a layer). */
    public List<String> nodeDetails() {
        if (!hasLayer()) {
            return List.of();
        }
        LayerSnapshot shown = currentLayer();
        float[] rates = shown.releaseRate();
        return List.of(
                "Node " + node + " of layer " + shown.layer(),
                "Release rate: " + (rates == null ? "not in a checkpoint" : String.format(Locale.ROOT, "%.1f%%",
                        100 * rates[node])),
                "Threshold d: " + format(shown.threshold()[node]),
                "Timer limit: " + format(shown.timeToRelease()[node]) + " samples",
                "Timer: " + Math.round(shown.silentSamples()[node]) + " samples silent",
                "Eligibility trace: " + format(shown.eligibility()[node]));
    }

    /** Whether the selected node's input weights can be drawn as a 28 x 28 picture. */
    public boolean hasPicture() {
        return hasLayer() && currentLayer().hasWeights()
                && currentLayer().inputs() == IMAGE_SIDE * IMAGE_SIDE;
    }

    /**
     * The selected node's 784 input weights as greyscale, row by row: its most negative weight black (0), its
     * most positive white (255); all equal: mid grey. {@code null} if there is no picture ({@link #hasPicture}).
     */
    public byte[] weightPicture() {
        if (!hasPicture()) {
            return null;
        }
        int inputs = currentLayer().inputs();
        float[] weights = currentLayer().weights();
        float low = Float.POSITIVE_INFINITY;
        float high = Float.NEGATIVE_INFINITY;
        for (int i = node * inputs; i < (node + 1) * inputs; i++) {
            low = Math.min(low, weights[i]);
            high = Math.max(high, weights[i]);
        }
        byte[] grey = new byte[inputs];
        for (int i = 0; i < inputs; i++) {
            float w = weights[node * inputs + i];
            grey[i] = (byte) (high > low ? Math.round(255 * (w - low) / (high - low)) : 128);
        }
        return grey;
    }

    /** The caption under the picture, or why there is none. */
    public String pictureCaption() {
        if (!hasLayer()) {
            return "";
        }
        if (!hasPicture()) {
            return currentLayer().layer() == 1 ? "Input weights: not an image of 28 x 28 pixels"
                    : "Input weights: drawn for the first layer only";
        }
        return "Input weights of node " + node + " (black: most negative, white: most positive)";
    }

    private LayerSnapshot currentLayer() {
        return snapshot.layers().get(layer);
    }

    private static float[] range(float[] values) {
        float low = Float.POSITIVE_INFINITY;
        float high = Float.NEGATIVE_INFINITY;
        for (float v : values) {
            if (Float.isFinite(v)) {
                low = Math.min(low, v);
                high = Math.max(high, v);
            }
        }
        return low <= high ? new float[] { low, high } : new float[] { 0, 0 };
    }

    private static String format(float value) {
        return String.format(Locale.ROOT, Math.abs(value) >= 100 || value == Math.rint(value) ? "%.0f" : "%.4f",
                value);
    }
}
