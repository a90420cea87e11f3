package org.poolinglab.exercises;

/**
 * One exercise: its id (the answer cell's tag is {@code answer:<id>}), what it asks, the method the
 * answer cell must define, the JUnit class that grades it, its points, and the lesson notebook it builds
 * on. The answer may call what other answer cells declare, as in the notebook.
 *
 * @param id          e.g. {@code "max-pool"}
 * @param title       one line, e.g. "Max pooling, any window and stride"
 * @param signature   the method the answer cell defines, e.g. {@code double[][] maxPool(double[][] x, int window, int stride)}
 * @param methodName  that method's name
 * @param answerType  the functional interface the method is turned into
 * @param tests       the graded JUnit 5 test class
 * @param points      what the exercise is worth: the points of all its tests, the hidden ones included (a
 *                    student's kit has only the public tests, so it cannot add them up)
 * @param notebook    the lesson notebook it builds on, e.g. {@code "01-what-is-pooling"}
 */
public record Exercise(String id, String title, String signature, String methodName, Class<?> answerType,
                       Class<?> tests, int points, String notebook) {

    /** The answer cells' tag: {@code answer:<id>}. */
    public String tag() {
        return "answer:" + id;
    }
}
