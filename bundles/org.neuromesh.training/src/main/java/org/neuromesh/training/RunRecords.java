package org.neuromesh.training;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.neuromesh.api.learning.NetworkShape;
import org.neuromesh.api.training.EpochResult;
import org.neuromesh.api.training.GatingSettings;
import org.neuromesh.api.training.InferenceTiming;
import org.neuromesh.api.training.LayerResult;
import org.neuromesh.api.training.RunEvaluation;
import org.neuromesh.engine.gating.GatingParameters;
import org.neuromesh.engine.network.EpochReport;
import org.neuromesh.engine.network.Evaluation;
import org.neuromesh.engine.network.InferenceSpeed;
import org.neuromesh.engine.network.LayerActivity;

/** The engine's reports as the API's records, and the gating parameters both ways. */
final class RunRecords {

    private RunRecords() {
    }

    static EpochResult epoch(EpochReport report) {
        var training = report.training();
        return new EpochResult(report.epoch(), training.meanLoss(), training.trainAccuracy(),
                report.validationAccuracy(), training.seconds(), training.samplesPerSecond(),
                layers(training.layers()), report.hiddenNodes(), report.topologyChange(), training.stopped(),
                training.releaseRate(), training.timerShare(), report.liveEdges(), report.totalEdges());
    }

    static List<LayerResult> layers(List<LayerActivity> activities) {
        List<LayerResult> layers = new ArrayList<>();
        for (LayerActivity layer : activities) {
            layers.add(new LayerResult(layer.layer(), layer.nodes(), layer.releaseRate(), layer.forcedShare(),
                    layer.meanThreshold(), layer.silentNodes(), layer.meanTimeToRelease()));
        }
        return layers;
    }

    /**
     * @param network the layer widths at the end
     * @param speed   inference timed both ways, or {@code null} when it was not
     */
    static RunEvaluation evaluation(NetworkShape network, Evaluation last, InferenceSpeed speed) {
        InferenceTiming timing = speed == null ? null : new InferenceTiming(speed.dense().samplesPerSecond(),
                speed.skipping().samplesPerSecond(), speed.speedUp(), speed.dense().accuracy(),
                speed.skipping().accuracy());
        return new RunEvaluation(widths(network), last.releaseRate(), layers(last.layers()), timing,
                peakResidentMegabytes(), peakHeapMegabytes());
    }

    static List<Integer> widths(NetworkShape shape) {
        List<Integer> widths = new ArrayList<>();
        for (int size : shape.layerSizes()) {
            widths.add(size);
        }
        return widths;
    }

    static GatingSettings settings(GatingParameters parameters) {
        return new GatingSettings(parameters.initialThreshold(), parameters.initialTimeToRelease(),
                parameters.etaD0(), parameters.etaT(), parameters.alpha());
    }

    /** {@code settings} over the engine's defaults, with {@code traceDecay} (kept below 1). */
    static GatingParameters parameters(GatingSettings settings, float traceDecay) {
        GatingSettings full = settings.orElse(settings(GatingParameters.defaults()));
        return new GatingParameters(full.threshold(), full.timeToRelease(), full.etaD(), full.etaT(), full.alpha(),
                Math.min(traceDecay, 0.999f));
    }

    /** Peak resident set of this process (VmHWM on Linux), or -1 where it cannot be read. */
    static double peakResidentMegabytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            // not Linux, or no procfs: say so with -1 rather than guess
        }
        return -1;
    }

    /** Peak heap use of this process, over all heap pools. */
    static double peakHeapMegabytes() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak / (1024.0 * 1024.0);
    }
}
