package org.poolinglab.exercises;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.poolinglab.AnswerRule;
import org.poolinglab.grading.GradedRun;
import org.poolinglab.grading.GradedTest;
import org.poolinglab.grading.TestOutcome;

/**
 * Instant feedback in a notebook: a check cell hands the current answer to one of these methods,
 * which runs that exercise's public graded tests right away (the same JUnit tests the grader runs) and
 * returns a report that prints as a table. Hidden tests run only when the notebook is graded. As in
 * grading, lesson-lib refuses to compute while the answer runs: an answer is the student's own code.
 * <pre>{@code
 * Check.maxPool((x, window, stride) -> maxPool(x, window, stride))
 * }</pre>
 */
public final class Check {

    private Check() {
    }

    public static CheckReport outputSize(Answers.OutputSize answer) {
        return run("output-size", Answers.OutputSize.class, answer);
    }

    public static CheckReport choosePooling(Answers.ChoosePooling answer) {
        return run("choose-pooling", Answers.ChoosePooling.class, answer);
    }

    public static CheckReport maxPool(Answers.MaxPool answer) {
        return run("max-pool", Answers.MaxPool.class, answer);
    }

    public static CheckReport overlappingPooling(Answers.OverlappingPooling answer) {
        return run("overlapping-pooling", Answers.OverlappingPooling.class, answer);
    }

    public static CheckReport denseWeights(Answers.DenseWeights answer) {
        return run("dense-weights", Answers.DenseWeights.class, answer);
    }

    public static CheckReport notLinear(Answers.NotLinear answer) {
        return run("not-linear", Answers.NotLinear.class, answer);
    }

    public static CheckReport receptiveField(Answers.ReceptiveField answer) {
        return run("receptive-field", Answers.ReceptiveField.class, answer);
    }

    public static CheckReport avgPool(Answers.AvgPool answer) {
        return run("avg-pool-padding", Answers.AvgPool.class, answer);
    }

    public static CheckReport aliasing(Answers.Aliasing answer) {
        return run("aliasing", Answers.Aliasing.class, answer);
    }

    public static CheckReport avgPoolBackward(Answers.AvgPoolBackward answer) {
        return run("avg-pool-backward", Answers.AvgPoolBackward.class, answer);
    }

    public static CheckReport maxPoolBackward(Answers.MaxPoolBackward answer) {
        return run("max-pool-backward", Answers.MaxPoolBackward.class, answer);
    }

    private static <T> CheckReport run(String id, Class<T> type, T answer) {
        if (answer == null) {
            throw new NullPointerException("answer must not be null: pass your method as a lambda");
        }
        Exercise exercise = Exercises.byId(id).orElseThrow();
        List<TestOutcome> outcomes = new GradedRun(false, Set.of(), outcome -> { })
                .inThisJvm(List.of(exercise), Map.of(type, underTheRule(type, answer)));
        int publicPoints = GradedTest.of(exercise).stream().filter(test -> !test.hidden()).mapToInt(GradedTest::points).sum();
        return new CheckReport(exercise, outcomes, exercise.points() - publicPoints);
    }

    /** The answer, called with lesson-lib refusing to compute ({@link AnswerRule}), as grading does. */
    private static <T> T underTheRule(Class<T> type, T answer) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, arguments) -> {
            if (method.getDeclaringClass() == Object.class) {
                return method.invoke(answer, arguments);
            }
            try {
                return AnswerRule.whileAnswering(() -> method.invoke(answer, arguments));
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }));
    }
}
