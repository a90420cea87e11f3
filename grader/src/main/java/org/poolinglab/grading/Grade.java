package org.poolinglab.grading;

import java.util.List;
import org.poolinglab.exercises.Exercise;

/**
 * The grade of one submission.
 *
 * @param student  who handed it in (the file name without {@code .ipynb})
 * @param outcomes every graded test's outcome, in exercise order
 * @param seconds  how long grading took
 */
public record Grade(String student, List<TestOutcome> outcomes, double seconds) {

    public Grade {
        outcomes = List.copyOf(outcomes);
    }

    public int score() {
        return outcomes.stream().mapToInt(TestOutcome::score).sum();
    }

    public int maxScore() {
        return outcomes.stream().mapToInt(TestOutcome::points).sum();
    }

    public int score(Exercise exercise) {
        return outcomes(exercise).stream().mapToInt(TestOutcome::score).sum();
    }

    public int maxScore(Exercise exercise) {
        return outcomes(exercise).stream().mapToInt(TestOutcome::points).sum();
    }

    public List<TestOutcome> outcomes(Exercise exercise) {
        return outcomes.stream().filter(outcome -> outcome.exercise().equals(exercise.id())).toList();
    }
}
