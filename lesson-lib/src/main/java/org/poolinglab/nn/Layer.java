package org.poolinglab.nn;

import java.util.List;
import java.util.function.IntConsumer;
import org.poolinglab.FeatureMap;
import org.poolinglab.Parallel;

/**
 * One step of a network. {@link #forward} computes the layer's output for a batch and remembers what
 * the backward pass will need; {@link #backward} takes the gradient of the loss with respect to that
 * output and returns the gradient with respect to the input, adding the gradients of the layer's own
 * {@link #parameters()} to their {@link Parameter#grad()} on the way (the chain rule, one layer at a time).
 *
 * <p>Layers share a batch out across the processor's cores ({@link Parallel#setThreads} says how many);
 * the results do not depend on how many.
 */
public abstract class Layer {

    /** The output for {@code input} ({@code N x C x H x W}); remembers what {@link #backward} needs. */
    public abstract FeatureMap forward(FeatureMap input);

    /**
     * The gradient of the loss with respect to the last forward pass's input, given the gradient with
     * respect to its output. Adds (+=) this batch's parameter gradients to {@link Parameter#grad()}, as
     * PyTorch does, so call {@link #zeroGrad()} before each batch.
     *
     * @param gradOutput shaped like the last output of {@link #forward}
     */
    public abstract FeatureMap backward(FeatureMap gradOutput);

    /**
     * {@link #backward} for when nothing needs the input's gradient, as for the first layer of a
     * network, whose input is the images: only the parameters' gradients are added. Layers that can
     * skip work this way (a convolution) override it; PyTorch skips the same work.
     */
    void backwardToParameters(FeatureMap gradOutput) {
        backward(gradOutput);
    }

    /** The shape of one image's output, given one image's input shape; checks that the input fits. */
    public abstract Shape outputShape(Shape input);

    /** The tensors this layer learns; none for layers without weights. */
    public List<Parameter> parameters() {
        return List.of();
    }

    /** The multiplications (each followed by an addition) a forward pass makes per image. */
    public long multiplyAdds(Shape input) {
        return 0;
    }

    /** Sets the gradient of every parameter to zero. */
    public final void zeroGrad() {
        parameters().forEach(Parameter::zeroGrad);
    }

    /** Runs {@code task.accept(i)} for {@code i = 0 .. count - 1}, shared out across the cores ({@link Parallel}). */
    final void inParallel(int count, IntConsumer task) {
        Parallel.forEach(count, task);
    }
}
