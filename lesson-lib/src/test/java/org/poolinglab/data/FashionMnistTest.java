package org.poolinglab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.poolinglab.FeatureMapAssertions.assertRejected;
import static org.poolinglab.data.IdxFiles.idx;
import static org.poolinglab.data.IdxFiles.images;
import static org.poolinglab.data.IdxFiles.labels;
import static org.poolinglab.data.IdxFiles.write;
import static org.poolinglab.data.IdxFiles.writeGzip;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poolinglab.FeatureMap;

@DisplayName("FashionMnist, on small files the tests write")
class FashionMnistTest {

    @TempDir
    Path folder;

    /** Three training images labelled 9, 0, 3 and two test images labelled 1, 8, in the official file names. */
    @BeforeEach
    void writeTheFourFiles() {
        writeGzip(folder.resolve("train-images-idx3-ubyte.gz"), images(3));
        writeGzip(folder.resolve("train-labels-idx1-ubyte.gz"), labels(9, 0, 3));
        writeGzip(folder.resolve("t10k-images-idx3-ubyte.gz"), images(2));
        writeGzip(folder.resolve("t10k-labels-idx1-ubyte.gz"), labels(1, 8));
    }

    private Path train(String kind) {
        return folder.resolve("train-" + kind + ".gz");
    }

    @Nested
    @DisplayName("reads")
    class Reads {

        @Test
        void eachSetsImagesAsNByOneBy28By28() {
            assertArrayEquals(new int[] {3, 1, 28, 28}, FashionMnist.train(folder).images().shape());
            assertArrayEquals(new int[] {2, 1, 28, 28}, FashionMnist.test(folder).images().shape());
        }

        @Test
        void eachPixelAsItsUnsignedByteOver255RowAfterRow() {
            FeatureMap images = FashionMnist.train(folder).images();
            for (int n = 0; n < 3; n++) {
                for (int h = 0; h < 28; h++) {
                    for (int w = 0; w < 28; w++) {
                        int pixel = (7 * n + h * 28 + w) % 256;   // as IdxFiles.images writes it
                        assertEquals(pixel / 255f, images.get(n, 0, h, w), "image " + n + " pixel " + h + ", " + w);
                    }
                }
            }
            assertEquals(0f, images.get(0, 0, 0, 0));
            assertEquals(1f, images.get(0, 0, 9, 3));   // byte 255 (9 * 28 + 3), not -1
        }

        @Test
        void theLabelsAndTheirClassNames() {
            LabelledImages train = FashionMnist.train(folder);
            assertArrayEquals(new int[] {9, 0, 3}, train.labels());
            assertEquals("Ankle boot", train.labelName(0));
            assertEquals("T-shirt/top", train.labelName(1));
            assertEquals("Dress", train.labelName(2));
            assertArrayEquals(new int[] {1, 8}, FashionMnist.test(folder).labels());
            assertEquals(FashionMnist.CLASS_NAMES, train.classNames());
        }

        @Test
        void fromTheFolderTheVariableNamesOrElseDebiansFolder() {
            assertEquals(Path.of("/data/fashion"), FashionMnist.folder("/data/fashion"));
            assertEquals(Path.of("/usr/share/datasets/fashion-mnist"), FashionMnist.folder(null));
            assertEquals(FashionMnist.DEBIAN_FOLDER, FashionMnist.folder(" "));
        }
    }

    @Nested
    @DisplayName("rejects, naming the path and what is wrong,")
    class Rejects {

        @Test
        void aMissingFolderAndSaysHowToGetTheData() {
            Path missing = folder.resolve("nowhere");
            assertRejected(() -> FashionMnist.train(missing), "Fashion-MNIST folder " + missing + " does not exist",
                    "dataset-fashion-mnist", "set FASHION_MNIST_DIR to a folder holding the four files",
                    "train-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz");
        }

        @Test
        void aFileInPlaceOfTheFolder() {
            Path file = folder.resolve("train-labels-idx1-ubyte.gz");
            assertRejected(() -> FashionMnist.test(file), file + " is not a folder");
        }

        @Test
        void aMissingFile() throws IOException {
            Files.delete(folder.resolve("t10k-labels-idx1-ubyte.gz"));
            assertRejected(() -> FashionMnist.test(folder),
                    "Fashion-MNIST folder " + folder + " has no file t10k-labels-idx1-ubyte.gz");
        }

        @Test
        void aTruncatedFile() {
            byte[] full = images(3);
            writeGzip(train("images-idx3-ubyte"), Arrays.copyOf(full, full.length - 100));
            assertRejected(() -> FashionMnist.train(folder), train("images-idx3-ubyte") + " is truncated");
        }

        @Test
        void aFileThatIsNotGzip() {
            write(train("labels-idx1-ubyte"), labels(9, 0, 3));
            assertRejected(() -> FashionMnist.train(folder), train("labels-idx1-ubyte") + " is not a gzip file");
        }

        @Test
        void imagesThatAreNot28By28() {
            writeGzip(train("images-idx3-ubyte"), idx(new int[] {3, 28, 27}, new byte[3 * 28 * 27]));
            assertRejected(() -> FashionMnist.train(folder), train("images-idx3-ubyte").toString(),
                    "must hold N images of 28x28 pixels (dimensions Nx28x28) but its dimensions are 3x28x27");
        }

        @Test
        void aLabelsFileInPlaceOfTheImages() {
            writeGzip(train("images-idx3-ubyte"), labels(9, 0, 3));
            assertRejected(() -> FashionMnist.train(folder), train("images-idx3-ubyte").toString(),
                    "but its dimensions are 3");
        }

        @Test
        void anImagesFileInPlaceOfTheLabels() {
            writeGzip(train("labels-idx1-ubyte"), images(3));
            assertRejected(() -> FashionMnist.train(folder), train("labels-idx1-ubyte").toString(),
                    "must hold one label per image (1 dimension) but its dimensions are 3x28x28");
        }

        @Test
        void noImages() {
            writeGzip(train("images-idx3-ubyte"), idx(new int[] {0, 28, 28}, new byte[0]));
            writeGzip(train("labels-idx1-ubyte"), labels());
            assertRejected(() -> FashionMnist.train(folder), "must hold at least 1 image but holds 0");
        }

        @Test
        void moreLabelsThanImages() {
            writeGzip(train("labels-idx1-ubyte"), labels(9, 0, 3, 4));
            assertRejected(() -> FashionMnist.train(folder), train("labels-idx1-ubyte").toString(),
                    "must hold one label per image of train-images-idx3-ubyte.gz (3) but holds 4");
        }

        @Test
        void aLabelOutsideTheTenClasses() {
            writeGzip(train("labels-idx1-ubyte"), labels(9, 0, 10));
            assertRejected(() -> FashionMnist.train(folder), train("labels-idx1-ubyte").toString(),
                    "label 2 must be in [0, 9] (ten classes) but was 10");
        }

        @Test
        void aLabelAbove127AsItsUnsignedValue() {
            writeGzip(train("labels-idx1-ubyte"), labels(9, 200, 3));
            assertRejected(() -> FashionMnist.train(folder), "label 1 must be in [0, 9] (ten classes) but was 200");
        }
    }
}
