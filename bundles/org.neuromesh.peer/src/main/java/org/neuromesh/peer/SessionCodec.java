package org.neuromesh.peer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.neuromesh.api.federation.GlobalState;
import org.neuromesh.api.federation.LocalContribution;
import org.neuromesh.api.federation.SessionPlan;
import org.neuromesh.api.peer.PeerId;

/**
 * The bodies of session messages and the payloads of session capsules, written with {@link DataOutputStream}.
 * Reading is strict: a short, long or inconsistent body is an {@link IOException} naming what it was.
 */
final class SessionCodec {

    /** Most bytes one model or modulation may take inside a capsule (the transport limits the whole). */
    private static final int MAX_BLOB = 256 << 20;

    private SessionCodec() {
    }

    /** A proposal: the plan and who aggregates. */
    record Proposal(SessionPlan plan, PeerId aggregator, int expectedMembers) {
    }

    /** A join or rejoin: the session and the last round this member holds (-1: none). */
    record Join(String sessionId, int lastRound) {
    }

    static byte[] proposal(Proposal proposal) {
        SessionPlan plan = proposal.plan();
        return write(out -> {
            out.writeUTF(plan.sessionId());
            out.writeUTF(plan.dataset());
            out.writeUTF(plan.rule());
            out.writeShort(plan.hidden().size());
            for (int width : plan.hidden()) {
                out.writeInt(width);
            }
            out.writeInt(plan.rounds());
            out.writeInt(plan.localSteps());
            out.writeInt(plan.batchSize());
            out.writeLong(plan.seed());
            out.writeDouble(plan.quorum());
            out.writeLong(plan.roundDeadline().toMillis());
            out.writeUTF(proposal.aggregator().value());
            out.writeInt(proposal.expectedMembers());
        });
    }

    static Proposal readProposal(byte[] body) throws IOException {
        return read(body, "session proposal", in -> {
            String id = in.readUTF();
            String dataset = in.readUTF();
            String rule = in.readUTF();
            int layers = in.readUnsignedShort();
            if (layers < 1 || layers > 16) {
                throw new IOException("session proposal declares " + layers + " hidden layers");
            }
            List<Integer> hidden = new ArrayList<>();
            for (int l = 0; l < layers; l++) {
                hidden.add(in.readInt());
            }
            SessionPlan plan = new SessionPlan(id, dataset, rule, hidden, in.readInt(), in.readInt(), in.readInt(),
                    in.readLong(), in.readDouble(), Duration.ofMillis(in.readLong()));
            return new Proposal(plan, new PeerId(in.readUTF()), in.readInt());
        });
    }

    static byte[] join(Join join) {
        return write(out -> {
            out.writeUTF(join.sessionId());
            out.writeInt(join.lastRound());
        });
    }

    static Join readJoin(byte[] body) throws IOException {
        return read(body, "session join", in -> new Join(in.readUTF(), in.readInt()));
    }

    static byte[] report(MemberReport report) {
        return write(out -> {
            out.writeUTF(report.sessionId());
            out.writeUTF(report.classes());
            out.writeDouble(report.accuracyAlone());
            out.writeDouble(report.accuracyTogether());
            out.writeLong(report.bytesSent());
            out.writeLong(report.bytesReceived());
        });
    }

    static MemberReport readReport(PeerId member, byte[] body) throws IOException {
        return read(body, "session report", in -> new MemberReport(member, in.readUTF(), in.readUTF(),
                in.readDouble(), in.readDouble(), in.readLong(), in.readLong()));
    }

    static byte[] globalState(String sessionId, GlobalState state) {
        return write(out -> {
            out.writeUTF(sessionId);
            out.writeInt(state.round());
            blob(out, state.model());
            blob(out, state.modulation());
        });
    }

    /** A global state with the session it belongs to. */
    record SessionState(String sessionId, GlobalState state) {
    }

    static SessionState readGlobalState(byte[] payload) throws IOException {
        return read(payload, "global state", in -> new SessionState(in.readUTF(),
                new GlobalState(in.readInt(), blob(in), blob(in))));
    }

    static byte[] contribution(String sessionId, LocalContribution contribution) {
        return write(out -> {
            out.writeUTF(sessionId);
            out.writeInt(contribution.round());
            out.writeLong(contribution.samples());
            out.writeDouble(contribution.meanLoss());
            blob(out, contribution.model());
            blob(out, contribution.modulation());
        });
    }

    /** A contribution with the session it belongs to. */
    record SessionContribution(String sessionId, LocalContribution contribution) {
    }

    static SessionContribution readContribution(byte[] payload) throws IOException {
        return read(payload, "round contribution", in -> {
            String id = in.readUTF();
            int round = in.readInt();
            long samples = in.readLong();
            double loss = in.readDouble();
            return new SessionContribution(id, new LocalContribution(round, blob(in), blob(in), samples, loss));
        });
    }

    private interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    private interface Reader<T> {
        T read(DataInputStream in) throws IOException;
    }

    private static byte[] write(Writer writer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            writer.write(out);
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return bytes.toByteArray();
    }

    private static <T> T read(byte[] bytes, String what, Reader<T> reader) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        try {
            T value = reader.read(in);
            if (in.read() != -1) {
                throw new IOException(what + " has unexpected bytes at its end");
            }
            return value;
        } catch (java.io.EOFException truncated) {
            throw new IOException(what + " is truncated", truncated);
        } catch (IllegalArgumentException invalid) {
            throw new IOException(what + " is invalid: " + invalid.getMessage(), invalid);
        }
    }

    private static void blob(DataOutputStream out, byte[] value) throws IOException {
        out.writeInt(value.length);
        out.write(value);
    }

    private static byte[] blob(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > MAX_BLOB || length > in.available()) {
            throw new IOException("a field declares " + length + " bytes but " + in.available() + " are left");
        }
        return in.readNBytes(length);
    }
}
