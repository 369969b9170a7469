package org.neuromesh.cli;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.neuromesh.api.provider.ProviderDescription;
import org.neuromesh.api.provider.ProviderKind;

/** Renders the provider catalog as text for the shell, grouped by kind. */
public final class ProviderTable {

    private ProviderTable() {
    }

    /**
     * One block per kind that has providers, then a line for each kind without any, e.g.
     *
     * <pre>
     * learning rule (1)
     *   eligibility  [default]  ranking 100  org.neuromesh.learning.eligibility 0.1.0
     *       learningRate=0.01 weightDecay=0.0
     * no provider: peer discovery, peer messaging, ...
     * </pre>
     */
    public static String render(List<ProviderDescription> providers) {
        StringBuilder out = new StringBuilder();
        Map<ProviderKind, List<ProviderDescription>> byKind = providers.stream()
                .collect(Collectors.groupingBy(ProviderDescription::kind));
        for (ProviderKind kind : ProviderKind.values()) {
            List<ProviderDescription> ofKind = byKind.getOrDefault(kind, List.of());
            if (ofKind.isEmpty()) {
                continue;
            }
            out.append(kind.label()).append(" (").append(ofKind.size()).append(")\n");
            for (int i = 0; i < ofKind.size(); i++) {
                appendProvider(out, ofKind.get(i), i == 0);
            }
        }
        String missing = java.util.Arrays.stream(ProviderKind.values())
                .filter(kind -> !byKind.containsKey(kind)).map(ProviderKind::label)
                .collect(Collectors.joining(", "));
        if (!missing.isEmpty()) {
            out.append("no provider: ").append(missing).append('\n');
        }
        return out.toString();
    }

    private static void appendProvider(StringBuilder out, ProviderDescription provider, boolean isDefault) {
        out.append("  ").append(provider.name());
        if (isDefault) {
            out.append("  [default]");
        }
        out.append("  ranking ").append(provider.ranking()).append("  ").append(provider.bundle()).append('\n');
        // The name is already at the start of the line.
        String own = provider.ownProperties().entrySet().stream()
                .filter(e -> !e.getKey().equals(provider.kind().nameProperty()))
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" "));
        if (!own.isEmpty()) {
            out.append("      ").append(own).append('\n');
        }
    }
}
