package org.poolinglab.nn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;

/**
 * What an {@link Experiment} found: every run, and per model the mean and the spread of each measure over
 * the seeds. The spread is the sample standard deviation, {@code sd = sqrt(sum of (x - mean)^2 / (n - 1))}
 * over the {@code n} runs: about two thirds of the runs lie within one {@code sd} of the mean.
 *
 * <p>Two models' means differ by chance too. The standard error of the difference,
 * {@code se = sqrt(sd1^2 / n1 + sd2^2 / n2)}, says by how much: {@link #differences} calls a difference
 * clear when it is more than twice that (a rough rule, about 95% sure for runs that vary like a normal
 * distribution).
 */
public final class ExperimentResults {

    private final List<TrainingRun> runs;
    private final List<String> measures;
    private final int epochs;

    ExperimentResults(List<TrainingRun> runs, List<String> measures, int epochs) {
        this.runs = runs;
        this.measures = measures;
        this.epochs = epochs;
    }

    /** Every run, model by model, each model's seeds in order. */
    public List<TrainingRun> runs() {
        return runs;
    }

    /** The measures' names, in the order they were added. */
    public List<String> measures() {
        return measures;
    }

    /** The models' names, in the order they were added. */
    public List<String> models() {
        Set<String> names = new LinkedHashSet<>();
        runs.forEach(run -> names.add(run.model()));
        return List.copyOf(names);
    }

    /** One row per run: model, learning rate, seed, training seconds, then each measure. */
    public Table table() {
        StringColumn model = StringColumn.create("model");
        DoubleColumn learningRate = DoubleColumn.create("learning rate");
        IntColumn seed = IntColumn.create("seed");
        DoubleColumn seconds = DoubleColumn.create("seconds");
        seconds.setPrintFormatter(NumberColumnFormatter.fixedWithGrouping(1));
        Table table = Table.create("every run", model, learningRate, seed, seconds);
        for (String measure : measures) {
            DoubleColumn column = DoubleColumn.create(measure);
            column.setPrintFormatter(NumberColumnFormatter.fixedWithGrouping(2));
            table.addColumns(column);
        }
        for (TrainingRun run : runs) {
            model.append(run.model());
            learningRate.append(run.learningRate());
            seed.append(run.seed());
            seconds.append(run.seconds());
            for (String measure : measures) {
                table.doubleColumn(measure).append(run.measure(measure));
            }
        }
        return table;
    }

    /**
     * One row per model (and learning rate, when a model was trained with several): how many runs, the
     * mean training time of a run, and each measure as {@code mean ± sd} over the seeds.
     */
    public Table summary() {
        StringColumn model = StringColumn.create("model");
        DoubleColumn learningRate = DoubleColumn.create("learning rate");
        IntColumn count = IntColumn.create("runs");
        DoubleColumn seconds = DoubleColumn.create("s / run");
        seconds.setPrintFormatter(NumberColumnFormatter.fixedWithGrouping(1));
        Table table = Table.create("mean ± standard deviation over the seeds", model, learningRate, count, seconds);
        for (String measure : measures) {
            table.addColumns(StringColumn.create(measure));
        }
        for (List<TrainingRun> group : groups().values()) {
            model.append(group.get(0).model());
            learningRate.append(group.get(0).learningRate());
            count.append(group.size());
            seconds.append(group.stream().mapToDouble(TrainingRun::seconds).average().orElseThrow());
            for (String measure : measures) {
                double[] values = group.stream().mapToDouble(run -> run.measure(measure)).toArray();
                table.stringColumn(measure).append(meanAndSpread(values));
            }
        }
        return table;
    }

    /**
     * Each model against {@code baseline} on one measure: its mean and standard deviation, the difference
     * of the means, twice the standard error of that difference, and whether the difference is larger
     * (clear) or not (within what chance gives).
     */
    public Table differences(String measure, String baseline) {
        double[] base = values(baseline, measure);
        StringColumn model = StringColumn.create("model");
        StringColumn meanAndSd = StringColumn.create(measure);
        StringColumn difference = StringColumn.create("minus " + baseline);
        StringColumn twoErrors = StringColumn.create("2 x standard error");
        StringColumn clear = StringColumn.create("clear");
        for (String name : models()) {
            if (name.equals(baseline)) {
                continue;
            }
            double[] values = values(name, measure);
            double gap = mean(values) - mean(base);
            double error = 2 * Math.sqrt(variance(values) / values.length + variance(base) / base.length);
            model.append(name);
            meanAndSd.append(meanAndSpread(values));
            difference.append(String.format(Locale.ROOT, "%+.2f", gap));
            twoErrors.append(String.format(Locale.ROOT, "%.2f", error));
            clear.append(Math.abs(gap) > error ? "yes" : "no");
        }
        return Table.create(measure + " against " + baseline + " (" + meanAndSpread(base) + ")", model, meanAndSd,
                difference, twoErrors, clear);
    }

