package org.neuromesh.engine.network;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import org.neuromesh.api.learning.LearningRule;

/**
 * The learning rules on offer, with their names and rankings, as a component collects them from the service
 * registry. Thread-safe: rules come and go while trainings look them up.
 */
public final class RuleRegistry {

    private record Registered(LearningRule rule, String name, int ranking) {
    }

    private final List<Registered> rules = new CopyOnWriteArrayList<>();

    public void add(LearningRule rule, String name, int ranking) {
        rules.add(new Registered(rule, name, ranking));
    }

    public void remove(LearningRule rule) {
        rules.removeIf(registered -> registered.rule() == rule);
    }

    /** The names of the registered rules, highest ranked first. */
    public List<String> names() {
        return rules.stream().sorted(Comparator.comparingInt(Registered::ranking).reversed()
                .thenComparing(Registered::name)).map(Registered::name).toList();
    }

    /** The name {@code rule} is registered under, or null if it is not. */
    public String nameOf(LearningRule rule) {
        return rules.stream().filter(r -> r.rule() == rule).map(Registered::name).findFirst().orElse(null);
    }

    /**
     * The rule called {@code name}, or the highest-ranked one when {@code name} is null.
     *
     * @throws IllegalArgumentException if no rule is registered or none has that name; the message lists the
     *         registered names
     */
    public LearningRule choose(String name) {
        if (rules.isEmpty()) {
            throw new IllegalArgumentException("no learning rule is registered; install a rule bundle");
        }
        if (name == null) {
            return rules.stream().max(Comparator.comparingInt(Registered::ranking)).orElseThrow().rule();
        }
        Optional<Registered> match = rules.stream().filter(r -> r.name().equals(name)).findFirst();
        return match.orElseThrow(() -> new IllegalArgumentException("no learning rule named '" + name
                + "'; registered: " + rules.stream().map(Registered::name).sorted()
                        .collect(Collectors.joining(", ")))).rule();
    }
}
