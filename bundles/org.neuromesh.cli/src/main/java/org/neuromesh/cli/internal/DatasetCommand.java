package org.neuromesh.cli.internal;

import java.io.IOException;
import java.nio.file.Path;

import org.neuromesh.cli.DatasetSummary;
import org.neuromesh.engine.data.MnistFiles;
import org.osgi.service.component.annotations.Component;

/** {@code neuromesh:dataset [folder]}: checks and describes the MNIST files a training would use. */
@Component(service = DatasetCommand.class, property = {
        "osgi.command.scope=neuromesh",
        "osgi.command.function=dataset" })
public class DatasetCommand {

    public String dataset() {
        return dataset(MnistFiles.defaultDirectory().toString());
    }

    public String dataset(String folder) {
        try {
            return DatasetSummary.mnist(Path.of(folder));
        } catch (IOException e) {
            // A missing or broken file is the user's to fix, not a crash: say which file and what to do.
            return "error: " + e.getMessage();
        }
    }
}
