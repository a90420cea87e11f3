package org.poolinglab.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.poolinglab.exercises.Exercise;
import org.poolinglab.exercises.Exercises;

/** Typical mistakes each lose points on their own exercise, and only there. */
@Execution(ExecutionMode.CONCURRENT) // each case grades in a JVM of its own
@DisplayName("A bank of typical wrong answers")
class WrongAnswersTest {

    static java.util.stream.Stream<Arguments> mistakes() {
        return java.util.stream.Stream.of(
                Arguments.of("ceil and floor confused", "output-size", """
                        int outputSize(int input, int window, int stride, int padding, boolean ceilMode) {
                            int span = input + 2 * padding - window;
                            return (ceilMode ? span / stride : (span + stride - 1) / stride) + 1;
                        }"""),
                Arguments.of("ceil mode without the padding rule", "output-size", """
                        int outputSize(int input, int window, int stride, int padding, boolean ceilMode) {
                            int span = input + 2 * padding - window;
                            return (ceilMode ? Math.floorDiv(span + stride - 1, stride) : Math.floorDiv(span, stride)) + 1;
                        }"""),
                Arguments.of("off-by-one stride (the window moves one cell less)", "max-pool", """
                        double[][] maxPool(double[][] x, int window, int stride) {
                            int rows = (x.length - window) / stride + 1, cols = (x[0].length - window) / stride + 1;
                            double[][] out = new double[rows][cols];
                            for (int r = 0; r < rows; r++)
                                for (int c = 0; c < cols; c++) {
                                    double max = Double.NEGATIVE_INFINITY;
                                    for (int i = 0; i < window; i++)
                                        for (int j = 0; j < window; j++)
                                            max = Math.max(max, x[r * Math.max(1, stride - 1) + i][c * Math.max(1, stride - 1) + j]);
                                    out[r][c] = max;
                                }
                            return out;
                        }"""),
                Arguments.of("maximum started at 0", "max-pool", """
                        double[][] maxPool(double[][] x, int window, int stride) {
                            int rows = (x.length - window) / stride + 1, cols = (x[0].length - window) / stride + 1;
                            double[][] out = new double[rows][cols];
                            for (int r = 0; r < rows; r++)
                                for (int c = 0; c < cols; c++)
                                    for (int i = 0; i < window; i++)
                                        for (int j = 0; j < window; j++)
                                            out[r][c] = Math.max(out[r][c], x[r * stride + i][c * stride + j]);
                            return out;
                        }"""),
                Arguments.of("rows and columns swapped", "max-pool", """
                        double[][] maxPool(double[][] x, int window, int stride) {
                            int rows = (x[0].length - window) / stride + 1, cols = (x.length - window) / stride + 1;
                            double[][] out = new double[rows][cols];
                            for (int r = 0; r < rows; r++)
                                for (int c = 0; c < cols; c++) {
                                    double max = Double.NEGATIVE_INFINITY;
                                    for (int i = 0; i < window; i++)
                                        for (int j = 0; j < window; j++)
                                            max = Math.max(max, x[c * stride + j][r * stride + i]);
                                    out[r][c] = max;
                                }
                            return out;
                        }"""),
                Arguments.of("max and average swapped", "avg-pool-padding", """
                        double[][] avgPool(double[][] x, int window, int stride, int padding, boolean countIncludePad) {
                            int rows = (x.length + 2 * padding - window) / stride + 1;
                            int cols = (x[0].length + 2 * padding - window) / stride + 1;
                            double[][] out = new double[rows][cols];
                            for (int r = 0; r < rows; r++)
                                for (int c = 0; c < cols; c++) {
                                    double max = Double.NEGATIVE_INFINITY;
                                    for (int i = r * stride - padding; i < r * stride - padding + window; i++)
                                        for (int j = c * stride - padding; j < c * stride - padding + window; j++)
                                            if (i >= 0 && i < x.length && j >= 0 && j < x[0].length) max = Math.max(max, x[i][j]);
                                    out[r][c] = max;
                                }
                            return out;
                        }"""),
                Arguments.of("padding always counted", "avg-pool-padding", """
                        double[][] avgPool(double[][] x, int window, int stride, int padding, boolean countIncludePad) {
                            int rows = (x.length + 2 * padding - window) / stride + 1;
                            int cols = (x[0].length + 2 * padding - window) / stride + 1;
                            double[][] out = new double[rows][cols];
                            for (int r = 0; r < rows; r++)
                                for (int c = 0; c < cols; c++) {
                                    double sum = 0;
                                    for (int i = r * stride - padding; i < r * stride - padding + window; i++)
                                        for (int j = c * stride - padding; j < c * stride - padding + window; j++)
                                            if (i >= 0 && i < x.length && j >= 0 && j < x[0].length) sum += x[i][j];
                                    out[r][c] = sum / (window * window);
                                }
                            return out;
                        }"""),
                Arguments.of("global average divided by the rows only", "global-avg-pool", """
                        double[] globalAvgPool(double[][][] x) {
                            double[] means = new double[x.length];
                            for (int c = 0; c < x.length; c++) {
                                double sum = 0;
                                for (double[] row : x[c]) for (double value : row) sum += value;
                                means[c] = sum / x[c].length;
                            }
                            return means;
                        }"""),
                Arguments.of("a filter of ones (a sum, not a mean)", "avg-as-conv", """
                        double[][] averagingFilter(int window) {
                            double[][] filter = new double[window][window];
                            for (double[] row : filter) Arrays.fill(row, 1.0);
                            return filter;
                        }"""),
                Arguments.of("min pooling without negating back", "min-pool", """
                        double[][] minPool(double[][] x, int window, int stride) {
                            double[][] negated = new double[x.length][x[0].length];
                            for (int r = 0; r < x.length; r++) for (int c = 0; c < x[0].length; c++) negated[r][c] = -x[r][c];
                            return Pooling.maxPool(FeatureMap.of(negated), PoolSpec.of(window).stride(stride)).toArray();
                        }"""),
                Arguments.of("relu of the sum instead of the difference", "relu-max", """
                        double relu(double value) { return Math.max(0, value); }
                        double maxOfTwo(double a, double b) { return relu(a + b); }"""),
                Arguments.of("2x2 pooling that keeps only the top-left cell", "max-pool-relu", """
                        double[][] maxPool2x2(double[][] x) {
                            double[][] out = new double[x.length / 2][x[0].length / 2];
                            for (int r = 0; r < out.length; r++) for (int c = 0; c < out[0].length; c++) out[r][c] = x[2 * r][2 * c];
                            return out;
                        }"""));
    }

    @ParameterizedTest(name = "{1}: {0}")
    @MethodSource("mistakes")
    void losesPointsOnlyOnItsOwnExercise(String mistake, String exerciseId, String answer, @TempDir Path folder) throws IOException {
        Path notebook = Submissions.withAnswer(folder, "wrong", exerciseId, answer);
        Grade grade = Submissions.GRADER.grade(notebook, "wrong");
        for (Exercise exercise : Exercises.ALL) {
            if (exercise.id().equals(exerciseId)) {
                assertTrue(grade.score(exercise) < grade.maxScore(exercise), mistake + " should lose points:\n" + Reports.table(grade));
            } else if (!exercise.uses().contains(exerciseId)) {
                assertEquals(grade.maxScore(exercise), grade.score(exercise), exercise.id() + " keeps its points:\n" + Reports.table(grade));
            }
        }
    }
}
