package org.poolinglab;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The pooling operations, with exactly the semantics of PyTorch's {@code torch.nn.functional}
 * ({@code max_pool2d}, {@code avg_pool2d}, {@code lp_pool2d}, {@code adaptive_*_pool2d},
 * {@code max_unpool2d}), plus TensorFlow/ONNX "SAME" padding. Every operation pools each plane (each
 * batch entry and channel) on its own, so an {@code N x C x H x W} input gives an
 * {@code N x C x H' x W'} output.
 *
 * <p>Each operation has a <b>backward pass</b> ({@code maxPoolBackward}, {@code avgPoolBackward}, ...):
 * given how much the loss changes with each output cell ({@code gradOutput}, shaped like the output), it
 * says how much the loss changes with each input cell (shaped like the input), exactly as PyTorch's
 * autograd computes it. This is how a network that learns sends its error back through a pooling layer.
 *
 * <p>Large maps are shared out across the processor's cores ({@link Parallel}), with the same result, bit
 * for bit, on any number of threads.
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
        return AveragePooling.pool(input, averageWindows(input, spec), spec.countIncludePad(),
                spec.divisorOverride().orElse(0));
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
        return AveragePooling.lpPool(input, lpWindows(input, normType, spec), normType, spec.window());
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

    // ---------------------------------------------------------------- backward passes

    /**
     * The backward pass of {@link #maxPool}: only the maximum of each window had any effect on the output,
     * so each output cell's whole gradient goes back to the cell its maximum came from (the first maximum
     * in scan order), and every other cell gets nothing. A cell that is the maximum of several overlapping
     * windows collects the sum of their gradients.
     *
     * @param input      the map that was pooled
     * @param gradOutput the gradient of the output, shaped like {@code maxPool(input, spec)}
     * @return the gradient of the input, shaped like {@code input}
     */
    public static FeatureMap maxPoolBackward(FeatureMap input, PoolSpec spec, FeatureMap gradOutput) {
        return maxPoolBackward(maxPoolWithIndices(input, spec), gradOutput);
    }

    /**
     * {@link #maxPoolBackward(FeatureMap, PoolSpec, FeatureMap)} from a forward pass that kept its indices,
     * without scanning the windows again: what a network layer does. Works for adaptive and global max
     * pooling's indices too.
     *
     * @param forward    the result of {@link #maxPoolWithIndices} or {@link #adaptiveMaxPoolWithIndices}
     * @param gradOutput the gradient of the output, shaped like {@code forward.output()}
     */
    public static FeatureMap maxPoolBackward(PooledWithIndices forward, FeatureMap gradOutput) {
        Check.notNull("forward", forward);
        FeatureMap output = forward.output();
        checkGradOutput(gradOutput, output.shape());
        Size inputSize = forward.inputSize();
        int[] inputShape = {output.batch(), output.channels(), inputSize.height(), inputSize.width()};
        return MaxPooling.routeGradient(forward.indicesView(), gradOutput, inputShape);
    }

    /**
     * The backward pass of {@link #avgPool}: each output cell is a window's sum over a divisor, so every
     * input cell of the window gets the output cell's gradient divided by that same divisor (the window's
     * cell count, with or without padding as {@link PoolSpec#countIncludePad} says, or the divisor
     * override). Overlapping windows add up.
     */
    public static FeatureMap avgPoolBackward(FeatureMap input, PoolSpec spec, FeatureMap gradOutput) {
        Windows windows = averageWindows(input, spec);
        checkGradOutput(gradOutput, outputShape(input, windows));
        return AveragePooling.backward(input.shape(), windows, spec.countIncludePad(),
                spec.divisorOverride().orElse(0), gradOutput);
    }

    /**
     * The backward pass of {@link #lpPool}, by the chain rule: {@code y = S^(1/p)} with {@code S} the sum of
     * {@code x^p} over the window, so {@code dy/dx = (1/p) S^(1/p - 1) * p x^(p-1)} for each cell of it.
     * A window whose sum is 0 passes no gradient on, as in PyTorch.
     */
    public static FeatureMap lpPoolBackward(FeatureMap input, double normType, PoolSpec spec, FeatureMap gradOutput) {
        Windows windows = lpWindows(input, normType, spec);
        checkGradOutput(gradOutput, outputShape(input, windows));
        return AveragePooling.lpPoolBackward(input, windows, normType, spec.window(), gradOutput);
    }

    /**
     * The backward pass of {@link #adaptiveMaxPool}, for the output size of {@code gradOutput}: each
     * region's gradient goes to its maximum, as in {@link #maxPoolBackward(FeatureMap, PoolSpec, FeatureMap)}.
     */
    public static FeatureMap adaptiveMaxPoolBackward(FeatureMap input, FeatureMap gradOutput) {
        Check.notNull("gradOutput", gradOutput);
        return maxPoolBackward(adaptiveMaxPoolWithIndices(input, gradOutput.height(), gradOutput.width()), gradOutput);
    }

    /**
     * The backward pass of {@link #adaptiveAvgPool}, for the output size of {@code gradOutput}: each
     * region's gradient is shared equally among its cells. Regions that share a row or column add up there.
     */
    public static FeatureMap adaptiveAvgPoolBackward(FeatureMap input, FeatureMap gradOutput) {
        Check.notNull("gradOutput", gradOutput);
        Windows windows = adaptiveWindows(input, gradOutput.height(), gradOutput.width());
        checkGradOutput(gradOutput, outputShape(input, windows));
        return AveragePooling.backward(input.shape(), windows, false, 0, gradOutput);
    }

    /** The backward pass of {@link #globalMaxPool}: each plane's gradient goes to its maximum. */
    public static FeatureMap globalMaxPoolBackward(FeatureMap input, FeatureMap gradOutput) {
        checkGradOutput(gradOutput, globalShape(input));
        return adaptiveMaxPoolBackward(input, gradOutput);
    }

    /** The backward pass of {@link #globalAvgPool}: each plane's gradient is shared equally by its {@code H * W} cells. */
    public static FeatureMap globalAvgPoolBackward(FeatureMap input, FeatureMap gradOutput) {
        checkGradOutput(gradOutput, globalShape(input));
        return adaptiveAvgPoolBackward(input, gradOutput);
    }

    // ---------------------------------------------------------------- max unpooling

    /**
     * Max unpooling back to the size of the map that was pooled: each pooled value returns to the cell
     * its maximum came from, and every other cell is 0. What is left shows what pooling kept, and where;
     * the zeros are what it forgot. (PyTorch: {@code max_unpool2d(..., output_size=input.size())}.)
     *
     * @param pooled the result of {@link #maxPoolWithIndices}
     */
    public static FeatureMap maxUnpool(PooledWithIndices pooled) {
        Check.notNull("pooled", pooled);
        return MaxPooling.unpool(pooled.output(), pooled.indicesView(), pooled.inputSize());
    }

    /**
     * PyTorch's {@code max_unpool2d} with its default output size: along each axis
     * {@code (in - 1) * stride - 2 * padding + window} (with padding before and after added when they
     * differ). Each pooled value goes to the cell its index names, zeros elsewhere; when two values name
     * the same cell, the later one stays.
     *
     * @param pooled  pooled values, {@code N x C x h x w}
     * @param indices for each pooled value in NCHW order, the flat position {@code row * W + column} in its
     *                output plane ({@link PooledWithIndices#indices()}); not modified
     * @param spec    the window, stride and padding of the pooling (no SAME padding, no dilation)
     */
    public static FeatureMap maxUnpool(FeatureMap pooled, int[] indices, PoolSpec spec) {
        return maxUnpool(pooled, indices, spec, null);
    }

    /**
     * {@link #maxUnpool(FeatureMap, int[], PoolSpec)} to an explicit {@code outputSize}, which must lie
     * strictly between {@code default - stride} and {@code default + stride} along each axis, as in
     * PyTorch (several input sizes pool to the same size; this says which one to restore).
     */
    public static FeatureMap maxUnpool(FeatureMap pooled, int[] indices, PoolSpec spec, Size outputSize) {
        Size size = unpoolSize(pooled, indices, spec, outputSize);
        checkIndices(indices, size);
        return MaxPooling.unpool(pooled, indices, size);
    }

    /**
     * The backward pass of {@link #maxUnpool(FeatureMap, int[], PoolSpec, Size)}: each pooled value was
     * copied to one cell, so its gradient is that cell's gradient.
     *
     * @param gradOutput the gradient of the unpooled map
     */
    public static FeatureMap maxUnpoolBackward(FeatureMap pooled, int[] indices, FeatureMap gradOutput) {
        Check.notNull("pooled", pooled);
        Check.notNull("indices", indices);
        Check.notNull("gradOutput", gradOutput);
        checkIndexCount(pooled, indices);
        Check.argument(gradOutput.batch() == pooled.batch() && gradOutput.channels() == pooled.channels(),
                () -> "gradOutput must have the pooled map's " + pooled.batch() + " x " + pooled.channels()
                        + " planes but is " + FeatureMap.describe(gradOutput.shape()));
        checkIndices(indices, gradOutput.size());
        return MaxPooling.gatherGradient(pooled, indices, gradOutput);
    }

    // ---------------------------------------------------------------- shared checks

    private static PooledWithIndices maxWithIndices(FeatureMap input, Windows windows) {
        int[] indices = new int[windows.outputCells(input)];
        FeatureMap output = MaxPooling.poolWithIndices(input, windows, indices);
        return new PooledWithIndices(output, indices, input.size());
    }

    private static Windows slidingWindows(FeatureMap input, PoolSpec spec) {
        Check.notNull("input", input);
        Check.notNull("spec", spec);
        return Windows.sliding(input.size(), spec);
    }

    /** The windows of {@link #avgPool}, which (as in PyTorch) has no dilation. */
    private static Windows averageWindows(FeatureMap input, PoolSpec spec) {
        Windows windows = slidingWindows(input, spec);
        Check.argument(spec.dilation().equals(new Size(1, 1)), () -> "dilation must be 1x1 for avgPool "
                + "(average pooling has no dilation in PyTorch) but was " + spec.dilation());
        return windows;
    }

    /** The windows of {@link #lpPool}, which (as PyTorch's {@code lp_pool2d}) has no padding or dilation. */
    private static Windows lpWindows(FeatureMap input, double normType, PoolSpec spec) {
        Check.argument(normType > 0 && Double.isFinite(normType),
                () -> "normType must be a positive finite number but was " + normType);
        Windows windows = slidingWindows(input, spec);
        Check.argument(spec.paddingMode() == PoolSpec.PaddingMode.EXPLICIT
                        && Arrays.equals(spec.padding(new Size(1, 1)), new int[4]),
                () -> "padding must be 0 for lpPool (PyTorch's lp_pool2d has none) but was " + spec);
        Check.argument(spec.dilation().equals(new Size(1, 1)),
                () -> "dilation must be 1x1 for lpPool (PyTorch's lp_pool2d has none) but was " + spec.dilation());
        Check.argument(spec.divisorOverride().isEmpty(),
                () -> "divisorOverride applies to avgPool only but lpPool got " + spec.divisorOverride().getAsInt());
        return windows;
    }

    /** {@code {N, C, H', W'}}: the shape pooling {@code input} through {@code windows} gives. */
    private static int[] outputShape(FeatureMap input, Windows windows) {
        return new int[] {input.batch(), input.channels(), windows.rows().count(), windows.cols().count()};
    }

    private static int[] globalShape(FeatureMap input) {
        Check.notNull("input", input);
        return new int[] {input.batch(), input.channels(), 1, 1};
    }

    /** A backward pass's {@code gradOutput} must be shaped exactly like the forward pass's output. */
    private static void checkGradOutput(FeatureMap gradOutput, int[] outputShape) {
        Check.notNull("gradOutput", gradOutput);
        Check.argument(Arrays.equals(gradOutput.shape(), outputShape), () -> "gradOutput must have the output's shape "
                + FeatureMap.describe(outputShape) + " but was " + FeatureMap.describe(gradOutput.shape()));
    }

    /** The unpooled plane's size: {@code outputSize} checked as PyTorch checks it, or the default formula. */
    private static Size unpoolSize(FeatureMap pooled, int[] indices, PoolSpec spec, Size outputSize) {
        Check.notNull("pooled", pooled);
        Check.notNull("indices", indices);
        Check.notNull("spec", spec);
        checkIndexCount(pooled, indices);
        Check.argument(spec.paddingMode() == PoolSpec.PaddingMode.EXPLICIT, () -> "spec must have explicit padding "
                + "for maxUnpool (SAME padding depends on the size that was pooled) but was " + spec);
        Check.argument(spec.dilation().equals(new Size(1, 1)), () -> "dilation must be 1x1 for maxUnpool "
                + "(PyTorch's max_unpool2d has none) but was " + spec.dilation());
        int[] pads = spec.padding(pooled.size());
        int[] axisIn = {pooled.height(), pooled.width()};
        int[] window = {spec.window().height(), spec.window().width()};
        int[] stride = {spec.stride().height(), spec.stride().width()};
        int[] requested = outputSize == null ? null : new int[] {outputSize.height(), outputSize.width()};
        int[] size = new int[2];
        for (int axis = 0; axis < 2; axis++) {
            String name = axis == 0 ? "height" : "width";
            int in = axisIn[axis];
            int k = window[axis];
            int s = stride[axis];
            int padTotal = pads[axis] + pads[axis + 2];
            int defaultSize = (in - 1) * s - padTotal + k;
            String formula = "(" + in + " - 1) * " + s + " - " + padTotal + " + " + k + " = " + defaultSize;
            if (requested == null) {
                Check.argument(defaultSize >= 1, () -> "output " + name + " must be >= 1 but was " + formula
                        + " ((in - 1) * stride - padding before and after + window)");
                size[axis] = defaultSize;
            } else {
                int wanted = requested[axis];
                Check.argument(wanted >= 1 && defaultSize - s < wanted && wanted < defaultSize + s,
                        () -> "outputSize " + name + " must be between " + (defaultSize - s) + " and "
                                + (defaultSize + s) + " (exclusive; the default " + formula + ", plus or minus the stride) "
                                + "and >= 1 but was " + wanted);
                size[axis] = wanted;
            }
        }
        return new Size(size[0], size[1]);
    }

    private static void checkIndexCount(FeatureMap pooled, int[] indices) {
        int values = pooled.batch() * pooled.channels() * pooled.height() * pooled.width();
        Check.argument(indices.length == values, () -> "indices must have one entry per pooled value (" + values
                + " for " + FeatureMap.describe(pooled.shape()) + ") but has " + indices.length);
    }

    /** Every index names a cell of a plane of {@code size}. */
    private static void checkIndices(int[] indices, Size size) {
        int cells = size.height() * size.width();
        for (int i = 0; i < indices.length; i++) {
            int position = i;
            int index = indices[i];
            Check.argument(index >= 0 && index < cells, () -> "indices[" + position + "] is " + index
                    + ", outside the " + size + " output plane (must be in [0, " + cells + "))");
        }
    }

    private static Windows adaptiveWindows(FeatureMap input, int outputHeight, int outputWidth) {
        Check.notNull("input", input);
        Check.atLeast("outputHeight", outputHeight, 1);
        Check.atLeast("outputWidth", outputWidth, 1);
        return Windows.adaptive(input.size(), new Size(outputHeight, outputWidth));
    }
}
