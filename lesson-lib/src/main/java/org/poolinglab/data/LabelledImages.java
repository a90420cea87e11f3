package org.poolinglab.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Random;
import org.poolinglab.FeatureMap;
import org.poolinglab.plot.Images;

/**
 * Images with a label each: image {@code i} is plane {@code i} of an {@code N x C x H x W} map, and its
 * label is a class number from 0 to {@code classNames().size() - 1}. Fashion-MNIST's are
 * {@code N x 1 x 28 x 28}, brightness from 0 to 1, in ten classes.
 *
 * <p>Immutable: {@link #first}, {@link #range}, {@link #shuffled}, {@link #batches}, {@link #shifted},
 * {@link #randomlyShifted} and {@link #validationSplit} make new sets and leave this one as it is. A typical epoch of training:
 * <pre>{@code
 * for (LabelledImages batch : train.shuffled(epoch).batches(64)) {
 *     FeatureMap x = batch.images();   // 64 x 1 x 28 x 28
 *     int[] y = batch.labels();        // 64 class numbers
 *     ...
 * }
 * }</pre>
 */
public final class LabelledImages {

    private final int count;
    private final int channels;
    private final int height;
    private final int width;
    /** All images' values in NCHW order; owned by this set and never written after construction. */
    private final float[] pixels;
    private final int[] labels;
    private final List<String> classNames;

    /** Takes ownership of {@code pixels} and {@code labels}, which must already be checked. */
    LabelledImages(int[] shape, float[] pixels, int[] labels, List<String> classNames) {
        this.count = shape[0];
        this.channels = shape[1];
        this.height = shape[2];
        this.width = shape[3];
        this.pixels = pixels;
        this.labels = labels;
        this.classNames = classNames;
    }

