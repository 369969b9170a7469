package org.neuromesh.ui.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The undo history of an editor's state (any immutable value, e.g. an {@link ExperimentFile}): edits, undo, redo,
 * and whether the state is the one last saved. Consecutive edits of the same field (typing a number) are one step,
 * so that undo takes back the whole value.
 *
 * @param <T> the state; immutable, compared with {@code equals}
 */
public final class EditHistory<T> {

    private final List<T> states = new ArrayList<>();
    private int current;
    /** The index of the saved state, or -1 when no state in the history is the saved one any more. */
    private int saved;
    /** The field of the last edit while it can still grow, or null once undone, redone or saved. */
    private String lastField;

    /** A history whose only state is {@code saved}, which is also what is saved. */
    public EditHistory(T saved) {
        states.add(Objects.requireNonNull(saved, "saved"));
        this.saved = 0;
    }

    public T current() {
        return states.get(current);
    }

    /**
     * Makes {@code next} the current state, one step after the current one (or the same step if it continues typing
     * into {@code field}); forgets what could be redone. An edit to an equal state is no step.
     */
    public void edit(String field, T next) {
        Objects.requireNonNull(next, "next");
        if (next.equals(current())) {
            return;
        }
        states.subList(current + 1, states.size()).clear();
        if (saved > current) {
            saved = -1; // the saved state was only reachable by redo
        }
        boolean continues = field != null && field.equals(lastField) && current > 0 && saved != current;
        if (continues) {
            states.set(current, next);
        } else {
            states.add(next);
            current++;
        }
        lastField = field;
    }

    public boolean canUndo() {
        return current > 0;
    }

    public boolean canRedo() {
        return current < states.size() - 1;
    }

    /** Goes one step back and returns the state there. */
    public T undo() {
        if (!canUndo()) {
            throw new IllegalStateException("nothing to undo");
        }
        current--;
        lastField = null;
        return current();
    }

    /** Goes one step forward again and returns the state there. */
    public T redo() {
        if (!canRedo()) {
            throw new IllegalStateException("nothing to redo");
        }
        current++;
        lastField = null;
        return current();
    }

    /** The current state was saved. */
    public void saved() {
        saved = current;
        lastField = null;
    }

    /** Whether the current state differs from the one last saved. */
    public boolean isDirty() {
        return saved != current;
    }
}
