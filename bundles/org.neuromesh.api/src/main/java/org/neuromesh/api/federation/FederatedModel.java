package org.neuromesh.api.federation;

import java.io.IOException;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The local side of a collaborative session: trains on this peer's own data and merges members' contributions.
 * Registered with {@value #NAME_PROPERTY} naming the implementation. Thread-safe; one session at a time may train.
 */
@ConsumerType
public interface FederatedModel {

    /** Service property naming the implementation. */
    String NAME_PROPERTY = "neuromesh.federated";

    /** What this peer can contribute: its data set kind, the classes it holds and how many samples. */
    LocalData localData();

    /** The common start of a session: the same plan gives the same bytes on every peer. */
    GlobalState start(SessionPlan plan) throws IOException;

    /**
     * Trains from {@code global} on local data for the plan's local steps.
     *
     * @param stop polled between batches; training ends early when it returns true
     * @throws IOException if the global state cannot be read (named) or the local data is missing
     */
    LocalContribution train(SessionPlan plan, GlobalState global, BooleanSupplier stop) throws IOException;

    /**
     * Merges the contributions of one round into the next global state.
     *
     * @param members number of members of the session, including those that did not contribute this round
     * @throws IOException naming the contribution that cannot be read or does not fit
     */
    GlobalState merge(SessionPlan plan, GlobalState previous, List<LocalContribution> contributions, int members)
            throws IOException;

    /** Accuracy of a model (global or local) on this peer's test data. */
    Evaluation evaluate(SessionPlan plan, byte[] model) throws IOException;

    /**
     * A model trained on local data alone, with the plan's network, rule and seed, for the plan's total number of
     * local batches but at most {@code maxPasses} passes over the local data: the baseline a member reaches without
     * the session, or, on a peer holding all data, the centralised reference.
     */
    byte[] trainAlone(SessionPlan plan, int maxPasses, BooleanSupplier stop) throws IOException;

    /** Lets the model forget what it kept for a session (optimiser state, drift, data position). */
    default void sessionEnded(String sessionId) {
    }
}
