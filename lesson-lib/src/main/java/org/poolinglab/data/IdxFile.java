package org.poolinglab.data;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * One gzip-compressed IDX file of unsigned bytes, the format of MNIST and Fashion-MNIST. After
 * decompression an IDX file is a header and then the values, row-major:
 * <pre>
 *   bytes 0-1   0x00 0x00                      the magic number starts with two zero bytes,
 *   byte  2     0x08                           then the type of the values (0x08: unsigned byte)
 *   byte  3     d                              and the number of dimensions;
 *   d x 4 bytes the size of each dimension     a 32-bit integer, big-endian (most significant byte first);
 *   then        the values                     the last dimension changes fastest.
 * </pre>
 * Fashion-MNIST's images are {@code 0x00000803} (unsigned bytes, 3 dimensions: N x 28 x 28), its
 * labels {@code 0x00000801} (N). Each problem is an {@link IllegalArgumentException} that names the
 * file and what is wrong.
 */
final class IdxFile {

    static final int UNSIGNED_BYTE = 0x08;
    private static final int BUFFER_SIZE = 1 << 16;

    /** The size of each dimension, e.g. {@code {60000, 28, 28}}. */
    final int[] dimensions;
    /** Every value, row-major; read them as unsigned ({@code value & 0xFF}). */
    final byte[] values;

    private IdxFile(int[] dimensions, byte[] values) {
        this.dimensions = dimensions;
        this.values = values;
    }

    /** Reads a gzip-compressed IDX file of unsigned bytes. */
    static IdxFile read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw problem(file, "does not exist");
        }
        try (InputStream compressed = Files.newInputStream(file);
                InputStream in = gunzip(file, compressed)) {
            return read(file, in);
        } catch (EOFException e) {
            throw problem(file, "is truncated: its gzip data ends early (" + e.getMessage() + ")");
        } catch (ZipException e) {
            throw problem(file, "is a damaged gzip file (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new UncheckedIOException(file + " could not be read: " + e, e);
        }
    }

    private static InputStream gunzip(Path file, InputStream compressed) throws IOException {
        try {
            return new GZIPInputStream(compressed, BUFFER_SIZE);
        } catch (ZipException | EOFException e) {
            throw problem(file, "is not a gzip file (" + (Files.size(file) == 0 ? "it is empty" : e.getMessage())
                    + "); the official files are the .gz ones");
        }
    }

    private static IdxFile read(Path file, InputStream in) throws IOException {
        byte[] start = in.readNBytes(4);
        if (start.length < 4) {
            throw problem(file, "is truncated: it ends inside the 4-byte magic number after " + start.length + " bytes");
        }
        if (start[0] != 0 || start[1] != 0) {
            throw problem(file, "is not an IDX file: its magic number must start with two zero bytes but was 0x"
                    + hex(start));
        }
        int type = start[2] & 0xFF;
        if (type != UNSIGNED_BYTE) {
            throw problem(file, "holds " + typeName(type) + " (magic number 0x" + hex(start)
                    + ") but must hold unsigned bytes (type 0x08)");
        }
        int[] dimensions = readDimensions(file, in, start[3] & 0xFF);
        long count = 1;
        for (int size : dimensions) {
            count *= size;
        }
        if (count > Integer.MAX_VALUE - 8) {
            throw problem(file, "announces " + count + " values (" + describe(dimensions) + "), more than a Java array holds");
        }
        byte[] values = in.readNBytes((int) count);
        if (values.length < count) {
            throw problem(file, "is truncated: its header announces " + count + " values (" + describe(dimensions)
                    + ") but it holds only " + values.length);
        }
        if (in.read() != -1) {
            throw problem(file, "holds more than the " + count + " values its header announces (" + describe(dimensions) + ")");
        }
        return new IdxFile(dimensions, values);
    }

    private static int[] readDimensions(Path file, InputStream in, int count) throws IOException {
        if (count < 1) {
            throw problem(file, "must have at least 1 dimension but its magic number says " + count);
        }
        byte[] header = in.readNBytes(4 * count);
        if (header.length < 4 * count) {
            throw problem(file, "is truncated: it ends inside its header, which announces " + count + " dimensions");
        }
        ByteBuffer bigEndian = ByteBuffer.wrap(header);  // a ByteBuffer reads big-endian unless told otherwise
        int[] dimensions = new int[count];
        for (int i = 0; i < count; i++) {
            dimensions[i] = bigEndian.getInt();
            if (dimensions[i] < 0) {
                throw problem(file, "dimension " + i + " must be >= 0 but was " + dimensions[i]);
            }
        }
        return dimensions;
    }

    /** Sizes written the house way, e.g. {@code 60000x28x28}. */
    static String describe(int[] dimensions) {
        StringBuilder text = new StringBuilder();
        for (int size : dimensions) {
            text.append(text.length() == 0 ? "" : "x").append(size);
        }
        return text.toString();
    }

    private static String typeName(int type) {
        return switch (type) {
            case 0x09 -> "signed bytes (type 0x09)";
            case 0x0B -> "16-bit integers (type 0x0B)";
            case 0x0C -> "32-bit integers (type 0x0C)";
            case 0x0D -> "32-bit floats (type 0x0D)";
            case 0x0E -> "64-bit floats (type 0x0E)";
            default -> String.format("an unknown type 0x%02X (IDX types are 0x08, 0x09, 0x0B to 0x0E)", type);
        };
    }

    private static String hex(byte[] bytes) {
        StringBuilder text = new StringBuilder();
        for (byte b : bytes) {
            text.append(String.format("%02X", b & 0xFF));
        }
        return text.toString();
    }

    static IllegalArgumentException problem(Path file, String what) {
        return new IllegalArgumentException(file + " " + what);
    }
}
