package org.poolinglab.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.poolinglab.FeatureMap;
import org.poolinglab.PoolSpec;
import org.poolinglab.Pooling;
import org.poolinglab.exercises.Answers;
import org.poolinglab.exercises.Check;
import org.poolinglab.exercises.CheckReport;

@DisplayName("The check in a notebook")
class CheckTest {

    /** Max pooling written out, as an answer must be. */
    private static final Answers.MaxPool OWN_LOOP = (x, window, stride) -> {
        double[][] out = new double[(x.length - window) / stride + 1][(x[0].length - window) / stride + 1];
        for (int r = 0; r < out.length; r++) {
            for (int c = 0; c < out[0].length; c++) {
                out[r][c] = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < window * window; i++) {
                    out[r][c] = Math.max(out[r][c], x[r * stride + i / window][c * stride + i % window]);
                }
            }
        }
        return out;
    };

    @Test
    void runsThePublicTestsOnTheAnswerAndMentionsTheHiddenOnes() {
        CheckReport report = Check.maxPool(OWN_LOOP);
        assertTrue(report.allPassed(), report.toString());
        assertEquals(7, report.score());
        assertTrue(report.outcomes().stream().noneMatch(TestOutcome::hidden));
        assertTrue(report.toString().endsWith("Hidden tests worth 5 points did not run here; they run when your notebook is graded."),
                report.toString());
    }

    @Test
    void blamesTheAnswerOnlyForThreadsItStartsNotForOthersStartedMeanwhile() throws InterruptedException {
        // A thread pool made here starts its threads in this test's thread group, as a notebook kernel's or
        // another test's threads start in theirs, while the answer runs.
        ExecutorService elsewhere = Executors.newCachedThreadPool();
        try {
            CheckReport report = Check.maxPool((x, window, stride) -> {
                elsewhere.execute(() -> sleep(1000));
                return OWN_LOOP.apply(x, window, stride);
            });
            assertTrue(report.allPassed(), report.toString());

            CheckReport leaving = Check.maxPool((x, window, stride) -> {
                new Thread(() -> sleep(1000)).start();
                return OWN_LOOP.apply(x, window, stride);
            });
            assertFalse(leaving.allPassed());
            assertTrue(leaving.toString().contains("thread(s) running"), leaving.toString());
        } finally {
            elsewhere.shutdownNow();
            assertTrue(elsewhere.awaitTermination(5, TimeUnit.SECONDS));
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void refusesAnAnswerThatCallsLessonLibAndNamesTheCall() {
        CheckReport report = Check.maxPool((x, window, stride) ->
                Pooling.maxPool(FeatureMap.of(x), PoolSpec.of(window).stride(stride)).toArray());
        assertEquals(0, report.score(), report.toString());
        assertTrue(report.outcomes().stream().allMatch(outcome -> outcome.message()
                .startsWith("write the loop yourself: answers may not call FeatureMap.of")), report.toString());
        FeatureMap lesson = FeatureMap.of(new double[][] {{1, 3}, {4, 6}});
        CheckReport pooled = Check.maxPool((x, window, stride) -> Pooling.maxPool(lesson, PoolSpec.of(2)).toArray());
        assertTrue(pooled.outcomes().stream().allMatch(outcome -> outcome.message()
                .startsWith("write the loop yourself: answers may not call PoolSpec.of")), pooled.toString());
        assertEquals(6.0, Pooling.maxPool(lesson, PoolSpec.of(2)).get(0, 0, 0, 0), "outside an answer, lesson-lib computes");
    }

    @Test
    void showsExpectedAndActualMapsWithTheDifferingCellsMarked() {
        CheckReport report = Check.maxPool((x, window, stride) -> new double[][] {{6, 5}, {8, 7}});
        assertFalse(report.allPassed());
        String text = report.toString();
        assertTrue(text.contains("FAIL"), text);
        assertTrue(text.contains("1 of 4 cells differ (marked *)"), text);
        assertTrue(text.contains("*7"), text);
    }

    @Test
    void namesTheLikelyMistakeRightUnderTheFailedCall() {
        CheckReport report = Check.maxPool((x, window, stride) -> OWN_LOOP.apply(x, window, 1));
        String text = report.toString();
        assertTrue(text.contains("maxPool(lesson map, 2, 2) returned a 3x3 map but the answer is 2x2\n"
                + "              Likely mistake: your output is what a stride of 1 gives: the window should move 2 cells "
                + "at a time\n"), text);
    }

    @Test
    void saysWhenAnAnswerIsNotWrittenYet() {
        CheckReport report = Check.aliasing(size -> {
            throw new UnsupportedOperationException("aliasing: write your answer here");
        });
        assertEquals(0, report.score());
        assertTrue(report.toString().contains("not answered yet (aliasing: write your answer here)"), report.toString());
    }

    @Test
    void usesTheSameTestsAsTheGrader() {
        // The check runs exactly the public tests the grader runs: same ids, same points.
        CheckReport report = Check.outputSize((input, window, stride, padding, ceil) -> 0);
        org.poolinglab.exercises.Exercise exercise = report.exercise();
        assertEquals(GradedTest.of(exercise).stream().filter(test -> !test.hidden()).map(GradedTest::testId).sorted().toList(),
                report.outcomes().stream().map(TestOutcome::testId).sorted().toList());
    }

    @Test
    void showsTheFirstLinesOfWhatEachTestPrinted() {
        CheckReport report = Check.maxPool((x, window, stride) -> {
            for (int i = 1; i <= 10; i++) {
                System.out.println("pooling a " + x.length + "x" + x[0].length + " map, line " + i);
            }
            return OWN_LOOP.apply(x, window, stride);
        });
        String text = report.toString();
        assertTrue(report.allPassed(), text);
        assertTrue(text.contains("your code printed:\n                pooling a 4x4 map, line 1\n"), text);
        assertTrue(text.matches("(?s).*, line 6\n {16}\\[\\d+ more lines not shown here].*"), text);
    }
}
