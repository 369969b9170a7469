package org.neuromesh.api.network;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What a local peer holds and does when it starts.
 *
 * @param name           the name it shows to other peers: 1-32 letters, digits, '-' or '_'
 * @param dataset        its local data set, {@code mnist} or {@code fashion-mnist}
 * @param classes        the classes of that data set it keeps (non-IID data, as on a real device); empty: all
 * @param ownModelHidden hidden layer widths of the own model it trains before it reports ready (the model it lends
 *                       nodes from); empty: it trains none
 * @param ownModelEpochs epochs of that training, at least 1
 * @since 1.2
 */
public record LocalPeerPlan(String name, String dataset, Set<Integer> classes, List<Integer> ownModelHidden,
        int ownModelEpochs) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,32}");

    public LocalPeerPlan {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a local peer's name is 1-32 letters, digits, '-' or '_', not '"
                    + name + "'");
        }
        if (!"mnist".equals(dataset) && !"fashion-mnist".equals(dataset)) {
            throw new IllegalArgumentException("a local peer holds mnist or fashion-mnist, not '" + dataset + "'");
        }
        classes = java.util.Collections.unmodifiableSet(new TreeSet<>(classes));
        ownModelHidden = List.copyOf(ownModelHidden);
        if (classes.stream().anyMatch(c -> c < 0 || c > 9)) {
            throw new IllegalArgumentException("classes are 0-9, not " + classes);
        }
        if (ownModelEpochs < 1 || ownModelHidden.stream().anyMatch(w -> w < 1 || w > 4096)) {
            throw new IllegalArgumentException("an own model needs at least 1 epoch and hidden widths of 1-4096; got "
                    + ownModelEpochs + " epochs, hidden " + ownModelHidden);
        }
    }
}
