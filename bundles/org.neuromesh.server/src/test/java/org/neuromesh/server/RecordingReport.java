package org.neuromesh.server;

import java.util.ArrayList;
import java.util.List;

/** A {@link FolderReport} that keeps every message, for tests to read. */
final class RecordingReport implements FolderReport {

    final List<String> infos = new ArrayList<>();
    final List<String> problems = new ArrayList<>();

    @Override
    public void info(String message) {
        infos.add(message);
    }

    @Override
    public void problem(String message) {
        problems.add(message);
    }
}
