package org.poolinglab.nn;

import java.util.ArrayList;
import java.util.List;

/**
 * Stochastic gradient descent with momentum, PyTorch's {@code optim.SGD} update rule: for each
 * parameter {@code p} with gradient {@code g},
 * <pre>
 * v = momentum * v + g      (v = g on the first step)
 * p = p - learningRate * v
 * </pre>
 * The velocity {@code v} keeps a running sum of past gradients, so steps that agree add up and steps
 * that disagree cancel out. With {@code momentum = 0} this is plain gradient descent.
 */
public final class Sgd {

    private final List<Parameter> parameters;
    private double learningRate;
    private final double momentum;
    /** One velocity per parameter, same layout; {@code null} until the first step. */
    private final List<float[]> velocities = new ArrayList<>();

    /**
     * @param parameters   what to update, e.g. {@code model.parameters()}; the list is copied
     * @param learningRate the step size, a positive number
     * @param momentum     how much of the last velocity to keep, in {@code [0, 1)}
     */
    public Sgd(List<Parameter> parameters, double learningRate, double momentum) {
        this.parameters = List.copyOf(Check.notNull("parameters", parameters));
        Check.argument(learningRate > 0 && Double.isFinite(learningRate),
                () -> "learningRate must be a positive number but was " + learningRate);
        Check.argument(momentum >= 0 && momentum < 1, () -> "momentum must be in [0, 1) but was " + momentum);
        this.learningRate = learningRate;
        this.momentum = momentum;
        for (int i = 0; i < this.parameters.size(); i++) {
            velocities.add(null);
        }
    }

    /** Moves every parameter one step against its gradient. */
    public void step() {
        float rate = (float) learningRate; // float32 arithmetic, as PyTorch's on float32 parameters
        float keep = (float) momentum;
        for (int p = 0; p < parameters.size(); p++) {
            float[] value = parameters.get(p).value();
            float[] grad = parameters.get(p).grad();
            float[] velocity = velocities.get(p);
            if (velocity == null) {
                velocity = grad.clone();
                velocities.set(p, velocity);
            } else {
                for (int i = 0; i < velocity.length; i++) {
                    velocity[i] = keep * velocity[i] + grad[i];
                }
            }
            for (int i = 0; i < value.length; i++) {
                value[i] -= rate * velocity[i];
            }
        }
    }

    /** Sets every parameter's gradient to zero, ready for the next batch. */
    public void zeroGrad() {
        parameters.forEach(Parameter::zeroGrad);
    }

    public double learningRate() {
        return learningRate;
    }

    /**
     * Changes the step size from the next {@link #step()} on, as a learning-rate schedule does (PyTorch's
     * schedulers set {@code param_group["lr"]} the same way); the velocities stay.
     *
     * @param learningRate a positive number, or 0 for a step that changes nothing
     */
    public void setLearningRate(double learningRate) {
        Check.argument(learningRate >= 0 && Double.isFinite(learningRate),
                () -> "learningRate must be a number >= 0 but was " + learningRate);
        this.learningRate = learningRate;
    }

    public double momentum() {
        return momentum;
    }
}
