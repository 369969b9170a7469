package org.neuromesh.peer;

import java.io.IOException;

/** The body of {@code signal.error}: value, urgency, topic. Reading is strict (see {@link BodyCodec}). */
final class SignalCodec {

    private SignalCodec() {
    }

    /** A signal as sent: what the receiver adds (sender, time) is not in the body. */
    record Body(double value, double urgency, String topic) {
        Body {
            ErrorSignal.check(value, urgency, topic);
        }
    }

    static byte[] write(Body body) {
        return BodyCodec.write(out -> {
            out.writeDouble(body.value());
            out.writeDouble(body.urgency());
            out.writeUTF(body.topic());
        });
    }

    static Body read(byte[] bytes) throws IOException {
        return BodyCodec.read(bytes, "error signal", in -> new Body(in.readDouble(), in.readDouble(), in.readUTF()));
    }
}
