package org.poolinglab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.Assumptions;

/**
 * The four real files, from {@code FASHION_MNIST_DIR} or Debian's {@code dataset-fashion-mnist}
 * ({@code ./lab setup} installs it, so {@code ./lab test} always runs this). The expected figures are the
 * data set's documentation's: 60,000 training and 10,000 test images of 28x28 pixels in ten classes of
 * 7,000 each (6,000 for training, 1,000 for testing) (Xiao, Rasul and Vollgraf, "Fashion-MNIST",
 * arXiv:1708.07747, and the README at github.com/zalandoresearch/fashion-mnist).
 */
@DisplayName("FashionMnist, on the real files")
@TestInstance(Lifecycle.PER_CLASS)
class FashionMnistRealFilesTest {

    private LabelledImages train;
    private LabelledImages test;

    @BeforeAll
    void readAllFourFiles() {
        Assumptions.assumeTrue(System.getenv(FashionMnist.FOLDER_VARIABLE) != null
                        || Files.isDirectory(FashionMnist.DEBIAN_FOLDER),
                () -> "skipped: the real Fashion-MNIST files are not here (" + FashionMnist.FOLDER_VARIABLE
                        + " is not set and " + FashionMnist.DEBIAN_FOLDER + " does not exist); ./lab setup installs them");
        train = FashionMnist.train();
        test = FashionMnist.test();
    }

    @Test
    void holds60000TrainingAnd10000TestImagesOf28By28() {
        assertArrayEquals(new int[] {60_000, 1, 28, 28}, train.images().shape());
        assertArrayEquals(new int[] {10_000, 1, 28, 28}, test.images().shape());
        assertEquals(60_000, train.labels().length);
        assertEquals(10_000, test.labels().length);
    }

    @Test
    void hasSixThousandTrainingAndOneThousandTestImagesPerClass() {
        int[] sixThousand = new int[10];
        int[] oneThousand = new int[10];
        Arrays.fill(sixThousand, 6_000);
        Arrays.fill(oneThousand, 1_000);
        assertArrayEquals(sixThousand, train.countPerClass());
        assertArrayEquals(oneThousand, test.countPerClass());
    }

    @Test
    void pixelsRunFromZeroToOneInStepsOfOneOver255() {
        for (LabelledImages set : new LabelledImages[] {train, test}) {
            float min = Float.POSITIVE_INFINITY;
            float max = Float.NEGATIVE_INFINITY;
            for (float pixel : set.images().toFloatArray()) {
                min = Math.min(min, pixel);
                max = Math.max(max, pixel);
                float steps = pixel * 255;
                assertTrue(Math.abs(steps - Math.round(steps)) < 1e-3, () -> "pixel " + pixel + " is not k/255");
            }
            assertEquals(0f, min, set.toString());
            assertEquals(1f, max, set.toString());
        }
    }

    @Test
    void theFirstTestImageIsTheAnkleBootOfTheJavadocExample() {
        assertEquals("Ankle boot", test.labelName(0));
    }
}
