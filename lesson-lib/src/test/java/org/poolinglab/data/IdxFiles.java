package org.poolinglab.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Small IDX files written byte by byte, so each test can make exactly the file it needs. */
final class IdxFiles {

    static final int IMAGE_PIXELS = FashionMnist.SIDE * FashionMnist.SIDE;

    private IdxFiles() {
    }

    /** An IDX file's bytes: magic {@code 0x0000}, the type, the number of dimensions, each dimension big-endian, the values. */
    static byte[] idx(int type, int[] dimensions, byte[] values) {
        ByteBuffer bytes = ByteBuffer.allocate(4 + 4 * dimensions.length + values.length);
        bytes.put((byte) 0).put((byte) 0).put((byte) type).put((byte) dimensions.length);
        for (int size : dimensions) {
            bytes.putInt(size);
        }
        return bytes.put(values).array();
    }

    /** An IDX file of unsigned bytes. */
    static byte[] idx(int[] dimensions, byte[] values) {
        return idx(IdxFile.UNSIGNED_BYTE, dimensions, values);
    }

    /** {@code count} images of 28x28 whose pixel {@code p} of image {@code i} is {@code (7 * i + p) % 256}. */
    static byte[] images(int count) {
        byte[] pixels = new byte[count * IMAGE_PIXELS];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (7 * (i / IMAGE_PIXELS) + i % IMAGE_PIXELS);
        }
        return idx(new int[] {count, FashionMnist.SIDE, FashionMnist.SIDE}, pixels);
    }

    static byte[] labels(int... labels) {
        byte[] values = new byte[labels.length];
        for (int i = 0; i < labels.length; i++) {
            values[i] = (byte) labels[i];
        }
        return idx(new int[] {labels.length}, values);
    }

    static byte[] gzip(byte[] raw) {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(compressed)) {
            out.write(raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return compressed.toByteArray();
    }

    static Path write(Path file, byte[] bytes) {
        try {
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code raw} gzip-compressed, as the official files are. */
    static Path writeGzip(Path file, byte[] raw) {
        return write(file, gzip(raw));
    }
}
