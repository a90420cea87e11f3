package org.poolinglab;

import java.util.Arrays;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The parameters of a pooling layer, immutable, built fluently:
 * <pre>{@code
 * PoolSpec.of(2)                          // 2x2 window, stride 2 (= the window), no padding
 * PoolSpec.of(3).stride(2).padding(1)     // overlapping 3x3 windows, one cell of padding all round
 * PoolSpec.of(2, 3).same()                // 2x3 window, TensorFlow/ONNX "SAME" padding
 * }</pre>
 * Every setter returns a new spec; the one it was called on is unchanged.
 *
 * <h2>Vocabulary</h2>
 * <ul>
 *   <li><b>window</b> (pool size, kernel size): the height x width of the region summarised into one value.</li>
 *   <li><b>stride</b>: how far the window moves between steps; defaults to the window, so windows tile.</li>
 *   <li><b>padding</b>: cells added around the input (-infinity for max, 0 for average); at most half
 *       the window on each side, so every window still covers a real cell. Default 0.</li>
 *   <li><b>dilation</b>: the gap between the cells a window reads (max pooling only); default 1.</li>
 *   <li><b>ceil mode</b>: round the output size up, keeping a last partial window, unless it would
 *       start in the right/bottom padding.</li>
 *   <li><b>count_include_pad</b> and <b>divisor override</b>: what an average divides by (max pooling
 *       ignores them, so one spec serves both kinds of pooling).</li>
 * </ul>
 *
 * <h2>Output size</h2>
 * Along each axis, with {@code in} input cells, {@code k} the window, {@code s} the stride,
 * {@code p} the padding and {@code d} the dilation:
 * <pre>
 *   out = floor((in + 2p - d(k - 1) - 1) / s) + 1        (ceil instead of floor in ceil mode)
 *       = floor((in + 2p - k) / s) + 1                   (when d = 1)
 * </pre>
 * With "SAME" padding the output is {@code ceil(in / s)} and the padding is whatever that needs:
 * {@code max((out - 1) s + d(k - 1) + 1 - in, 0)} cells in total, the odd one after (SAME_UPPER) or
 * before (SAME_LOWER). {@link #explain(int, int)} shows the formula with the numbers filled in.
 */
public final class PoolSpec {

    /** How the padding is decided. */
    public enum PaddingMode {
        /** The padding given by {@link #padding(int)} and friends (0 by default; "VALID" in TensorFlow/ONNX). */
        EXPLICIT,
        /** Output {@code ceil(in / stride)}; an odd padding cell goes after (bottom/right). TensorFlow's "SAME". */
        SAME_UPPER,
        /** Output {@code ceil(in / stride)}; an odd padding cell goes before (top/left). */
        SAME_LOWER
    }

    private final Size window;
    private final Size stride;
    private final Size dilation;
    private final PaddingMode paddingMode;
    /** Explicit padding: top, left, bottom, right. */
    private final int[] padding;
    private final boolean ceilMode;
    private final boolean countIncludePad;
    /** 0 when there is none (PyTorch rejects 0). */
    private final int divisorOverride;

    private PoolSpec(Size window, Size stride, Size dilation, PaddingMode paddingMode, int[] padding,
                     boolean ceilMode, boolean countIncludePad, int divisorOverride) {
        AnswerRule.refuseWhileAnswering();
        this.window = window;
        this.stride = stride;
        this.dilation = dilation;
        this.paddingMode = paddingMode;
        this.padding = padding;
        this.ceilMode = ceilMode;
        this.countIncludePad = countIncludePad;
        this.divisorOverride = divisorOverride;
    }

    /** A square {@code window x window} pool with stride = window and no padding. */
    public static PoolSpec of(int window) {
        return of(window, window);
    }

    /** A {@code height x width} pool with stride = window and no padding. */
    public static PoolSpec of(int height, int width) {
        Size window = new Size(Check.atLeast("window height", height, 1), Check.atLeast("window width", width, 1));
        return new PoolSpec(window, window, new Size(1, 1), PaddingMode.EXPLICIT, new int[4], false, true, 0);
    }

    /** The same stride along both axes. */
    public PoolSpec stride(int stride) {
        return stride(stride, stride);
    }

    public PoolSpec stride(int height, int width) {
        Size newStride = new Size(Check.atLeast("stride height", height, 1), Check.atLeast("stride width", width, 1));
        return new PoolSpec(window, newStride, dilation, paddingMode, padding, ceilMode, countIncludePad, divisorOverride);
    }

    /** The same padding on all four sides. */
    public PoolSpec padding(int padding) {
        return padding(padding, padding);
    }

    /** {@code height} rows above and below, {@code width} columns left and right. */
    public PoolSpec padding(int height, int width) {
        return padding(height, width, height, width);
    }

    /** A different padding on each side (as ONNX's {@code pads}); each at most half the window. */
    public PoolSpec padding(int top, int left, int bottom, int right) {
        int[] sides = {top, left, bottom, right};
        String[] names = {"top", "left", "bottom", "right"};
        for (int i = 0; i < 4; i++) {
            int value = sides[i];
            boolean vertical = i % 2 == 0;
            int windowLength = vertical ? window.height() : window.width();
            String name = names[i];
            Check.argument(value >= 0, () -> "padding " + name + " must be >= 0 but was " + value);
            Check.argument(value <= windowLength / 2, () -> "padding " + name + " " + value
                    + " must be at most half the window " + (vertical ? "height " : "width ") + windowLength
                    + " (" + windowLength / 2 + ")");
        }
        return new PoolSpec(window, stride, dilation, PaddingMode.EXPLICIT, sides, ceilMode, countIncludePad, divisorOverride);
    }

    /** TensorFlow/ONNX "SAME" padding (SAME_UPPER): output {@code ceil(in / stride)}, odd cell after. */
    public PoolSpec same() {
        return withPaddingMode(PaddingMode.SAME_UPPER);
    }

    /** ONNX SAME_LOWER padding: output {@code ceil(in / stride)}, odd cell before. */
    public PoolSpec sameLower() {
        return withPaddingMode(PaddingMode.SAME_LOWER);
    }

    /** TensorFlow/ONNX "VALID": no padding, only windows that fit entirely in the input. */
    public PoolSpec valid() {
        return padding(0);
    }

    private PoolSpec withPaddingMode(PaddingMode mode) {
        return new PoolSpec(window, stride, dilation, mode, new int[4], ceilMode, countIncludePad, divisorOverride);
    }

    /** The same dilation along both axes (max pooling only). */
    public PoolSpec dilation(int dilation) {
        return dilation(dilation, dilation);
    }

    public PoolSpec dilation(int height, int width) {
        Size newDilation = new Size(Check.atLeast("dilation height", height, 1), Check.atLeast("dilation width", width, 1));
        return new PoolSpec(window, stride, newDilation, paddingMode, padding, ceilMode, countIncludePad, divisorOverride);
    }

    /** Round the output size up instead of down (PyTorch's {@code ceil_mode}). */
    public PoolSpec ceilMode(boolean ceilMode) {
        return new PoolSpec(window, stride, dilation, paddingMode, padding, ceilMode, countIncludePad, divisorOverride);
    }

    /** Whether an average counts padding cells (as zeros) in its divisor; default true, as in PyTorch. */
    public PoolSpec countIncludePad(boolean countIncludePad) {
        return new PoolSpec(window, stride, dilation, paddingMode, padding, ceilMode, countIncludePad, divisorOverride);
    }

    /** Divide every average by this number instead of the window's cell count (non-zero, as in PyTorch). */
    public PoolSpec divisorOverride(int divisor) {
        Check.argument(divisor != 0, () -> "divisorOverride must not be 0 but was 0");
        return new PoolSpec(window, stride, dilation, paddingMode, padding, ceilMode, countIncludePad, divisor);
    }

    public Size window() {
        return window;
    }

    public Size stride() {
        return stride;
    }

    public Size dilation() {
        return dilation;
    }

    public PaddingMode paddingMode() {
        return paddingMode;
    }

    /**
     * {@code {top, left, bottom, right}}: the explicit padding, or for SAME modes the padding an input of
     * {@code height x width} gets.
     */
    public int[] padding(Size input) {
        return paddingFor(input.height(), input.width());
    }

    public boolean ceilMode() {
        return ceilMode;
    }

    public boolean countIncludePad() {
        return countIncludePad;
    }

    public OptionalInt divisorOverride() {
        return divisorOverride == 0 ? OptionalInt.empty() : OptionalInt.of(divisorOverride);
    }

    /**
     * The output size for a {@code height x width} input.
     *
     * @throws IllegalArgumentException when an input side is below 1, or the output would be empty
     */
    public Size outputShape(int height, int width) {
        AnswerRule.refuseWhileAnswering();
        int[] pads = paddingFor(Check.atLeast("input height", height, 1), Check.atLeast("input width", width, 1));
        int outHeight = outputLength(height, window.height(), stride.height(), pads[0], pads[2], dilation.height(), ceilMode);
        int outWidth = outputLength(width, window.width(), stride.width(), pads[1], pads[3], dilation.width(), ceilMode);
        Check.argument(outHeight >= 1, () -> "output height must be >= 1 but was " + outHeight
                + " for input " + height + "x" + width + ": " + explainAxis(height, 0, pads[0], pads[2]));
        Check.argument(outWidth >= 1, () -> "output width must be >= 1 but was " + outWidth
                + " for input " + height + "x" + width + ": " + explainAxis(width, 1, pads[1], pads[3]));
        return new Size(outHeight, outWidth);
    }

    /**
     * The output size for a {@code height x width} input, as one line with the formula and the numbers,
     * e.g. {@code "out = floor((in + 2p - k) / s) + 1 = floor((4 + 2*0 - 2) / 2) + 1 = 2 (height and width): 4x4 -> 2x2"}.
     */
    public String explain(int height, int width) {
        Size out = outputShape(height, width);
        int[] pads = paddingFor(height, width);
        String heightLine = explainAxis(height, 0, pads[0], pads[2]);
        String widthLine = explainAxis(width, 1, pads[1], pads[3]);
        String axes = heightLine.equals(widthLine)
                ? heightLine + " (height and width)"
                : "height " + heightLine + "; width " + widthLine;
        return axes + ": " + height + "x" + width + " -> " + out;
    }

    /**
     * The output length along one axis: the one place this formula lives (PyTorch's
     * {@code pooling_output_shape}, with the padding before and after allowed to differ).
     * May return less than 1; callers reject that.
     */
    static int outputLength(int input, int window, int stride, int padBefore, int padAfter, int dilation,
                            boolean ceilMode) {
        int span = input + padBefore + padAfter - dilation * (window - 1) - 1;
        int out = Math.floorDiv(span + (ceilMode ? stride - 1 : 0), stride) + 1;
        if (ceilMode && (out - 1) * stride >= input + padBefore) {
            out--; // the last window would start in the padding after the input: PyTorch drops it
        }
        return out;
    }

    /** {@code {top, left, bottom, right}} for this input size. */
    int[] paddingFor(int height, int width) {
        if (paddingMode == PaddingMode.EXPLICIT) {
            return padding.clone();
        }
        int[] rows = samePadding(height, window.height(), stride.height(), dilation.height());
        int[] cols = samePadding(width, window.width(), stride.width(), dilation.width());
        return new int[] {rows[0], cols[0], rows[1], cols[1]};
    }

    /** {@code {before, after}} so that the output is {@code ceil(input / stride)}. */
    private int[] samePadding(int input, int window, int stride, int dilation) {
        int out = Math.floorDiv(input + stride - 1, stride);
        int total = Math.max((out - 1) * stride + dilation * (window - 1) + 1 - input, 0);
        int smaller = total / 2;
        return paddingMode == PaddingMode.SAME_UPPER
                ? new int[] {smaller, total - smaller}
                : new int[] {total - smaller, smaller};
    }

    private String explainAxis(int input, int axis, int padBefore, int padAfter) {
        int k = axis == 0 ? window.height() : window.width();
        int s = axis == 0 ? stride.height() : stride.width();
        int d = axis == 0 ? dilation.height() : dilation.width();
        if (paddingMode != PaddingMode.EXPLICIT) {
            int out = outputLength(input, k, s, padBefore, padAfter, d, ceilMode);
            return "out = ceil(in / s) = ceil(" + input + " / " + s + ") = " + out + " with "
                    + paddingMode + " padding " + padBefore + " before, " + padAfter + " after";
        }
        boolean symmetric = padBefore == padAfter;
        String round = ceilMode ? "ceil" : "floor";
        String windowTerm = d == 1 ? "k" : "d(k - 1) - 1";
        String formula = "out = " + round + "((in + " + (symmetric ? "2p" : "p_before + p_after") + " - "
                + windowTerm + ") / s) + 1";
        String numbers = round + "((" + input + " + " + (symmetric ? "2*" + padBefore : padBefore + " + " + padAfter)
                + " - " + (d == 1 ? String.valueOf(k) : d + "*(" + k + " - 1) - 1") + ") / " + s + ") + 1";
        int span = input + padBefore + padAfter - d * (k - 1) - 1;
        int rounded = Math.floorDiv(span + (ceilMode ? s - 1 : 0), s) + 1;
        int out = outputLength(input, k, s, padBefore, padAfter, d, ceilMode);
        String dropped = out < rounded ? " - 1 (the last window would start in the padding) = " + out : "";
        return formula + " = " + numbers + " = " + rounded + dropped;
    }

    /**
     * This spec in words, for titles and tables, e.g. {@code "2x2 max pooling, stride 2, padding 1"}.
     * Only what differs from the defaults is mentioned after the stride.
     */
    public String describe(PoolType type) {
        StringBuilder text = new StringBuilder().append(window)
                .append(type == PoolType.MAX ? " max" : " average").append(" pooling, stride ")
                .append(stride.height() == stride.width() ? String.valueOf(stride.height()) : stride.toString());
        return appendSettings(text, type == PoolType.AVERAGE).toString();
    }

    /** Appends every setting that differs from the default after window and stride; the average-only ones on request. */
    private StringBuilder appendSettings(StringBuilder text, boolean averageSettings) {
        if (paddingMode != PaddingMode.EXPLICIT) {
            text.append(paddingMode == PaddingMode.SAME_UPPER ? ", SAME padding" : ", SAME_LOWER padding");
        } else if (!Arrays.equals(padding, new int[4])) {
            text.append(", padding ").append(describePadding());
        }
        if (!dilation.equals(new Size(1, 1))) {
            text.append(", dilation ").append(dilation);
        }
        if (ceilMode) {
            text.append(", ceil mode");
        }
        if (averageSettings && !countIncludePad) {
            text.append(", padding not counted");
        }
        if (averageSettings && divisorOverride != 0) {
            text.append(", divisor ").append(divisorOverride);
        }
        return text;
    }

    /** {@code "1"} when every side has 1, {@code "1x2"} for 1 row and 2 columns each side, else each side. */
    private String describePadding() {
        boolean symmetric = padding[0] == padding[2] && padding[1] == padding[3];
        if (symmetric && padding[0] == padding[1]) {
            return String.valueOf(padding[0]);
        }
        if (symmetric) {
            return padding[0] + "x" + padding[1];
        }
        return "top " + padding[0] + " left " + padding[1] + " bottom " + padding[2] + " right " + padding[3];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PoolSpec that
                && window.equals(that.window) && stride.equals(that.stride) && dilation.equals(that.dilation)
                && paddingMode == that.paddingMode && Arrays.equals(padding, that.padding)
                && ceilMode == that.ceilMode && countIncludePad == that.countIncludePad
                && divisorOverride == that.divisorOverride;
    }

    @Override
    public int hashCode() {
        return Objects.hash(window, stride, dilation, paddingMode, Arrays.hashCode(padding),
                ceilMode, countIncludePad, divisorOverride);
    }

    /** E.g. {@code PoolSpec{window 3x3, stride 2x2, padding 1, ceil mode}}: what differs from the defaults after the stride. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("PoolSpec{window ").append(window).append(", stride ").append(stride);
        return appendSettings(text, true).append('}').toString();
    }
}
