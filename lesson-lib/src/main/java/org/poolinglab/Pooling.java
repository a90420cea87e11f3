package org.poolinglab;

import java.util.ArrayList;
import java.util.List;

/**
 * The pooling operations, with exactly the semantics of PyTorch's {@code torch.nn.functional}
 * ({@code max_pool2d}, {@code avg_pool2d}, {@code lp_pool2d}, {@code adaptive_*_pool2d}), plus
 * TensorFlow/ONNX "SAME" padding. Every operation pools each plane (each batch entry and channel) on
 * its own, so an {@code N x C x H x W} input gives an {@code N x C x H' x W'} output.
 *
 * <p>The lesson's example:
 * <pre>{@code
 * FeatureMap x = FeatureMap.of(new double[][] {
 *         {1, 3, 2, 1},
 *         {4, 6, 5, 2},
 *         {7, 8, 9, 3},
 *         {1, 2, 0, 4}});
 * Pooling.maxPool(x, PoolSpec.of(2));   // [[6, 5], [8, 9]]
 * Pooling.avgPool(x, PoolSpec.of(2));   // [[3.5, 2.5], [4.5, 4.0]]
 * Pooling.globalMaxPool(x);             // [[9]]
 * Pooling.globalAvgPool(x);             // [[3.625]]
 * }</pre>
 */
public final class Pooling {

    private Pooling() {
    }

    /**
     * Max pooling: each window's largest value. Padding counts as -infinity, so it never wins.
     * A NaN in a window makes that window's result NaN. The spec's average-only settings
     * (count_include_pad, divisor override) do not apply, so one spec serves both kinds of pooling.
     */
    public static FeatureMap maxPool(FeatureMap input, PoolSpec spec) {
        return MaxPooling.pool(input, slidingWindows(input, spec));
    }

    /**
     * Max pooling that also says where each maximum came from: its flat position {@code h * W + w}
     * within its own input plane (PyTorch's {@code return_indices=True}); the first maximum in scan
     * order wins ties.
     */
    public static PooledWithIndices maxPoolWithIndices(FeatureMap input, PoolSpec spec) {
        return maxWithIndices(input, slidingWindows(input, spec));
    }

    /**
     * Average pooling: each window's mean. Padding cells are zeros; whether they count in the divisor
     * is {@link PoolSpec#countIncludePad}, and {@link PoolSpec#divisorOverride} replaces the divisor.
     */
    public static FeatureMap avgPool(FeatureMap input, PoolSpec spec) {
        Windows windows = slidingWindows(input, spec);
        Check.argument(spec.dilation().equals(new Size(1, 1)), () -> "dilation must be 1x1 for avgPool "
                + "(average pooling has no dilation in PyTorch) but was " + spec.dilation());
        return AveragePooling.pool(input, windows, spec.countIncludePad(), spec.divisorOverride().orElse(0));
    }

    /**
     * Power-average pooling: {@code (sum of x^p) ^ (1/p)} over each window, PyTorch's
     * {@code lp_pool2d}. {@code p = 1} is sum pooling; large {@code p} approaches max pooling (for
     * non-negative inputs). Takes the window, stride and ceil mode of {@code spec}; like PyTorch, no
     * padding or dilation.
     *
     * @param normType the power {@code p}, a positive finite number
     */
    public static FeatureMap lpPool(FeatureMap input, double normType, PoolSpec spec) {
        Check.argument(normType > 0 && Double.isFinite(normType),
                () -> "normType must be a positive finite number but was " + normType);
        Windows windows = slidingWindows(input, spec);
        Check.argument(spec.paddingMode() == PoolSpec.PaddingMode.EXPLICIT
                        && java.util.Arrays.equals(spec.padding(new Size(1, 1)), new int[4]),
                () -> "padding must be 0 for lpPool (PyTorch's lp_pool2d has none) but was " + spec);
        Check.argument(spec.dilation().equals(new Size(1, 1)),
                () -> "dilation must be 1x1 for lpPool (PyTorch's lp_pool2d has none) but was " + spec.dilation());
        Check.argument(spec.divisorOverride().isEmpty(),
                () -> "divisorOverride applies to avgPool only but lpPool got " + spec.divisorOverride().getAsInt());
        return AveragePooling.lpPool(input, windows, normType, spec.window());
    }

