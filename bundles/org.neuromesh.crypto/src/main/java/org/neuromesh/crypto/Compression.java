package org.neuromesh.crypto;

import java.io.ByteArrayOutputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

import org.neuromesh.api.security.RejectedMessageException;
import org.neuromesh.api.security.RejectionReason;

/** Deflate (zlib format) for capsule content, and inflation that stops at a hard output limit. */
final class Compression {

    private static final int CHUNK = 64 * 1024;

    private Compression() {
    }

    static byte[] deflate(byte[] plain) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION);
        try {
            deflater.setInput(plain);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, plain.length / 2));
            byte[] chunk = new byte[CHUNK];
            while (!deflater.finished()) {
                out.write(chunk, 0, deflater.deflate(chunk));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    /**
     * Inflates one complete zlib stream, refusing to produce more than {@code maxBytes}: a decompression bomb
     * costs at most {@code maxBytes} of memory and the time to inflate them.
     *
     * @param what names the message in rejections
     *
     * @throws RejectedMessageException {@link RejectionReason#UNREADABLE} if the stream is corrupt, incomplete,
     *         followed by other bytes, or inflates beyond the limit
     */
    static byte[] inflate(byte[] compressed, int maxBytes, String what) throws RejectedMessageException {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(compressed);
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(maxBytes, Math.max(64,
                    compressed.length * 4)));
            byte[] chunk = new byte[CHUNK];
            while (!inflater.finished()) {
                int produced = inflater.inflate(chunk);
                if (produced == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw unreadable(what, "its compressed content ends early or needs a preset dictionary");
                }
                if (out.size() + produced > maxBytes) {
                    throw unreadable(what, "its content inflates beyond the limit of " + maxBytes + " bytes");
                }
                out.write(chunk, 0, produced);
            }
            if (inflater.getRemaining() > 0) {
                throw unreadable(what, inflater.getRemaining() + " bytes follow its compressed content");
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw unreadable(what, "its compressed content is corrupt (" + e.getMessage() + ")");
        } finally {
            inflater.end();
        }
    }

    private static RejectedMessageException unreadable(String what, String problem) {
        return new RejectedMessageException(RejectionReason.UNREADABLE, what + ": " + problem);
    }
}
