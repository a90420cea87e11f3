package org.poolinglab.bench;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs {@link TrainingBenchmark} and prints images per second for each pooling and thread count, next
 * to PyTorch's for the same step when {@code benchmarks/pytorch/train_step.py} has measured them. Both
 * sides time 3 warm-up and 5 measured iterations of a second each and report the best iteration (the
 * one least disturbed by other work on a shared machine), as {@code ./lab bench pooling} does.
 *
 * <p>Arguments: where to write the figures (JSON), and optionally PyTorch's figures (the JSON
 * {@code train_step.py} writes).
 */
public final class TrainingBenchmarkMain {

    private TrainingBenchmarkMain() {
    }

    public static void main(String[] args) throws RunnerException, IOException {
        Path json = Path.of(args.length > 0 ? args[0] : "build/bench/training.json");
        Map<String, Long> pytorch = args.length > 1 ? pytorchFigures(Path.of(args[1])) : Map.of();
        Options options = new OptionsBuilder().include(TrainingBenchmark.class.getName())
                .verbosity(VerboseMode.SILENT).build();
        List<String> rows = new ArrayList<>();
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%n%-8s %8s %10s %18s %16s%n",
                "pooling", "threads", "ms/step", "lesson-lib img/s", "PyTorch img/s"));
        for (RunResult result : new Runner(options).run()) {
            String pooling = result.getParams().getParam("pooling");
            int threads = TrainingBenchmark.threadCount(result.getParams().getParam("threads"));
            double millis = result.getPrimaryResult().getStatistics().getMin(); // the best iteration
            double imagesPerSecond = TrainingBenchmark.BATCH / (millis / 1000);
            Long theirs = pytorch.get(pooling + "/" + threads);
            System.err.printf(Locale.ROOT, "lesson-lib, %s, %d thread(s): %.0f images/s%n", pooling, threads,
                    imagesPerSecond);
            table.append(String.format(Locale.ROOT, "%-8s %8d %10.2f %18.0f %16s%n", pooling, threads, millis,
                    imagesPerSecond, theirs == null ? "-" : theirs.toString()));
            rows.add(String.format(Locale.ROOT, "  {\"pooling\": \"%s\", \"threads\": %d, \"ms_per_step\": %.3f, "
                            + "\"images_per_s\": %.0f, \"pytorch_images_per_s\": %s}",
                    pooling, threads, millis, imagesPerSecond, theirs == null ? "null" : theirs.toString()));
        }
        System.out.print(table);
        if (pytorch.isEmpty()) {
            System.out.println("(no PyTorch figures: install Debian's python3-torch to measure them too)");
        }
        Files.createDirectories(json.toAbsolutePath().getParent());
        Files.writeString(json, "[\n" + String.join(",\n", rows) + "\n]\n", StandardCharsets.UTF_8);
        System.out.println("\nwritten to " + json);
    }

    /** PyTorch's images per second by {@code "pooling/threads"}, from train_step.py's JSON; none if it is missing. */
    private static Map<String, Long> pytorchFigures(Path file) throws IOException {
        if (!Files.exists(file)) {
            return Map.of();
        }
        JsonObject root = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
        Map<String, Long> figures = new HashMap<>();
        for (JsonElement element : root.getAsJsonArray("results")) {
            JsonObject row = element.getAsJsonObject();
            figures.put(row.get("pooling").getAsString() + "/" + row.get("threads").getAsInt(),
                    row.get("images_per_s").getAsLong());
        }
        return figures;
    }
}