    /**
     * Adaptive max pooling: splits each plane into {@code outputHeight x outputWidth} nearly equal
     * regions (neighbouring regions may share a row or column) and keeps each region's largest value.
     */
    public static FeatureMap adaptiveMaxPool(FeatureMap input, int outputHeight, int outputWidth) {
        return MaxPooling.pool(input, adaptiveWindows(input, outputHeight, outputWidth));
    }

    /** {@link #adaptiveMaxPool} that also says where each maximum came from, as {@link #maxPoolWithIndices}. */
    public static PooledWithIndices adaptiveMaxPoolWithIndices(FeatureMap input, int outputHeight, int outputWidth) {
        return maxWithIndices(input, adaptiveWindows(input, outputHeight, outputWidth));
    }

    /** Adaptive average pooling: like {@link #adaptiveMaxPool}, keeping each region's mean. */
    public static FeatureMap adaptiveAvgPool(FeatureMap input, int outputHeight, int outputWidth) {
        return AveragePooling.pool(input, adaptiveWindows(input, outputHeight, outputWidth), false, 0);
    }

    /** Global max pooling: one value per plane, its maximum. The output is {@code N x C x 1 x 1}. */
    public static FeatureMap globalMaxPool(FeatureMap input) {
        return adaptiveMaxPool(input, 1, 1);
    }

    /** Global average pooling: one value per plane, its mean. The output is {@code N x C x 1 x 1}. */
    public static FeatureMap globalAvgPool(FeatureMap input) {
        return adaptiveAvgPool(input, 1, 1);
    }

    /**
     * The lesson's four steps, one {@link WindowStep} per output cell in the order they are computed:
     * which cells the window covers (padding included and marked), what it produces, and the output
     * cell it fills. The values equal {@link #maxPool} / {@link #avgPool} of the same map.
     *
     * @param input a single map, {@code 1 x 1 x H x W} (take one plane with {@link FeatureMap#channel})
     */
    public static List<WindowStep> steps(FeatureMap input, PoolSpec spec, PoolType type) {
        Check.notNull("type", type);
        Check.argument(input.batch() == 1 && input.channels() == 1, () -> "steps needs a 1x1xHxW map but input is "
                + FeatureMap.describe(input.shape()) + "; take one plane first with channel(n, c)");
        // Validates spec for this type exactly as pooling does.
        FeatureMap pooled = type.apply(input, spec);
        Windows windows = slidingWindows(input, spec);
        List<WindowStep> steps = new ArrayList<>(pooled.height() * pooled.width());
        for (int oh = 0; oh < pooled.height(); oh++) {
            for (int ow = 0; ow < pooled.width(); ow++) {
                steps.add(WindowStep.at(input, spec, type, windows, oh, ow, steps.size() + 1));
            }
        }
        return List.copyOf(steps);
    }

    private static PooledWithIndices maxWithIndices(FeatureMap input, Windows windows) {
        int[] indices = new int[windows.outputCells(input)];
        FeatureMap output = MaxPooling.poolWithIndices(input, windows, indices);
        return new PooledWithIndices(output, indices);
    }

    private static Windows slidingWindows(FeatureMap input, PoolSpec spec) {
        Check.notNull("input", input);
        Check.notNull("spec", spec);
        return Windows.sliding(input.size(), spec);
    }

    private static Windows adaptiveWindows(FeatureMap input, int outputHeight, int outputWidth) {
        Check.notNull("input", input);
        Check.atLeast("outputHeight", outputHeight, 1);
        Check.atLeast("outputWidth", outputWidth, 1);
        return Windows.adaptive(input.size(), new Size(outputHeight, outputWidth));
    }
}
