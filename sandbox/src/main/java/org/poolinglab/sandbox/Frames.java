package org.poolinglab.sandbox;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The pipe between the grader and an answer's process carries frames: a length, then that many
 * bytes. A frame starts with its kind; {@link #REQUEST} goes to the answer's process, the others come
 * back. Reading a frame never takes more than {@link #MAX_BYTES}.
 */
public final class Frames {

    /** The grader asks for one call of an answer. */
    public static final byte REQUEST = 1;
    /** The answer's process has started and waits for requests. */
    public static final byte READY = 2;
    /** What a call did: its value or exception, the arguments afterwards, what it printed. */
    public static final byte REPLY = 3;
    /** The answer called {@code System.exit}: the process is ending. */
    public static final byte SHUTDOWN = 4;

    /** The largest frame either side reads: 64 MB, eight million numbers. */
    public static final int MAX_BYTES = 64 << 20;

    private Frames() {
    }

    /** Writes one frame and flushes it. */
    public static void write(OutputStream out, byte[] frame) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        data.writeInt(frame.length);
        data.write(frame);
        data.flush();
    }

    /** Reads one frame; null at the end of the stream. */
    public static DataInputStream read(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        int length;
        try {
            length = data.readInt();
        } catch (EOFException e) {
            return null;
        }
        if (length < 1 || length > MAX_BYTES) {
            throw new Wire.WireException("a frame of " + length + " bytes (at most " + MAX_BYTES + ")");
        }
        byte[] frame = new byte[length];
        data.readFully(frame);
        return new DataInputStream(new ByteArrayInputStream(frame));
    }

    /** A frame being written: its kind first. */
    public static final class Builder {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final DataOutputStream out = new DataOutputStream(bytes);

        public Builder(byte kind) throws IOException {
            out.writeByte(kind);
        }

        public DataOutputStream out() {
            return out;
        }

        public byte[] bytes() throws IOException {
            out.flush();
            return bytes.toByteArray();
        }
    }
}
