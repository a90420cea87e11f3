package org.poolinglab.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.poolinglab.exercises.Check;
import org.poolinglab.exercises.CheckReport;

@DisplayName("The check in a notebook")
class CheckTest {

    @Test
    void runsThePublicTestsOnTheAnswerAndMentionsTheHiddenOnes() {
        CheckReport report = Check.maxOfTwo((a, b) -> Math.max(a, b));
        assertTrue(report.allPassed(), report.toString());
        assertEquals(10, report.score());
        assertTrue(report.outcomes().stream().noneMatch(TestOutcome::hidden));
        assertTrue(report.toString().endsWith("Hidden tests worth 5 points did not run here; they run when your notebook is graded."),
                report.toString());
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
    void saysWhenAnAnswerIsNotWrittenYet() {
        CheckReport report = Check.minPool((x, window, stride) -> {
            throw new UnsupportedOperationException("min-pool: write your answer here");
        });
        assertEquals(0, report.score());
        assertTrue(report.toString().contains("not answered yet (min-pool: write your answer here)"), report.toString());
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
        CheckReport report = Check.maxOfTwo((a, b) -> {
            for (int i = 1; i <= 10; i++) {
                System.out.println("comparing " + a + " and " + b + ", line " + i);
            }
            return Math.max(a, b);
        });
        String text = report.toString();
        assertTrue(report.allPassed(), text);
        assertTrue(text.contains("your code printed:\n                comparing 1.0 and 2.0, line 1\n"), text);
        assertTrue(text.matches("(?s).*, line 6\n {16}\\[\\d+ more lines not shown here].*"), text);
    }
}
