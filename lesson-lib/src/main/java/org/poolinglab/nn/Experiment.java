package org.poolinglab.nn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.poolinglab.Parallel;
import org.poolinglab.data.LabelledImages;

/**
 * Several networks, each trained several times from different seeds, side by side on the processor's
 * cores, with the results in one table. One run of one network shows what that run did; the runs of
 * other seeds show how much of it was luck (the starting weights, the order of the pictures), so a
 * difference between two networks can be called real only when it is larger than that spread.
 * <pre>{@code
 * ExperimentResults results = Experiment.on(training).epochs(1).seeds(1, 2, 3, 4, 5)
 *         .model("max pooling", 0.05, random -> new Sequential(new Conv2d(1, 8, 3, random).padding(1),
 *                 new ReLU(), new MaxPool2d(2), new Flatten(), new Linear(8 * 14 * 14, 10, random)))
 *         .model("no pooling", 0.05, random -> new Sequential(new Conv2d(1, 8, 3, random).padding(1),
 *                 new ReLU(), new Flatten(), new Linear(8 * 28 * 28, 10, random)))
 *         .measure("test %", model -> Accuracy.of(model, test))
 *         .run();
 * results.summary()   // per model: each measure's mean and standard deviation over the seeds
 * }</pre>
 *
 * <p><b>A run</b> of a model with seed {@code s} is SGD with momentum over the training pictures in
 * batches, for the given number of epochs, then every measure on the trained network. {@code new Random(s)}
 * gives three seeds, one for each source of chance: the network's starting weights (the {@code Random}
 * handed to the model's function), the order of the pictures in each epoch, and, for a model trained on
 * moved pictures, the moves. So the same seed gives every model the same order of pictures, and the
 * same run gives the same numbers every time.
 *
 * <p><b>Side by side.</b> The runs are independent, so they are shared out whole across the cores
 * ({@link Parallel#runSideBySide}), each on one thread: each run's numbers are exactly those it gives
 * alone, on any number of threads.
 */
public final class Experiment {

    private final LabelledImages training;
    private int epochs = 1;
    private int batchSize = 64;
    private double momentum = 0.9;
    private boolean decayLearningRate;
    private double warmUp;
    private int[] seeds = {1};
    private final List<Model> models = new ArrayList<>();
    private final Map<String, ToDoubleFunction<Sequential>> measures = new LinkedHashMap<>();

    /** A model to train: its name, learning rate, how far its training pictures are moved, and its network. */
    private record Model(String name, double learningRate, int maxShift, Function<Random, Sequential> network) {
    }

    private Experiment(LabelledImages training) {
        this.training = training;
    }

    /** An experiment that trains on {@code training}: 1 epoch, batches of 64, momentum 0.9, seed 1, until set. */
    public static Experiment on(LabelledImages training) {
        return new Experiment(Check.notNull("training", training));
    }

    /** How many times each run goes through all the training pictures; returns this experiment. */
    public Experiment epochs(int epochs) {
        this.epochs = Check.atLeast("epochs", epochs, 1);
        return this;
    }

    /** Pictures per training step; returns this experiment. */
    public Experiment batchSize(int batchSize) {
        this.batchSize = Check.atLeast("batchSize", batchSize, 1);
        return this;
    }

    /** SGD's momentum, in {@code [0, 1)}, for every model; returns this experiment. */
    public Experiment momentum(double momentum) {
        Check.argument(momentum >= 0 && momentum < 1, () -> "momentum must be in [0, 1) but was " + momentum);
        this.momentum = momentum;
        return this;
    }

    /**
     * Lets the learning rate fall in a straight line from the model's rate at the first step to 0 after the
     * last, {@code rate * (1 - step / steps)} (PyTorch's {@code LinearLR} with {@code end_factor=0}): large
     * steps early to get near a good minimum, small ones at the end to settle in it, so that where a run
     * ends depends less on its last few batches. Returns this experiment.
     */
    public Experiment decayLearningRate() {
        this.decayLearningRate = true;
        return this;
    }

    /**
     * Lets the learning rate rise in a straight line from near 0 to the model's rate over the first
     * {@code share} of the steps (a warm-up, PyTorch's {@code LinearLR} from a small start): a network's
     * first gradients are large and unreliable, and full-size steps on them can throw a deeper network
     * off for good. With {@link #decayLearningRate} the two factors multiply. Returns this experiment.
     *
     * @param share of the steps, in {@code [0, 1)}; 0 for no warm-up
     */
    public Experiment warmUp(double share) {
        Check.argument(share >= 0 && share < 1, () -> "share must be in [0, 1) but was " + share);
        this.warmUp = share;
        return this;
    }

    /**
     * The factor of the model's learning rate at step {@code step} (from 0) of {@code steps}: the warm-up's
     * {@code (step + 1) / warm-up steps} during the warm-up, times {@code 1 - step / steps} when the rate
     * decays; 1 without either.
     */
    static double learningRateFactor(int step, int steps, double warmUp, boolean decay) {
        long warmUpSteps = Math.round(warmUp * steps);
        double rising = step < warmUpSteps ? (step + 1.0) / warmUpSteps : 1;
        return rising * (decay ? 1 - (double) step / steps : 1);
    }

    /** The seeds: each model is trained once per seed; returns this experiment. */
    public Experiment seeds(int... seeds) {
        Check.notNull("seeds", seeds);
        Check.argument(seeds.length > 0, () -> "seeds must not be empty");
        for (int i = 0; i < seeds.length; i++) {
            for (int j = 0; j < i; j++) {
                int seed = seeds[i];
                Check.argument(seeds[j] != seed, () -> "seeds must differ but " + seed + " is there twice");
            }
        }
        this.seeds = seeds.clone();
        return this;
    }

