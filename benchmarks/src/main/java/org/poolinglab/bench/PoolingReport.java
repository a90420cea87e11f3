package org.poolinglab.bench;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * {@code ./lab bench}'s pooling table: each shape of {@link PoolingBenchmark} timed by JMH (with its GC
 * profiler, for the bytes allocated per call) on one thread and on all cores, then right after, on the same
 * machine, by PyTorch ({@code benchmarks/pytorch/pooling.py}) with the same thread counts; the memory copy
 * last, for scale. Both sides time 3 warm-up and 5 measured iterations of a second each and report the best
 * iteration's mean time per call. Prints one table, and writes it as JSON and as a Markdown table next to it.
 *
 * <p>Arguments: the JSON file to write, the Python to run PyTorch with, and the PyTorch script.
 */
public final class PoolingReport {

    /** One row of the table: a benchmark of {@link PoolingBenchmark} and the PyTorch case of the same id. */
    private record Shape(String id, String operation, int[] input, int[] output) {

        long inputBytes() {
            return 4L * input[0] * input[1] * input[2] * input[3];
        }

        long outputBytes() {
            return 4L * output[0] * output[1] * output[2] * output[3];
        }

        String inputShape() {
            return input[0] + "x" + input[1] + "x" + input[2] + "x" + input[3];
        }
    }

    private static final List<Shape> SHAPES = List.of(
            new Shape("max2x2Stride2", "max 2x2, stride 2", new int[] {1, 64, 256, 256}, new int[] {1, 64, 128, 128}),
            new Shape("avg2x2Stride2", "average 2x2, stride 2", new int[] {1, 64, 256, 256}, new int[] {1, 64, 128, 128}),
            new Shape("max3x3Stride2Pad1", "max 3x3, stride 2, padding 1", new int[] {8, 64, 112, 112},
                    new int[] {8, 64, 56, 56}),
            new Shape("globalAvg", "global average", new int[] {32, 512, 7, 7}, new int[] {32, 512, 1, 1}),
            new Shape("copy", "memory copy", new int[] {8, 64, 112, 112}, new int[] {8, 64, 112, 112}));

    /** Figures of one shape: lesson-lib's and PyTorch's GB/s, by thread count, and lesson-lib's bytes per call. */
    private static final class Figures {
        final Map<Integer, Double> lessonLib = new LinkedHashMap<>();
        final Map<Integer, Double> pytorch = new LinkedHashMap<>();
        double allocatedBytes = Double.NaN;
    }

    private PoolingReport() {
    }

    public static void main(String[] args) throws RunnerException, IOException, InterruptedException {
        Path json = Path.of(args.length > 0 ? args[0] : "build/bench/pooling.json");
        String python = args.length > 1 ? args[1] : "/usr/bin/python3";
        Path script = Path.of(args.length > 2 ? args[2] : "benchmarks/pytorch/pooling.py");
        int cores = Runtime.getRuntime().availableProcessors();
        List<Integer> threadCounts = cores > 1 ? List.of(1, cores) : List.of(1);

        String pytorchVersion = PyTorch.version(python, script);
        Map<Shape, Figures> figures = new LinkedHashMap<>();
        for (Shape shape : SHAPES) {
            Figures row = new Figures();
            measureLessonLib(shape, threadCounts, row);
            if (pytorchVersion != null) {
                row.pytorch.putAll(PyTorch.measure(python, script, shape.id(), threadCounts));
            }
            figures.put(shape, row);
        }
        List<List<String>> rows = rows(figures, threadCounts, pytorchVersion != null);
        String title = String.format(Locale.ROOT, "Pooling, float32, input GB/s (input bytes / time per call, best of "
                + "5 one-second iterations), %s, %d cores; %s", LocalDate.now(), cores, pytorchVersion == null
                ? "PyTorch not measured (the reason is printed above the table): lesson-lib alone"
                : "PyTorch " + pytorchVersion + " (CPU) measured in the same run");
        String legend = (pytorchVersion == null ? "" : "ratio: lesson-lib / PyTorch on as many threads. ")
                + "of copy: lesson-lib's 1-thread GB/s over the memory copy's. alloc / output: bytes JMH's GC "
                + "profiler saw allocated per call, over the output's bytes.";
        System.out.printf("%n%s%n%s%s%n", title, aligned(rows), legend);
        Files.createDirectories(json.toAbsolutePath().getParent());
        Files.writeString(json, json(figures, pytorchVersion, cores), StandardCharsets.UTF_8);
        Path markdown = json.resolveSibling(json.getFileName().toString().replaceFirst("\\.json$", "") + ".md");
        Files.writeString(markdown, title + "\n\n" + markdown(rows) + "\n" + legend + "\n", StandardCharsets.UTF_8);
        System.out.println("\nwritten to " + json + " and " + markdown);
    }

