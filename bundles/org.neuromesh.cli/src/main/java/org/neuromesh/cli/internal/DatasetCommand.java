package org.neuromesh.cli.internal;

import java.io.IOException;
import java.nio.file.Path;

import org.neuromesh.api.training.TrainingService;
import org.neuromesh.cli.DatasetSummary;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code neuromesh:dataset [folder]}: checks and describes the MNIST files a training would use. */
@Component(service = DatasetCommand.class, property = {
        "osgi.command.scope=neuromesh",
        "osgi.command.function=dataset" })
public class DatasetCommand {

    @Reference
    TrainingService training;

    public String dataset() {
        return describe(null);
    }

    public String dataset(String folder) {
        return describe(Path.of(folder));
    }

    private String describe(Path folder) {
        try {
            return DatasetSummary.describe(training.readDataset("mnist", folder));
        } catch (IOException e) {
            // A missing or broken file is the user's to fix, not a crash: say which file and what to do.
            return "error: " + e.getMessage();
        }
    }
}