    /**
     * A set from its images and their labels.
     *
     * @param images     {@code N x C x H x W}, one image per batch entry; not modified
     * @param labels     {@code N} class numbers, each from 0 to {@code classNames.size() - 1}; copied
     * @param classNames the name of each class number, e.g. {@link FashionMnist#CLASS_NAMES}; copied
     */
    public static LabelledImages of(FeatureMap images, int[] labels, List<String> classNames) {
        Objects.requireNonNull(images, "images must not be null");
        Objects.requireNonNull(labels, "labels must not be null");
        List<String> names = List.copyOf(Objects.requireNonNull(classNames, "classNames must not be null"));
        if (names.isEmpty()) {
            throw new IllegalArgumentException("classNames must not be empty");
        }
        if (labels.length != images.batch()) {
            throw new IllegalArgumentException("labels must have one label per image (" + images.batch()
                    + ") but has " + labels.length);
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= names.size()) {
                throw new IllegalArgumentException("labels[" + i + "] must be in [0, " + names.size()
                        + ") (one of " + names.size() + " classes) but was " + labels[i]);
            }
        }
        return new LabelledImages(images.shape(), images.toFloatArray(), labels.clone(), names);
    }

    /** How many images. */
    public int size() {
        return count;
    }

    /** All images as one {@code N x C x H x W} map (a fresh copy). */
    public FeatureMap images() {
        return FeatureMap.of(new int[] {count, channels, height, width}, pixels);
    }

    /** Image {@code i} as a {@code 1 x C x H x W} map. */
    public FeatureMap image(int i) {
        return range(checkIndex(i), i + 1).images();
    }

    /** Every image's class number, in order (a fresh copy). */
    public int[] labels() {
        return labels.clone();
    }

    /** Image {@code i}'s class number. */
    public int label(int i) {
        return labels[checkIndex(i)];
    }

    /** The name of image {@code i}'s class, e.g. "Ankle boot". */
    public String labelName(int i) {
        return classNames.get(label(i));
    }

    /** The name of each class number: {@code classNames().get(label)}. */
    public List<String> classNames() {
        return classNames;
    }

    /** How many images each class has: entry {@code k} counts the images labelled {@code k}. */
    public int[] countPerClass() {
        int[] counts = new int[classNames.size()];
        for (int label : labels) {
            counts[label]++;
        }
        return counts;
    }

    /** The first {@code n} images, {@code 1 <= n <= size()}. */
    public LabelledImages first(int n) {
        if (n < 1 || n > count) {
            throw new IllegalArgumentException("n must be in [1, " + count + "] (the number of images) but was " + n);
        }
        return range(0, n);
    }

    /** Images {@code from} (included) to {@code to} (excluded), {@code 0 <= from < to <= size()}. */
    public LabelledImages range(int from, int to) {
        if (from < 0 || to > count || from >= to) {
            throw new IllegalArgumentException("range from " + from + " to " + to + " must satisfy 0 <= from < to <= "
                    + count + " (the number of images)");
        }
        int imageSize = channels * height * width;
        return new LabelledImages(new int[] {to - from, channels, height, width},
                Arrays.copyOfRange(pixels, from * imageSize, to * imageSize),
                Arrays.copyOfRange(labels, from, to), classNames);
    }

    /**
     * The same images in a random order that depends only on {@code seed} (a Fisher-Yates shuffle
     * driven by {@code new java.util.Random(seed)}), each still with its own label.
     */
    public LabelledImages shuffled(long seed) {
        return select(shuffledOrder(seed), 0, count);
    }

    /**
     * The batches of {@code shuffled(seed).batches(batchSize)}, made one at a time as they are needed: an
     * epoch of training without a shuffled copy of the whole set (60,000 Fashion-MNIST pictures take
     * 188 MB).
     */
    public Iterable<LabelledImages> shuffledBatches(long seed, int batchSize) {
        checkBatchSize(batchSize);
        int[] order = shuffledOrder(seed);
        return () -> new Iterator<>() {
            private int from;

            @Override
            public boolean hasNext() {
                return from < count;
            }

            @Override
            public LabelledImages next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("no batch left: all " + count + " images were handed out");
                }
                int to = Math.min(count, from + batchSize);
                LabelledImages batch = select(order, from, to);
                from = to;
                return batch;
            }
        };
    }

    /**
     * The set split in two at random: {@code validationSize} images held out for validation, the others
     * for training. A network learns only from the training part; the validation part then shows how it
     * does on pictures it has not seen, to choose settings such as the learning rate, so that the test
     * set stays untouched until the end. Both parts keep the random order, which depends only on
     * {@code seed} (the order of {@link #shuffled}).
     *
     * @param validationSize at least 1, and fewer than {@link #size()}
     */
    public ValidationSplit validationSplit(int validationSize, long seed) {
        return validationSplit(validationSize, count - validationSize, seed);
    }

    /**
     * The same split, with only the first {@code trainingSize} images of its training part: the
     * validation part and training pictures of {@link #validationSplit(int, long)}, without keeping a
     * copy of the pictures that are not used. Fashion-MNIST's 55,000 training pictures take 172 MB; a
     * notebook that trains on 20,000 of them holds 63 MB instead.
     *
     * @param validationSize at least 1, and fewer than {@link #size()}
     * @param trainingSize   at least 1, and at most {@code size() - validationSize}
     */
    public ValidationSplit validationSplit(int validationSize, int trainingSize, long seed) {
        if (validationSize < 1 || validationSize >= count) {
            throw new IllegalArgumentException("validationSize must be in [1, " + (count - 1) + "] (fewer than the "
                    + count + " images) but was " + validationSize);
        }
        if (trainingSize < 1 || trainingSize > count - validationSize) {
            throw new IllegalArgumentException("trainingSize must be in [1, " + (count - validationSize) + "] (the "
                    + count + " images less " + validationSize + " for validation) but was " + trainingSize);
        }
        int[] order = shuffledOrder(seed);
        return new ValidationSplit(select(order, validationSize, validationSize + trainingSize),
                select(order, 0, validationSize));
    }

    /** {@code 0, 1, ..., count - 1} in the order of a Fisher-Yates shuffle driven by {@code new Random(seed)}. */
    private int[] shuffledOrder(long seed) {
        int[] order = new int[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        Random random = new Random(seed);
        for (int i = count - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }

    /** The images {@code order[from]}, ..., {@code order[to - 1]}, in that order. */
    private LabelledImages select(int[] order, int from, int to) {
        int imageSize = channels * height * width;
        float[] selectedPixels = new float[(to - from) * imageSize];
        int[] selectedLabels = new int[to - from];
        for (int i = from; i < to; i++) {
            System.arraycopy(pixels, order[i] * imageSize, selectedPixels, (i - from) * imageSize, imageSize);
            selectedLabels[i - from] = labels[order[i]];
        }
        return new LabelledImages(new int[] {to - from, channels, height, width}, selectedPixels, selectedLabels,
                classNames);
    }

    /** Consecutive batches of {@code batchSize} images, in order; the last one holds what is left. */
    public List<LabelledImages> batches(int batchSize) {
        checkBatchSize(batchSize);
        List<LabelledImages> batches = new ArrayList<>();
        for (int from = 0; from < count; from += batchSize) {
            batches.add(range(from, Math.min(count, from + batchSize)));
        }
        return batches;
    }

    /**
     * Every image moved {@code down} rows and {@code right} columns (negative: up, left), with the same
     * labels; pixels moved in from outside are 0 and pixels moved out are lost ({@link Images#shift}).
     */
    public LabelledImages shifted(int down, int right) {
        FeatureMap moved = Images.shift(images(), down, right);
        return new LabelledImages(moved.shape(), moved.toFloatArray(), labels, classNames);
    }

    /**
     * Every image moved on its own, by a random number of rows and columns from {@code -maxShift} to
     * {@code maxShift} (each drawn from {@code random}: rows, then columns, image by image), with the same
     * labels: pictures for training a network on moved pictures, so that it learns that a move does not
     * change the class. Pixels moved in from outside are 0; pixels moved out are lost.
     *
     * @param maxShift at least 0
     */
    public LabelledImages randomlyShifted(int maxShift, Random random) {
        if (maxShift < 0) {
            throw new IllegalArgumentException("maxShift must be >= 0 but was " + maxShift);
        }
        Objects.requireNonNull(random, "random must not be null");
        float[] moved = new float[pixels.length];
        for (int i = 0; i < count; i++) {
            int down = random.nextInt(2 * maxShift + 1) - maxShift;
            int right = random.nextInt(2 * maxShift + 1) - maxShift;
            for (int c = 0; c < channels; c++) {
                int plane = (i * channels + c) * height * width;
                for (int h = Math.max(0, down); h < Math.min(height, height + down); h++) {
                    int fromColumn = Math.max(0, -right);
                    int toColumn = Math.max(0, right);
                    int length = width - Math.abs(right);
                    if (length > 0) {
                        System.arraycopy(pixels, plane + (h - down) * width + fromColumn, moved,
                                plane + h * width + toColumn, length);
                    }
                }
            }
        }
        return new LabelledImages(new int[] {count, channels, height, width}, moved, labels, classNames);
    }

    private static void checkBatchSize(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1 but was " + batchSize);
        }
    }

    private int checkIndex(int i) {
        if (i < 0 || i >= count) {
            throw new IndexOutOfBoundsException("i must be in [0, " + count + ") but was " + i);
        }
        return i;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LabelledImages that
                && count == that.count && channels == that.channels && height == that.height && width == that.width
                && Arrays.equals(pixels, that.pixels) && Arrays.equals(labels, that.labels)
                && classNames.equals(that.classNames);
    }

    @Override
    public int hashCode() {
        return Objects.hash(count, channels, height, width, Arrays.hashCode(pixels), Arrays.hashCode(labels), classNames);
    }

    /** E.g. {@code "10000 images 1x28x28; per class: T-shirt/top 1000, Trouser 1000, ..."}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder().append(count).append(count == 1 ? " image " : " images ")
                .append(channels).append('x').append(height).append('x').append(width).append("; per class:");
        int[] counts = countPerClass();
        for (int k = 0; k < counts.length; k++) {
            text.append(k == 0 ? " " : ", ").append(classNames.get(k)).append(' ').append(counts[k]);
        }
        return text.toString();
    }
}
