package org.neuromesh.learning.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A rule's configuration with some settings changed for one run: rule components build their rule from their
 * configuration type (an {@code @ObjectClassDefinition} annotation), so a run's rule is built the same way, from a
 * configuration whose methods return the run's values where it gives one and the configured values elsewhere.
 */
public final class RuleSettings {

    private RuleSettings() {
    }

    /**
     * The configuration {@code configured} with {@code settings} (method name to value, as text or a number).
     *
     * @param rule the rule's name, for messages
     * @throws IllegalArgumentException naming a setting the type does not have, or a value that is not of its type
     */
    public static <C> C override(Class<C> type, C configured, Map<String, ?> settings, String rule) {
        Set<String> ids = Arrays.stream(type.getDeclaredMethods()).map(Method::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> unknown = new TreeSet<>(settings.keySet());
        unknown.removeAll(ids);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("the " + rule + " rule has no setting " + unknown + "; its settings are "
                    + ids);
        }
        Map<String, Object> values = new java.util.HashMap<>();
        for (Method method : type.getDeclaredMethods()) {
            Object value = settings.get(method.getName());
            if (value != null) {
                values.put(method.getName(), convert(method.getName(), value, method.getReturnType()));
            }
        }
        InvocationHandler handler = (proxy, method, arguments) -> {
            if (method.getDeclaringClass() == type && values.containsKey(method.getName())) {
                return values.get(method.getName());
            }
            try {
                return method.invoke(configured, arguments);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type }, handler));
    }

    private static Object convert(String id, Object value, Class<?> to) {
        String text = value.toString().strip();
        try {
            if (to == double.class) {
                return value instanceof Number n ? n.doubleValue() : Double.parseDouble(text);
            } else if (to == float.class) {
                return value instanceof Number n ? n.floatValue() : Float.parseFloat(text);
            } else if (to == int.class) {
                return value instanceof Number n ? n.intValue() : Integer.parseInt(text);
            } else if (to == long.class) {
                return value instanceof Number n ? n.longValue() : Long.parseLong(text);
            } else if (to == boolean.class) {
                if (!text.equals("true") && !text.equals("false")) {
                    throw new IllegalArgumentException(String.format(Locale.ROOT, "setting %s: '%s' is not true or"
                            + " false", id, text));
                }
                return Boolean.parseBoolean(text);
            } else if (to == String.class) {
                return text;
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "setting %s: '%s' is not a %s", id, text,
                    to == int.class || to == long.class ? "whole number" : "number"));
        }
        throw new IllegalArgumentException("setting " + id + " has a type a run cannot set: " + to.getName());
    }
}