    /** What {@code measure} gave in each run of {@code model}, in the order of the seeds. */
    public double[] values(String model, String measure) {
        checkMeasure(measure);
        List<TrainingRun> group = runsOf(model);
        return group.stream().mapToDouble(run -> run.measure(measure)).toArray();
    }

    /** {@link #values(String, String)} for every model, in the order they were added. */
    public Map<String, double[]> values(String measure) {
        Map<String, double[]> byModel = new LinkedHashMap<>();
        models().forEach(model -> byModel.put(model, values(model, measure)));
        return byModel;
    }

    /** The mean of {@code measure} over the runs of {@code model}. */
    public double mean(String model, String measure) {
        return mean(values(model, measure));
    }

    /** The sample standard deviation of {@code measure} over the runs of {@code model}; NaN for a single run. */
    public double standardDeviation(String model, String measure) {
        return Math.sqrt(variance(values(model, measure)));
    }

    /** For each model trained with several learning rates, the one whose runs scored the highest mean. */
    public Map<String, Double> bestLearningRates(String measure) {
        checkMeasure(measure);
        Map<String, Double> best = new LinkedHashMap<>();
        Map<String, Double> bestMean = new LinkedHashMap<>();
        for (List<TrainingRun> group : groups().values()) {
            String model = group.get(0).model();
            double mean = group.stream().mapToDouble(run -> run.measure(measure)).average().orElseThrow();
            if (!bestMean.containsKey(model) || mean > bestMean.get(model)) {
                bestMean.put(model, mean);
                best.put(model, group.get(0).learningRate());
            }
        }
        return best;
    }

    /**
     * The training loss of {@code model}, {@code pointsPerEpoch} points per epoch: each point the mean loss
     * of the steps in that part of the epoch, averaged over the runs (steps left over at the end of an
     * epoch count in its last point).
     */
    public double[] lossCurve(String model, int pointsPerEpoch) {
        Check.atLeast("pointsPerEpoch", pointsPerEpoch, 1);
        List<TrainingRun> group = runsOf(model);
        int stepsPerEpoch = group.get(0).losses().length / epochs;
        Check.argument(pointsPerEpoch <= stepsPerEpoch, () -> "pointsPerEpoch must be at most the "
                + stepsPerEpoch + " steps of an epoch but was " + pointsPerEpoch);
        double[] curve = new double[epochs * pointsPerEpoch];
        for (TrainingRun run : group) {
            double[] losses = run.losses();
            double[] sums = new double[curve.length];
            int[] counts = new int[curve.length];
            for (int step = 0; step < losses.length; step++) {
                int epoch = Math.min(step / stepsPerEpoch, epochs - 1);
                int point = epoch * pointsPerEpoch
                        + Math.min(pointsPerEpoch - 1, (step - epoch * stepsPerEpoch) * pointsPerEpoch / stepsPerEpoch);
                sums[point] += losses[step];
                counts[point]++;
            }
            for (int point = 0; point < curve.length; point++) {
                curve[point] += sums[point] / counts[point] / group.size();
            }
        }
        return curve;
    }

    /** {@code "86.12 ± 0.31"}: the mean and the sample standard deviation; only the mean for a single run. */
    public static String meanAndSpread(double[] values) {
        return values.length == 1 ? String.format(Locale.ROOT, "%.2f", values[0])
                : String.format(Locale.ROOT, "%.2f ± %.2f", mean(values), Math.sqrt(variance(values)));
    }

    /** The runs by model and learning rate, in the order they were added. */
    private Map<String, List<TrainingRun>> groups() {
        Map<String, List<TrainingRun>> groups = new LinkedHashMap<>();
        for (TrainingRun run : runs) {
            groups.computeIfAbsent(run.model() + "\n" + run.learningRate(), key -> new ArrayList<>()).add(run);
        }
        return groups;
    }

    private List<TrainingRun> runsOf(String model) {
        Check.notNull("model", model);
        List<TrainingRun> group = runs.stream().filter(run -> run.model().equals(model)).toList();
        Check.argument(!group.isEmpty(), () -> "model must be one of " + models() + " but was " + model);
        Check.argument(group.stream().mapToDouble(TrainingRun::learningRate).distinct().count() == 1,
                () -> "model " + model + " was trained with several learning rates; pick its runs from runs()");
        return group;
    }

    private void checkMeasure(String measure) {
        Check.argument(measures.contains(measure), () -> "measure must be one of " + measures + " but was " + measure);
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum / values.length;
    }

    private static double variance(double[] values) {
        if (values.length < 2) {
            return Double.NaN;
        }
        double mean = mean(values);
        double squares = 0;
        for (double value : values) {
            squares += (value - mean) * (value - mean);
        }
        return squares / (values.length - 1);
    }
}
