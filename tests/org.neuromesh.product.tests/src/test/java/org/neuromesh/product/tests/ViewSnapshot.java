package org.neuromesh.product.tests;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What the workbench showed at one moment, as printed by the UI probe bundle: the title of its shell(s), the
 * status line of the Providers view and the cells of its table.
 */
record ViewSnapshot(int number, List<String> shells, List<String> status, List<String> columns,
        List<List<String>> rows) {

    private static final String PREFIX = "UIPROBE ";

    /** Whether a row has these first cells, e.g. {@code hasRow("learning rule", "eligibility")}. */
    boolean hasRow(String... firstCells) {
        return rows.stream().anyMatch(row -> row.size() >= firstCells.length
                && row.subList(0, firstCells.length).equals(Arrays.asList(firstCells)));
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("snapshot " + number + ": shells " + shells + ", status " + status
                + ", columns " + columns);
        rows.forEach(row -> text.append("\n  ").append(String.join(" | ", row)));
        return text.toString();
    }

    /** The last complete probe block ("UIPROBE begin N" ... "UIPROBE end N") in the workbench's output. */
    static Optional<ViewSnapshot> latest(String output) {
        ViewSnapshot latest = null;
        List<String> block = null;
        for (String line : output.split("\n")) {
            int at = line.indexOf(PREFIX);
            if (at < 0) {
                continue;
            }
            String content = line.substring(at + PREFIX.length());
            if (content.startsWith("begin ")) {
                block = new ArrayList<>();
            } else if (content.startsWith("end ") && block != null) {
                latest = parse(Integer.parseInt(content.substring(4).strip()), block);
                block = null;
            } else if (block != null) {
                block.add(content);
            }
        }
        return Optional.ofNullable(latest);
    }

    private static ViewSnapshot parse(int number, List<String> lines) {
        List<String> shells = new ArrayList<>();
        List<String> status = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("shell: ")) {
                shells.add(line.substring(7));
            } else if (line.startsWith("status: ")) {
                status.add(line.substring(8));
            } else if (line.startsWith("columns: ")) {
                columns.addAll(Arrays.asList(line.substring(9).split("\\|", -1)));
            } else if (line.startsWith("row: ")) {
                rows.add(Arrays.asList(line.substring(5).split("\\|", -1)));
            }
        }
        return new ViewSnapshot(number, shells, status, columns, rows);
    }
}
