package org.poolinglab.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link PoolingBenchmark} and reports input gigabytes per second for each shape, next to
 * PyTorch 1.13's figures from DESIGN.md; writes the same figures as JSON to the path given as the
 * first argument.
 */
public final class BenchmarkMain {

    /** Input bytes (float32) and PyTorch 1.13's one-thread CPU figure in GB/s, per benchmark. */
    private record Shape(String label, long inputBytes, double pytorchGBs) {
    }

    private static final Map<String, Shape> SHAPES = Map.of(
            "max2x2Stride2On1x64x256x256", new Shape("max 2x2/2, 1x64x256x256", 4L * 64 * 256 * 256, 0.53),
            "avg2x2Stride2On1x64x256x256", new Shape("avg 2x2/2, 1x64x256x256", 4L * 64 * 256 * 256, 2.1),
            "max3x3Stride2Pad1On8x64x112x112", new Shape("max 3x3/2 pad 1, 8x64x112x112", 4L * 8 * 64 * 112 * 112, 0.62),
            "globalAvgOn32x512x7x7", new Shape("global avg, 32x512x7x7", 4L * 32 * 512 * 7 * 7, 37));

    private BenchmarkMain() {
    }

    public static void main(String[] args) throws RunnerException, IOException {
        Path json = Path.of(args.length > 0 ? args[0] : "build/bench/results.json");
        Options options = new OptionsBuilder().include(PoolingBenchmark.class.getName()).build();
        List<String> rows = new ArrayList<>();
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%n%-32s %10s %10s %14s%n",
                "benchmark", "ms/op", "GB/s", "PyTorch GB/s"));
        for (RunResult result : new Runner(options).run()) {
            String method = result.getParams().getBenchmark().replaceAll(".*\\.", "");
            Shape shape = SHAPES.get(method);
            double millis = result.getPrimaryResult().getScore();
            double error = result.getPrimaryResult().getScoreError();
            double gbPerSecond = shape.inputBytes() / (millis / 1000) / 1e9;
            table.append(String.format(Locale.ROOT, "%-32s %10.3f %10.2f %14.2f%n",
                    shape.label(), millis, gbPerSecond, shape.pytorchGBs()));
            rows.add(String.format(Locale.ROOT,
                    "  {\"benchmark\": \"%s\", \"shape\": \"%s\", \"ms_per_op\": %.4f, \"ms_error\": %.4f, "
                            + "\"input_gb_per_s\": %.3f, \"pytorch_gb_per_s\": %.2f}",
                    method, shape.label(), millis, Double.isNaN(error) ? 0 : error, gbPerSecond, shape.pytorchGBs()));
        }
        System.out.print(table);
        Files.createDirectories(json.toAbsolutePath().getParent());
        Files.writeString(json, "[\n" + String.join(",\n", rows) + "\n]\n", StandardCharsets.UTF_8);
        System.out.println("\nwritten to " + json);
    }
}