    private static void measureLessonLib(Shape shape, List<Integer> threadCounts, Figures row) throws RunnerException {
        OptionsBuilder options = new OptionsBuilder();
        options.include(PoolingBenchmark.class.getName() + "\\." + shape.id() + "$")
                .param("threads", threadCounts.stream().map(String::valueOf).toArray(String[]::new))
                .addProfiler(GCProfiler.class)
                .verbosity(VerboseMode.SILENT);
        for (RunResult result : new Runner(options.build()).run()) {
            int threads = Integer.parseInt(result.getParams().getParam("threads"));
            // The best iteration: on a machine shared with other work, the one least disturbed by it.
            double millis = result.getPrimaryResult().getStatistics().getMin();
            row.lessonLib.put(threads, shape.inputBytes() / (millis / 1000) / 1e9);
            System.err.printf(Locale.ROOT, "lesson-lib %s, %d thread(s): %.2f GB/s%n", shape.id(), threads,
                    row.lessonLib.get(threads));
            if (threads == 1) {
                Result<?> allocated = result.getSecondaryResults().get("gc.alloc.rate.norm");
                row.allocatedBytes = allocated == null ? Double.NaN : allocated.getScore();
            }
        }
    }

    /** The table's rows, the header first. */
    private static List<List<String>> rows(Map<Shape, Figures> figures, List<Integer> threadCounts, boolean pytorch) {
        List<String> header = new ArrayList<>(List.of("operation", "input"));
        threadCounts.forEach(threads -> header.add("lesson-lib " + threads + "t"));
        if (pytorch) {
            threadCounts.forEach(threads -> header.add("PyTorch " + threads + "t"));
            threadCounts.forEach(threads -> header.add("ratio " + threads + "t"));
        }
        header.add("of copy");
        header.add("alloc / output");
        List<List<String>> rows = new ArrayList<>();
        rows.add(header);
        double copy = figures.entrySet().stream().filter(entry -> entry.getKey().id().equals("copy"))
                .mapToDouble(entry -> entry.getValue().lessonLib.getOrDefault(1, Double.NaN)).findFirst().orElse(Double.NaN);
        for (Map.Entry<Shape, Figures> entry : figures.entrySet()) {
            Shape shape = entry.getKey();
            Figures row = entry.getValue();
            boolean isCopy = shape.id().equals("copy");
            List<String> cells = new ArrayList<>(List.of(isCopy ? "memory copy (arraycopy / copy_)" : shape.operation(),
                    shape.inputShape()));
            threadCounts.forEach(threads -> cells.add(format(row.lessonLib.get(threads), "%.2f")));
            if (pytorch) {
                threadCounts.forEach(threads -> cells.add(format(row.pytorch.get(threads), "%.2f")));
                threadCounts.forEach(threads -> cells.add(isCopy ? ""
                        : format(ratio(row.lessonLib.get(threads), row.pytorch.get(threads)), "%.1fx")));
            }
            cells.add(isCopy ? "" : format(100 * row.lessonLib.getOrDefault(1, Double.NaN) / copy, "%.0f%%"));
            cells.add(isCopy ? "" : format(row.allocatedBytes / shape.outputBytes(), "%.3f"));
            rows.add(cells);
        }
        return rows;
    }

    private static Double ratio(Double lessonLib, Double pytorch) {
        return lessonLib == null || pytorch == null ? null : lessonLib / pytorch;
    }

    private static String format(Double value, String pattern) {
        return value == null || value.isNaN() ? "-" : String.format(Locale.ROOT, pattern, value);
    }

