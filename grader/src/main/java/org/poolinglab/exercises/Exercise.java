package org.poolinglab.exercises;

import java.util.List;

/**
 * One exercise: its id (the answer cell's tag is {@code answer:<id>}), what it asks, the method the
 * answer cell must define, its points, and the JUnit class that grades it.
 *
 * @param id          e.g. {@code "max-pool"}
 * @param title       one line, e.g. "Max pooling from scratch"
 * @param signature   the method the answer cell defines, e.g. {@code double[][] maxPool(double[][] x, int window, int stride)}
 * @param methodName  that method's name
 * @param answerType  the functional interface the method is turned into
 * @param tests       the graded JUnit 5 test class
 * @param uses        ids of exercises whose answers this one may call (compiled together with it)
 */
public record Exercise(String id, String title, String signature, String methodName, Class<?> answerType,
                       Class<?> tests, List<String> uses) {

    public Exercise {
        uses = List.copyOf(uses);
    }

    /** The answer cells' tag: {@code answer:<id>}. */
    public String tag() {
        return "answer:" + id;
    }
}