    /**
     * A model to train once per seed, on the pictures as they are.
     *
     * @param name         its row in the results, e.g. {@code "max pooling"}
     * @param learningRate SGD's step size for it
     * @param network      makes the network from a seeded {@code Random}, which it must use for every
     *                     starting weight (pass it to each layer), and must make new layers every time
     */
    public Experiment model(String name, double learningRate, Function<Random, Sequential> network) {
        return model(name, learningRate, 0, network);
    }

    /**
     * A model trained on moved pictures: in every batch each picture is moved by a random number of rows
     * and columns from {@code -maxShift} to {@code maxShift} ({@link LabelledImages#randomlyShifted}),
     * anew in every epoch. See {@link #model(String, double, Function)} for the rest.
     */
    public Experiment model(String name, double learningRate, int maxShift, Function<Random, Sequential> network) {
        Check.notNull("name", name);
        Check.notNull("network", network);
        Check.argument(learningRate > 0 && Double.isFinite(learningRate),
                () -> "learningRate must be a positive number but was " + learningRate);
        Check.atLeast("maxShift", maxShift, 0);
        for (Model model : models) {
            Check.argument(!(model.name.equals(name) && model.learningRate == learningRate),
                    () -> "model " + name + " with learning rate " + learningRate + " is there twice");
        }
        models.add(new Model(name, learningRate, maxShift, network));
        return this;
    }

    /**
     * A number to compute from each trained network, e.g. {@code model -> Accuracy.of(model, test)}: a
     * column of the results. Runs in each run's thread, so it must only read what it shares.
     */
    public Experiment measure(String name, ToDoubleFunction<Sequential> measure) {
        Check.notNull("name", name);
        Check.notNull("measure", measure);
        Check.argument(!measures.containsKey(name), () -> "measure " + name + " is there twice");
        measures.put(name, measure);
        return this;
    }

    /**
     * The plan, e.g. {@code 30 runs: 6 models x 5 seeds (3, 4, 5, 6, 7), each 1 epoch of 15000 pictures in
     * batches of 64, SGD with momentum 0.9, the learning rate rising over the first 10% of the steps, then
     * falling to 0; measured: test %, consistency %}.
     */
    @Override
    public String toString() {
        int runs = models.size() * seeds.length;
        StringBuilder plan = new StringBuilder().append(runs).append(runs == 1 ? " run: " : " runs: ")
                .append(models.size()).append(models.size() == 1 ? " model" : " models").append(" x ")
                .append(seeds.length).append(seeds.length == 1 ? " seed (" : " seeds (");
        for (int i = 0; i < seeds.length; i++) {
            plan.append(i == 0 ? "" : ", ").append(seeds[i]);
        }
        plan.append("), each ").append(epochs).append(epochs == 1 ? " epoch of " : " epochs of ")
                .append(training.size()).append(" pictures in batches of ").append(batchSize)
                .append(", SGD with momentum ").append(momentum);
        if (warmUp > 0 || decayLearningRate) {
            plan.append(", the learning rate");
            plan.append(warmUp > 0 ? " rising over the first " + Math.round(100 * warmUp) + "% of the steps" : "");
            plan.append(warmUp > 0 && decayLearningRate ? ", then" : "");
            plan.append(decayLearningRate ? " falling to 0" : "");
        }
        return plan.append(measures.isEmpty() ? "" : "; measured: " + String.join(", ", measures.keySet()))
                .toString();
    }

    /** Trains every model once per seed, side by side, and measures each trained network. */
    public ExperimentResults run() {
        Check.argument(!models.isEmpty(), () -> "an experiment needs at least one model: add one with model(...)");
        List<Model> runModels = new ArrayList<>();
        List<Integer> runSeeds = new ArrayList<>();
        for (Model model : models) {
            for (int seed : seeds) {
                runModels.add(model);
                runSeeds.add(seed);
            }
        }
        TrainingRun[] runs = new TrainingRun[runModels.size()];
        Parallel.runSideBySide(runs.length, i -> runs[i] = train(runModels.get(i), runSeeds.get(i)));
        return new ExperimentResults(List.of(runs), List.copyOf(measures.keySet()), epochs);
    }

    /** One run: the network from the seed, trained for the epochs, then measured. */
    private TrainingRun train(Model model, int seed) {
        Random seeds = new Random(seed);
        Sequential network = Check.notNull("the network made for " + model.name,
                model.network.apply(new Random(seeds.nextLong())));
        Random order = new Random(seeds.nextLong());
        Random moves = new Random(seeds.nextLong());
        Sgd sgd = new Sgd(network.parameters(), model.learningRate, momentum);
        List<Double> losses = new ArrayList<>();
        int steps = epochs * ((training.size() + batchSize - 1) / batchSize);
        long start = System.nanoTime();
        for (int epoch = 0; epoch < epochs; epoch++) {
            for (LabelledImages batch : training.shuffledBatches(order.nextLong(), batchSize)) {
                sgd.setLearningRate(model.learningRate
                        * learningRateFactor(losses.size(), steps, warmUp, decayLearningRate));
                LabelledImages pictures = model.maxShift == 0 ? batch : batch.randomlyShifted(model.maxShift, moves);
                losses.add(network.trainStep(pictures.images(), pictures.labels(), sgd));
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Double> measured = new LinkedHashMap<>();
        measures.forEach((name, measure) -> measured.put(name, measure.applyAsDouble(network)));
        return new TrainingRun(model.name, model.learningRate, seed, seconds,
                losses.stream().mapToDouble(Double::doubleValue).toArray(), measured, network);
    }
}
