package org.poolinglab.sandbox;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Keeps the first {@code limit} bytes written to it and only counts the rest, so a flood of output
 * costs no memory and little time, and can still be reported.
 */
public final class CappedOutput extends OutputStream {

    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final int limit;
    private long written;

    public CappedOutput(int limit) {
        this.limit = limit;
    }

    @Override
    public synchronized void write(int b) {
        if (kept.size() < limit) {
            kept.write(b);
        }
        written++;
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        int room = Math.max(0, Math.min(length, limit - kept.size()));
        kept.write(bytes, offset, room);
        written += length;
    }

    /** Forgets everything written so far. */
    public synchronized void reset() {
        kept.reset();
        written = 0;
    }

    /** Whether nothing more is kept. */
    public synchronized boolean isFull() {
        return kept.size() >= limit;
    }

    /** Counts {@code bytes} more written, without keeping them. */
    public synchronized void count(long bytes) {
        written += bytes;
    }

    /** How many bytes were written in all, kept or not. */
    public synchronized long written() {
        return written;
    }

    /** What was kept, as it was written. */
    public synchronized String kept() {
        return kept.toString(StandardCharsets.UTF_8);
    }

    /** What was kept, and a last line saying how much was cut when something was. */
    public synchronized String text() {
        String text = kept.toString(StandardCharsets.UTF_8);
        if (written == kept.size()) {
            return text;
        }
        return text + (text.endsWith("\n") ? "" : "\n") + "[output cut: " + size(written) + " printed, only the first "
                + size(kept.size()) + " kept]";
    }

    /** A byte count for people: "812 bytes", "4.0 KB", "93.4 MB". */
    public static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
