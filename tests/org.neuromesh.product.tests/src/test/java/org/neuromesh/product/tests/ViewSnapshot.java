package org.neuromesh.product.tests;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the workbench showed at one moment, as printed by the UI probe bundle: the title of its shell(s), its status
 * line, for each visible part (by element id) its labels ("status"), table columns and rows, and the labels and
 * field values of open dialogs, in order.
 */
record ViewSnapshot(int number, List<String> shells, List<String> statusLine, List<String> tabs,
        Map<String, Part> parts, List<String> dialog) {

    static final String PROVIDERS = "org.neuromesh.ui.part.providers";
    static final String PEERS = "org.neuromesh.ui.part.peers";
    static final String DASHBOARD = "org.neuromesh.ui.part.dashboard";
    static final String NETWORK = "org.neuromesh.ui.part.network";
    static final String LEARNING = "org.neuromesh.ui.part.learning";
    static final String RUNS = "org.neuromesh.ui.part.runs";
    static final String INSPECTOR = "org.neuromesh.ui.part.inspector";
    static final String SESSION = "org.neuromesh.ui.part.session";
    static final String GUIDED_DEMO = "org.neuromesh.ui.part.guideddemo";
    static final String EXPERIMENT = "org.neuromesh.ui.partdescriptor.experiment";

    private static final String PREFIX = "UIPROBE ";

    /** One part: its labels, its table's columns and rows, and what its charts say they have drawn. */
    record Part(List<String> status, List<String> fields, List<String> columns, List<List<String>> rows,
            List<String> charts, List<List<String>> items) {

        /** What the chart titled {@code title} has drawn, e.g. "Accuracy: train per window 40 points, ...". */
        Optional<String> chart(String title) {
            return charts.stream().filter(chart -> chart.startsWith(title + ": ")).findFirst();
        }

        /** Whether a row has these first cells, e.g. {@code hasRow("learning rule", "eligibility")}. */
        boolean hasRow(String... firstCells) {
            return rows.stream().anyMatch(row -> row.size() >= firstCells.length
                    && row.subList(0, firstCells.length).equals(Arrays.asList(firstCells)));
        }

        /** The second cell of the row whose first cell is {@code name}, e.g. a figure of the Dashboard. */
        Optional<String> valueOf(String name) {
            return rows.stream().filter(row -> row.size() >= 2 && row.get(0).equals(name)).map(row -> row.get(1))
                    .findFirst();
        }
    }

    private static final Part NONE = new Part(List.of(), List.of(), List.of(), List.of(), List.of(), List.of());

    /** The part with this element id, empty if it is not visible. */
    Part part(String id) {
        return parts.getOrDefault(id, NONE);
    }

    boolean shows(String partId) {
        return parts.containsKey(partId);
    }

    /** The Providers view's table has a row starting with these cells. */
    boolean hasRow(String... firstCells) {
        return part(PROVIDERS).hasRow(firstCells);
    }

    List<String> status() {
        return part(PROVIDERS).status();
    }

    List<String> columns() {
        return part(PROVIDERS).columns();
    }

    List<List<String>> rows() {
        return part(PROVIDERS).rows();
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("snapshot " + number + ": shells " + shells + ", status line "
                + statusLine + ", tabs " + tabs + (dialog.isEmpty() ? "" : ", dialog " + dialog));
        parts.forEach((id, part) -> {
            text.append("\n part ").append(id).append(": status ").append(part.status()).append(", fields ")
                    .append(part.fields()).append(", columns ").append(part.columns())
                    .append(", charts ").append(part.charts());
            part.rows().forEach(row -> text.append("\n  ").append(String.join(" | ", row)));
        });
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
        List<String> statusLine = new ArrayList<>();
        List<String> tabs = new ArrayList<>();
        Map<String, Part> parts = new LinkedHashMap<>();
        List<String> dialog = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("dialog: ")) {
                dialog.add(line.substring(8));
            } else if (line.startsWith("shell: ")) {
                shells.add(line.substring(7));
            } else if (line.startsWith("tab: ")) {
                tabs.add(line.substring(5));
            } else if (line.startsWith("statusline: ")) {
                statusLine.add(line.substring(12));
            } else if (line.startsWith("part ")) {
                int space = line.indexOf(' ', 5);
                String id = line.substring(5, space);
                String rest = line.substring(space + 1);
                Part part = parts.computeIfAbsent(id, key -> new Part(new ArrayList<>(), new ArrayList<>(),
                        new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>()));
                if (rest.startsWith("status: ")) {
                    part.status().add(rest.substring(8));
                } else if (rest.startsWith("field: ")) {
                    part.fields().add(rest.substring(7));
                } else if (rest.startsWith("columns: ")) {
                    part.columns().addAll(Arrays.asList(rest.substring(9).split("\\|", -1)));
                } else if (rest.startsWith("row: ")) {
                    part.rows().add(Arrays.asList(rest.substring(5).split("\\|", -1)));
                } else if (rest.startsWith("chart: ")) {
                    part.charts().add(rest.substring(7));
                } else if (rest.startsWith("items: ")) {
                    part.items().add(Arrays.asList(rest.substring(7).split("\\|", -1)));
                }
            }
        }
        return new ViewSnapshot(number, shells, statusLine, tabs, parts, dialog);
    }
}
