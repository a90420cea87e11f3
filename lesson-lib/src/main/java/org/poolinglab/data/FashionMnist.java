package org.poolinglab.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Fashion-MNIST (Zalando Research, MIT licence, github.com/zalandoresearch/fashion-mnist): 70,000
 * grey-scale 28x28 pictures of clothes, shoes and bags in ten classes, 60,000 for training and 10,000
 * for testing, 6,000 and 1,000 per class.
 *
 * <pre>{@code
 * LabelledImages train = FashionMnist.train();   // 60000 x 1 x 28 x 28, brightness 0 to 1
 * LabelledImages test = FashionMnist.test();     // 10000 x 1 x 28 x 28
 * test.labelName(0);                             // "Ankle boot"
 * }</pre>
 *
 * <p>The data are the four official files, gzip-compressed IDX (read by {@code IdxFile}), in one folder:
 * the folder the environment variable {@value #FOLDER_VARIABLE} names, or else {@link #DEBIAN_FOLDER},
 * where Debian's package {@code dataset-fashion-mnist} puts them ({@code ./lab setup} installs it).
 * Each pixel, a byte from 0 (background) to 255, becomes the float {@code pixel / 255f}.
 * A missing, truncated or wrong file is an {@link IllegalArgumentException} naming the file and
 * what is wrong.
 */
public final class FashionMnist {

    /** The environment variable naming a folder that holds the four files. */
    public static final String FOLDER_VARIABLE = "FASHION_MNIST_DIR";
    /** Where Debian's {@code dataset-fashion-mnist} package puts the four files. */
    public static final Path DEBIAN_FOLDER = Path.of("/usr/share/datasets/fashion-mnist");
    /** The official file names. */
    public static final List<String> FILE_NAMES = List.of("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
            "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz");
    /** Each image is {@code SIDE x SIDE} pixels. */
    public static final int SIDE = 28;
    /** The name of each class number, 0 to 9, as the data set's documentation gives them. */
    public static final List<String> CLASS_NAMES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    private FashionMnist() {
    }

    /** The 60,000 training images and labels, from {@link #folder()}. */
    public static LabelledImages train() {
        return train(folder());
    }

    /** The 10,000 test images and labels, from {@link #folder()}. */
    public static LabelledImages test() {
        return test(folder());
    }

    /** The training images and labels from {@code train-images-idx3-ubyte.gz} and {@code train-labels-idx1-ubyte.gz} in {@code folder}. */
    public static LabelledImages train(Path folder) {
        return read(folder, FILE_NAMES.get(0), FILE_NAMES.get(1));
    }

    /** The test images and labels from {@code t10k-images-idx3-ubyte.gz} and {@code t10k-labels-idx1-ubyte.gz} in {@code folder}. */
    public static LabelledImages test(Path folder) {
        return read(folder, FILE_NAMES.get(2), FILE_NAMES.get(3));
    }

    /** Where the files are read from: the folder {@value #FOLDER_VARIABLE} names, or else {@link #DEBIAN_FOLDER}. */
    public static Path folder() {
        return folder(System.getenv(FOLDER_VARIABLE));
    }

    static Path folder(String variable) {
        return variable == null || variable.isBlank() ? DEBIAN_FOLDER : Path.of(variable);
    }

    private static LabelledImages read(Path folder, String imagesName, String labelsName) {
        checkFolder(folder);
        Path imagesFile = file(folder, imagesName);
        Path labelsFile = file(folder, labelsName);
        IdxFile images = IdxFile.read(imagesFile);
        IdxFile labels = IdxFile.read(labelsFile);
        int[] size = images.dimensions;
        if (size.length != 3 || size[1] != SIDE || size[2] != SIDE) {
            throw IdxFile.problem(imagesFile, "must hold N images of " + SIDE + "x" + SIDE
                    + " pixels (dimensions Nx28x28) but its dimensions are " + IdxFile.describe(size));
        }
        if (size[0] < 1) {
            throw IdxFile.problem(imagesFile, "must hold at least 1 image but holds 0");
        }
        if (labels.dimensions.length != 1) {
            throw IdxFile.problem(labelsFile, "must hold one label per image (1 dimension) but its dimensions are "
                    + IdxFile.describe(labels.dimensions));
        }
        if (labels.dimensions[0] != size[0]) {
            throw IdxFile.problem(labelsFile, "must hold one label per image of " + imagesFile.getFileName() + " ("
                    + size[0] + ") but holds " + labels.dimensions[0]);
        }
        return new LabelledImages(new int[] {size[0], 1, SIDE, SIDE}, brightness(images.values),
                classNumbers(labelsFile, labels.values), CLASS_NAMES);
    }

    private static void checkFolder(Path folder) {
        if (!Files.isDirectory(folder)) {
            String variable = System.getenv(FOLDER_VARIABLE);
            throw new IllegalArgumentException("Fashion-MNIST folder " + folder
                    + (Files.exists(folder) ? " is not a folder" : " does not exist") + " ("
                    + (variable == null ? FOLDER_VARIABLE + " is not set" : FOLDER_VARIABLE + "=" + variable)
                    + "). To get the data, install Debian's package dataset-fashion-mnist (./lab setup does), "
                    + "or set " + FOLDER_VARIABLE + " to a folder holding the four files " + String.join(", ", FILE_NAMES)
                    + " from github.com/zalandoresearch/fashion-mnist");
        }
    }

    private static Path file(Path folder, String name) {
        Path file = folder.resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("Fashion-MNIST folder " + folder + " has no file " + name
                    + "; it must hold the four official files " + String.join(", ", FILE_NAMES));
        }
        return file;
    }

    /** Each unsigned byte {@code p} (0 to 255) as {@code p / 255f} (0 to 1), like PyTorch's {@code ToTensor}. */
    private static float[] brightness(byte[] pixels) {
        float[] values = new float[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            values[i] = (pixels[i] & 0xFF) / 255f;
        }
        return values;
    }

    private static int[] classNumbers(Path labelsFile, byte[] values) {
        int[] labels = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            labels[i] = values[i] & 0xFF;
            if (labels[i] >= CLASS_NAMES.size()) {
                throw IdxFile.problem(labelsFile, "label " + i + " must be in [0, 9] (ten classes) but was " + labels[i]);
            }
        }
        return labels;
    }
}