    /** The rows as columns: text left-aligned, figures right-aligned. */
    private static String aligned(List<List<String>> rows) {
        int[] widths = new int[rows.get(0).size()];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder text = new StringBuilder();
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                String cell = row.get(i);
                String padding = " ".repeat(widths[i] - cell.length());
                text.append(i == 0 ? "" : "  ").append(i < 2 ? cell + padding : padding + cell);
            }
            text.append(System.lineSeparator());
        }
        return text.toString();
    }

    /** The rows as a Markdown table. */
    private static String markdown(List<List<String>> rows) {
        StringBuilder text = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            text.append("| ").append(String.join(" | ", rows.get(r))).append(" |\n");
            if (r == 0) {
                text.append("|---|---|").append("---:|".repeat(rows.get(0).size() - 2)).append("\n");
            }
        }
        return text.toString();
    }

    private static String json(Map<Shape, Figures> figures, String pytorchVersion, int cores) {
        JsonObject root = new JsonObject();
        root.addProperty("date", LocalDate.now().toString());
        root.addProperty("cores", cores);
        root.addProperty("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        root.addProperty("pytorch", pytorchVersion);
        root.addProperty("unit", "input GB/s: input bytes (float32) / mean time per call in the best of 5 one-second "
                + "iterations");
        JsonArray rows = new JsonArray();
        for (Map.Entry<Shape, Figures> entry : figures.entrySet()) {
            Shape shape = entry.getKey();
            Figures row = entry.getValue();
            JsonObject json = new JsonObject();
            json.addProperty("benchmark", shape.id());
            json.addProperty("operation", shape.operation());
            json.addProperty("input", shape.inputShape());
            json.add("lesson_lib_gb_per_s", byThreads(row.lessonLib));
            json.add("pytorch_gb_per_s", byThreads(row.pytorch));
            json.addProperty("input_bytes", shape.inputBytes());
            json.addProperty("output_bytes", shape.outputBytes());
            if (!Double.isNaN(row.allocatedBytes)) {
                json.addProperty("allocated_bytes_per_call", row.allocatedBytes);
            }
            rows.add(json);
        }
        root.add("results", rows);
        return new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create().toJson(root) + "\n";
    }

    private static JsonObject byThreads(Map<Integer, Double> figures) {
        JsonObject json = new JsonObject();
        figures.forEach((threads, value) -> json.addProperty(String.valueOf(threads), value));
        return json;
    }

    /** PyTorch's side, run as a separate process: {@code benchmarks/pytorch/pooling.py}. */
    private static final class PyTorch {

        /** PyTorch's version, or null (with the reason printed) when it cannot be run. */
        static String version(String python, Path script) throws IOException, InterruptedException {
            Output output = run(List.of(python, script.toString(), "--version"));
            if (output.exitCode != 0) {
                System.out.println("PyTorch is not measured: " + output.text.strip());
                return null;
            }
            return output.text.strip();
        }

        /** GB/s of case {@code id} for each thread count. */
        static Map<Integer, Double> measure(String python, Path script, String id, List<Integer> threadCounts)
                throws IOException, InterruptedException {
            String threads = String.join(",", threadCounts.stream().map(String::valueOf).toList());
            Output output = run(List.of(python, script.toString(), "--case", id, "--threads", threads));
            Map<Integer, Double> figures = new LinkedHashMap<>();
            if (output.exitCode != 0) {
                System.out.println("PyTorch failed on " + id + ": " + output.text.strip());
                return figures;
            }
            for (JsonElement result : JsonParser.parseString(output.text).getAsJsonObject().getAsJsonArray("results")) {
                JsonObject figure = result.getAsJsonObject();
                figures.put(figure.get("threads").getAsInt(), figure.get("gb_per_s").getAsDouble());
            }
            return figures;
        }

        private record Output(int exitCode, String text) {
        }

        /** Runs a command; its standard error goes to ours (progress), its standard output is returned. */
        private static Output run(List<String> command) throws IOException, InterruptedException {
            Process process;
            try {
                process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            } catch (IOException cannotStart) {
                return new Output(-1, "cannot run " + command.get(0) + ": " + cannotStart.getMessage());
            }
            String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new Output(process.waitFor(), text);
        }
    }
}
