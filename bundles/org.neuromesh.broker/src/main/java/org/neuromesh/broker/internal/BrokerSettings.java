package org.neuromesh.broker.internal;

import java.nio.file.Path;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Where and how the broker listens, with the data directory's placeholders resolved. */
record BrokerSettings(String host, int port, Path dataDirectory, Path passwordFile) {

    /** System (or framework) property naming NeuroMesh's home folder; default {@code ${user.home}/.neuromesh}. */
    static final String HOME_PROPERTY = "neuromesh.home";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]+)}");

    /**
     * @param properties looks up system or framework properties
     * @throws IllegalArgumentException naming a placeholder that no property defines
     */
    static BrokerSettings of(BrokerConfig config, UnaryOperator<String> properties) {
        Path home = home(properties);
        Path data = home.resolve(expand(config.dataDirectory().trim(), properties)).normalize();
        String passwordFile = config.passwordFile().trim();
        return new BrokerSettings(config.host().trim(), config.port(), data,
                passwordFile.isEmpty() ? null : home.resolve(expand(passwordFile, properties)).normalize());
    }

    private static Path home(UnaryOperator<String> properties) {
        String home = properties.apply(HOME_PROPERTY);
        if (home == null || home.isBlank()) {
            return Path.of(required(properties, "user.home"), ".neuromesh").toAbsolutePath();
        }
        return Path.of(home).toAbsolutePath();
    }

    private static String expand(String value, UnaryOperator<String> properties) {
        Matcher matcher = PLACEHOLDER.matcher(value);
        StringBuilder expanded = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String replacement = HOME_PROPERTY.equals(name) ? home(properties).toString() : required(properties, name);
            matcher.appendReplacement(expanded, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(expanded);
        return expanded.toString();
    }

    private static String required(UnaryOperator<String> properties, String name) {
        String value = properties.apply(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("${" + name + "} in the broker's configuration names no system "
                    + "property");
        }
        return value;
    }

    @Override
    public String toString() {
        return host + ":" + port + " (data in " + dataDirectory
                + (passwordFile == null ? "" : ", password file " + passwordFile) + ")";
    }
}
