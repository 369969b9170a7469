package org.neuromesh.ui.providers;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.neuromesh.api.provider.ProviderDescription;

/** The columns of the Providers view: header, initial width and the text of one provider's cell. */
enum ProviderColumn {
    KIND("Kind", 110, p -> p.kind().label()),
    NAME("Name", 120, ProviderDescription::name),
    RANKING("Ranking", 70, p -> Integer.toString(p.ranking())),
    BUNDLE("Bundle", 330, ProviderDescription::bundle),
    PROPERTIES("Properties", 500, ProviderColumn::ownProperties);

    private final String header;
    private final int width;
    private final Function<ProviderDescription, String> text;

    ProviderColumn(String header, int width, Function<ProviderDescription, String> text) {
        this.header = header;
        this.width = width;
        this.text = text;
    }

    String header() {
        return header;
    }

    int width() {
        return width;
    }

    String text(ProviderDescription provider) {
        return text.apply(provider);
    }

    /** {@code key=value} pairs of {@link ProviderDescription#ownProperties()}, in key order. */
    static String ownProperties(ProviderDescription provider) {
        return provider.ownProperties().entrySet().stream()
                .map(ProviderColumn::pair)
                .collect(Collectors.joining(", "));
    }

    private static String pair(Map.Entry<String, String> entry) {
        return entry.getKey() + "=" + entry.getValue();
    }
}
