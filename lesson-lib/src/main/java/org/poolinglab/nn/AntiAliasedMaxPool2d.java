package org.poolinglab.nn;

import org.poolinglab.FeatureMap;
import org.poolinglab.PoolSpec;

/**
 * Anti-aliased max pooling, Zhang's MaxBlurPool (2019), in place of 2x2 max pooling with stride 2. Plain
 * max pooling does two things at once: it takes each window's maximum and keeps only every second
 * window. This layer does them one after the other, with a blur in between:
 * <ol>
 *   <li>2x2 max pooling with stride 1 ({@link MaxPool2d}): the maximum of every window, the map one
 *       cell smaller;</li>
 *   <li>a 3x3 blur that keeps every second row and column ({@link BlurPool2d}).</li>
 * </ol>
 * The output has the same size as 2x2 max pooling's (28 x 28 gives 14 x 14, 14 x 14 gives 7 x 7), but
 * a one-pixel move of the input changes it much less. Backward runs the two backward passes in
 * reverse order. Nothing to learn.
 */
public final class AntiAliasedMaxPool2d extends Layer {

    private final MaxPool2d max = new MaxPool2d(PoolSpec.of(2).stride(1));
    private final BlurPool2d blurPool = new BlurPool2d();

    @Override
    public FeatureMap forward(FeatureMap input) {
        return blurPool.forward(max.forward(input));
    }

    @Override
    public FeatureMap backward(FeatureMap gradOutput) {
        return max.backward(blurPool.backward(gradOutput));
    }

    @Override
    public Shape outputShape(Shape input) {
        return blurPool.outputShape(max.outputShape(input));
    }

    @Override
    public long multiplyAdds(Shape input) {
        return blurPool.multiplyAdds(max.outputShape(input));
    }

    /** E.g. {@code AntiAliasedMaxPool2d(2x2 max, stride 1, then 3x3 blur, stride 2)}. */
    @Override
    public String toString() {
        return "AntiAliasedMaxPool2d(2x2 max, stride 1, then 3x3 blur, stride 2)";
    }
}
