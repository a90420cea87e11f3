package org.poolinglab.grading;

/**
 * The result of one graded test (a test method; a parameterised test counts as one, passing only
 * when all its cases pass).
 *
 * @param exercise the exercise id
 * @param testId   {@code ClassName#method}, stable across runs
 * @param name     what the test checks, in words
 * @param points   what it is worth
 * @param hidden   whether students see it before grades are published
 * @param passed   whether it passed
 * @param message  why it failed (empty when it passed)
 * @param output   what the answer printed while the test ran, cut to a few kilobytes (with a last line
 *                 saying so when it was cut)
 * @param printed  how many bytes the answer printed while the test ran, in all
 * @param mistake  the {@link org.poolinglab.grading.tests.Mistake#id id} of the typical mistake that explains
 *                 the failure (its message says it in words), or "" when none does
 */
public record TestOutcome(String exercise, String testId, String name, int points, boolean hidden, boolean passed,
                          String message, String output, long printed, String mistake) {

    public TestOutcome {
        mistake = mistake == null ? "" : mistake;
    }

    public int score() {
        return passed ? points : 0;
    }

    /** Whether more was printed than {@link #output} keeps. */
    public boolean outputCut() {
        return printed > GradedRun.OUTPUT_LIMIT;
    }

    public TestOutcome withMessage(String newMessage) {
        return new TestOutcome(exercise, testId, name, points, hidden, passed, newMessage, output, printed, mistake);
    }

    /** A test that could not pass: it did not run, or it ended the JVM. */
    public static TestOutcome failed(GradedTest test, String message) {
        return new TestOutcome(test.exercise(), test.testId(), test.name(), test.points(), test.hidden(), false, message, "", 0, "");
    }
}
