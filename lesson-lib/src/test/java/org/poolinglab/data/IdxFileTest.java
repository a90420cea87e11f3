package org.poolinglab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.poolinglab.FeatureMapAssertions.assertRejected;
import static org.poolinglab.data.IdxFiles.gzip;
import static org.poolinglab.data.IdxFiles.idx;
import static org.poolinglab.data.IdxFiles.write;
import static org.poolinglab.data.IdxFiles.writeGzip;

import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("IdxFile")
class IdxFileTest {

    @TempDir
    Path folder;

    private Path file() {
        return folder.resolve("data-idx-ubyte.gz");
    }

    @Nested
    @DisplayName("reads")
    class Reads {

        @Test
        void dimensionsBigEndianAndValuesRowMajor() {
            // 300 = 0x0000012C: read little-endian it would be 0x2C010000, far more than the file holds.
            byte[] values = new byte[2 * 300];
            for (int i = 0; i < values.length; i++) {
                values[i] = (byte) (i * 31);
            }
            IdxFile read = IdxFile.read(writeGzip(file(), idx(new int[] {2, 300}, values)));
            assertArrayEquals(new int[] {2, 300}, read.dimensions);
            assertArrayEquals(values, read.values);
        }

        @Test
        void aFileOfNoValues() {
            IdxFile read = IdxFile.read(writeGzip(file(), idx(new int[] {0}, new byte[0])));
            assertArrayEquals(new int[] {0}, read.dimensions);
            assertArrayEquals(new byte[0], read.values);
        }
    }

    @Nested
    @DisplayName("rejects, naming the file and what is wrong,")
    class Rejects {

        @Test
        void aMissingFile() {
            assertRejected(() -> IdxFile.read(file()), file().toString(), "does not exist");
        }

        @Test
        void aFileThatIsNotGzip() {
            write(file(), idx(new int[] {3}, new byte[] {1, 2, 3}));
            assertRejected(() -> IdxFile.read(file()), file().toString(), "is not a gzip file", "Not in GZIP format");
        }

        @Test
        void anEmptyFile() {
            write(file(), new byte[0]);
            assertRejected(() -> IdxFile.read(file()), file().toString(), "is not a gzip file (it is empty)");
        }

        @Test
        void aMagicNumberThatDoesNotStartWithTwoZeroBytes() {
            writeGzip(file(), new byte[] {0x12, 0x34, 0x08, 0x01, 0, 0, 0, 0});
            assertRejected(() -> IdxFile.read(file()), file().toString(),
                    "magic number must start with two zero bytes but was 0x12340801");
        }

        @ParameterizedTest(name = "type 0x{0}: {1}")
        @CsvSource({
            "09, signed bytes (type 0x09)",
            "0D, 32-bit floats (type 0x0D)",
            "07, an unknown type 0x07"})
        void valuesThatAreNotUnsignedBytes(String type, String named) {
            writeGzip(file(), idx(Integer.parseInt(type, 16), new int[] {1}, new byte[] {1}));
            assertRejected(() -> IdxFile.read(file()), file().toString(), "holds " + named,
                    "magic number 0x0000" + type + "01", "must hold unsigned bytes (type 0x08)");
        }

        @Test
        void noDimensions() {
            writeGzip(file(), idx(new int[0], new byte[0]));
            assertRejected(() -> IdxFile.read(file()), "must have at least 1 dimension but its magic number says 0");
        }

        @Test
        void aNegativeDimension() {
            writeGzip(file(), idx(new int[] {-1}, new byte[0]));
            assertRejected(() -> IdxFile.read(file()), "dimension 0 must be >= 0 but was -1");
        }

        @Test
        void dimensionsTooLargeForAnArray() {
            writeGzip(file(), idx(new int[] {65536, 65536}, new byte[0]));
            assertRejected(() -> IdxFile.read(file()), "announces 4294967296 values (65536x65536)");
        }

        @Test
        void aFileThatEndsInsideTheMagicNumber() {
            writeGzip(file(), new byte[] {0, 0});
            assertRejected(() -> IdxFile.read(file()), file().toString(),
                    "is truncated: it ends inside the 4-byte magic number after 2 bytes");
        }

        @Test
        void aFileThatEndsInsideItsDimensions() {
            byte[] header = idx(new int[] {3, 28, 28}, new byte[0]);
            writeGzip(file(), Arrays.copyOf(header, header.length - 2));
            assertRejected(() -> IdxFile.read(file()), file().toString(),
                    "is truncated: it ends inside its header, which announces 3 dimensions");
        }

        @Test
        void fewerValuesThanItsHeaderAnnounces() {
            byte[] full = idx(new int[] {10}, new byte[10]);
            writeGzip(file(), Arrays.copyOf(full, full.length - 3));
            assertRejected(() -> IdxFile.read(file()), file().toString(),
                    "is truncated: its header announces 10 values (10) but it holds only 7");
        }

        @Test
        void moreValuesThanItsHeaderAnnounces() {
            byte[] header = idx(new int[] {3}, new byte[0]);
            byte[] tooLong = Arrays.copyOf(header, header.length + 4);
            writeGzip(file(), tooLong);
            assertRejected(() -> IdxFile.read(file()), file().toString(),
                    "holds more than the 3 values its header announces (3)");
        }

        @Test
        void gzipDataCutShort() {
            byte[] compressed = gzip(idx(new int[] {2, 300}, new byte[600]));
            write(file(), Arrays.copyOf(compressed, compressed.length - 12));
            assertRejected(() -> IdxFile.read(file()), file().toString(), "is truncated: its gzip data ends early");
        }

        @Test
        void gzipDataWhoseChecksumDoesNotMatch() {
            byte[] compressed = gzip(idx(new int[] {3}, new byte[] {1, 2, 3}));
            compressed[compressed.length - 8] ^= 0xFF;   // the CRC-32 of the uncompressed bytes, in the gzip trailer
            write(file(), compressed);
            assertRejected(() -> IdxFile.read(file()), file().toString(), "is a damaged gzip file");
        }
    }
}
