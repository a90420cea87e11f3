package org.poolinglab.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.poolinglab.FeatureMap;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Layers applied one after the other, PyTorch's {@code nn.Sequential}: forward runs them first to
 * last, backward last to first, each layer's input gradient becoming the gradient of the layer before.
 * One training step on a batch:
 * <pre>{@code
 * Sequential model = new Sequential(new Conv2d(1, 8, 3, random).padding(1), new ReLU(),
 *         new MaxPool2d(2), new Flatten(), new Linear(8 * 14 * 14, 10, random));
 * Sgd sgd = new Sgd(model.parameters(), 0.05, 0.9);
 *
 * sgd.zeroGrad();
 * SoftmaxCrossEntropy loss = SoftmaxCrossEntropy.of(model.forward(images), labels);
 * model.backward(loss.gradient());
 * sgd.step();
 * }</pre>
 * ({@link #trainStep} does exactly this, except that it does not compute the gradient of the images,
 * which nothing needs.)
 */
public final class Sequential extends Layer {

    /** How many images {@link #predict} sends through the network at a time. */
    public static final int PREDICT_BATCH = 64;

    private final List<Layer> layers;

    public Sequential(Layer... layers) {
        Check.notNull("layers", layers);
        Check.argument(layers.length > 0, () -> "layers must not be empty");
        for (int i = 0; i < layers.length; i++) {
            Check.notNull("layers[" + i + "]", layers[i]);
        }
        this.layers = List.of(layers);
    }

    /** The layers, first to last. */
    public List<Layer> layers() {
        return layers;
    }

    @Override
    public FeatureMap forward(FeatureMap input) {
        FeatureMap x = input;
        for (Layer layer : layers) {
            x = layer.forward(x);
        }
        return x;
    }

    @Override
    public FeatureMap backward(FeatureMap gradOutput) {
        FeatureMap grad = gradOutput;
        for (int i = layers.size() - 1; i >= 0; i--) {
            grad = layers.get(i).backward(grad);
        }
        return grad;
    }

    /**
     * One step of training on a batch: zero the gradients, forward, loss, backward, update.
     *
     * @return the batch's mean loss, before the update
     */
    public double trainStep(FeatureMap images, int[] labels, Sgd sgd) {
        sgd.zeroGrad();
        SoftmaxCrossEntropy loss = SoftmaxCrossEntropy.of(forward(images), labels);
        backwardToParameters(loss.gradient());
        sgd.step();
        return loss.loss();
    }

    /** Like {@link #backward}, but the first layer skips the gradient of the images, which nothing needs. */
    @Override
    void backwardToParameters(FeatureMap gradOutput) {
        FeatureMap grad = gradOutput;
        for (int i = layers.size() - 1; i >= 1; i--) {
            grad = layers.get(i).backward(grad);
        }
        layers.get(0).backwardToParameters(grad);
    }

    /**
     * The class each image scores highest, for {@code images} shaped {@code N x C x H x W}. Works
     * through them {@value #PREDICT_BATCH} at a time: a whole test set at once would need hundreds of
     * megabytes, and batches this small stay in the processor's caches (a thousand at a time took twice
     * as long here).
     */
    public int[] predict(FeatureMap images) {
        Check.notNull("images", images);
        int[] predicted = new int[images.batch()];
        float[] values = images.toFloatArray();
        int imageSize = images.channels() * images.height() * images.width();
        for (int from = 0; from < predicted.length; from += PREDICT_BATCH) {
            int to = Math.min(predicted.length, from + PREDICT_BATCH);
            int[] shape = {to - from, images.channels(), images.height(), images.width()};
            float[] part = Arrays.copyOfRange(values, from * imageSize, to * imageSize);
            FeatureMap scores = forward(FeatureMap.wrap(shape, part));
            Check.argument(scores.height() == 1 && scores.width() == 1, () -> "predict needs a network that ends in "
                    + "one score per class (N x classes x 1 x 1) but this one gives " + Check.describe(scores.shape()));
            float[] score = scores.toFloatArray();
            int classes = scores.channels();
            for (int n = from; n < to; n++) {
                int first = (n - from) * classes;
                for (int j = 1; j < classes; j++) {
                    if (score[first + j] > score[first + predicted[n]]) {
                        predicted[n] = j;
                    }
                }
            }
        }
        return predicted;
    }

    @Override
    public Shape outputShape(Shape input) {
        Shape shape = input;
        for (Layer layer : layers) {
            shape = layer.outputShape(shape);
        }
        return shape;
    }

    @Override
    public List<Parameter> parameters() {
        List<Parameter> parameters = new ArrayList<>();
        layers.forEach(layer -> parameters.addAll(layer.parameters()));
        return List.copyOf(parameters);
    }

    @Override
    public long multiplyAdds(Shape input) {
        long total = 0;
        Shape shape = input;
        for (Layer layer : layers) {
            total += layer.multiplyAdds(shape);
            shape = layer.outputShape(shape);
        }
        return total;
    }


    /**
     * The network layer by layer for one image of shape {@code input}: each layer's output shape, the
     * numbers it learns and the multiply-adds its forward pass makes; then the totals.
     */
    public Table summary(Shape input) {
        StringColumn layer = StringColumn.create("layer");
        StringColumn output = StringColumn.create("output (C x H x W)");
        LongColumn parameters = LongColumn.create("parameters");
        LongColumn multiplyAdds = LongColumn.create("multiply-adds");
        layer.append("input");
        output.append(input.toString());
        parameters.append(0);
        multiplyAdds.append(0);
        Shape shape = input;
        for (Layer each : layers) {
            multiplyAdds.append(each.multiplyAdds(shape));
            shape = each.outputShape(shape);
            layer.append(each.toString());
            output.append(shape.toString());
            parameters.append(each.parameters().stream().mapToLong(Parameter::size).sum());
        }
        layer.append("total");
        output.append("");
        parameters.append((long) parameters.sum());
        multiplyAdds.append((long) multiplyAdds.sum());
        return Table.create("network summary", layer, output, parameters, multiplyAdds);
    }

    @Override
    public String toString() {
        return "Sequential" + layers;
    }
}
