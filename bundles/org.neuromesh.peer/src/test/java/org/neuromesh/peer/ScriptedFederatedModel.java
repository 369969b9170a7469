package org.neuromesh.peer;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.neuromesh.api.federation.Evaluation;
import org.neuromesh.api.federation.FederatedModel;
import org.neuromesh.api.federation.GlobalState;
import org.neuromesh.api.federation.LocalContribution;
import org.neuromesh.api.federation.LocalData;
import org.neuromesh.api.federation.SessionPlan;

/**
 * A test double of the learner for the session protocol: a "model" is one byte, the round it stands for; merging
 * checks that every contribution belongs to the next round. Real learning is tested in the learner bundle and the
 * demo product test; this double lets the protocol's timing (quorum, deadline, rejoin) be tested quickly.
 */
final class ScriptedFederatedModel implements FederatedModel {

    final AtomicInteger rounds = new AtomicInteger();
    final AtomicInteger merges = new AtomicInteger();
    private final Set<Integer> classes;
    private volatile boolean silent;
    private volatile long trainMillis;
    private volatile long claimedSamples = 100;

    ScriptedFederatedModel(Integer... classes) {
        this.classes = new TreeSet<>(List.of(classes));
    }

    /** A silent member receives global states but never sends a contribution, like a peer that hangs. */
    void silence(boolean value) {
        silent = value;
    }

    /** Each contribution claims to have trained on this many samples (100 unless changed). */
    void claim(long samples) {
        claimedSamples = samples;
    }

    /** Each round's training takes this long, like real training does. */
    void slow(long millis) {
        trainMillis = millis;
    }

    @Override
    public LocalData localData() {
        return new LocalData("mnist", new TreeSet<>(classes), 100, 10);
    }

    @Override
    public GlobalState start(SessionPlan plan) {
        return new GlobalState(0, new byte[] {0}, new byte[0]);
    }

    @Override
    public LocalContribution train(SessionPlan plan, GlobalState global, BooleanSupplier stop) throws IOException {
        if (silent) {
            throw new IOException("this test member is silent");
        }
        if (trainMillis > 0) {
            try {
                Thread.sleep(trainMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
        rounds.incrementAndGet();
        return new LocalContribution(global.round() + 1, new byte[] {(byte) (global.round() + 1)}, new byte[0],
                claimedSamples, 0.5);
    }

    @Override
    public GlobalState merge(SessionPlan plan, GlobalState previous, List<LocalContribution> contributions,
            int members) throws IOException {
        for (LocalContribution c : contributions) {
            if (c.model()[0] != previous.round() + 1) {
                throw new IOException("a contribution for round " + c.model()[0] + " in round " + (previous.round() + 1));
            }
        }
        merges.incrementAndGet();
        return new GlobalState(previous.round() + 1, new byte[] {(byte) (previous.round() + 1)}, new byte[0]);
    }

    @Override
    public Evaluation evaluate(SessionPlan plan, byte[] model) {
        return new Evaluation(model[0] / 10.0, new double[0], 10);
    }

    @Override
    public byte[] trainAlone(SessionPlan plan, int maxPasses, BooleanSupplier stop) {
        return new byte[] {1};
    }
}
