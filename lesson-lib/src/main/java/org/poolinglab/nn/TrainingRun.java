package org.poolinglab.nn;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One run of an {@link Experiment}: which model, with which learning rate and seed, how long its training
 * took, the loss of every training step, what each measure gave, and the trained network itself.
 *
 * @param model        the model's name
 * @param learningRate SGD's step size
 * @param seed         the run's seed
 * @param seconds      the time its training steps took (measured: it changes from run to run)
 * @param losses       the mean loss of each training step's batch, in order
 * @param measures     each measure's value, by name, in the order they were added
 * @param network      the trained network
 */
public record TrainingRun(String model, double learningRate, int seed, double seconds, double[] losses,
                          Map<String, Double> measures, Sequential network) {

    public TrainingRun {
        losses = losses.clone();
        measures = Collections.unmodifiableMap(new LinkedHashMap<>(measures));
    }

    /** The loss of each training step, a fresh copy. */
    @Override
    public double[] losses() {
        return losses.clone();
    }

    /** What measure {@code name} gave for this run. */
    public double measure(String name) {
        Double value = measures.get(name);
        Check.argument(value != null, () -> "measure must be one of " + measures.keySet() + " but was " + name);
        return value;
    }
}
