package org.poolinglab.grading;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.poolinglab.exercises.Exercise;

/**
 * A graded test as declared, before it runs: a method of an exercise's test class with {@link Points}.
 *
 * @param exercise the exercise id
 * @param method   the test method
 */
public record GradedTest(String exercise, Method method) {

    /** Every graded test of an exercise, in source order as far as reflection allows (by name otherwise). */
    public static List<GradedTest> of(Exercise exercise) {
        List<GradedTest> tests = new ArrayList<>();
        Arrays.stream(exercise.tests().getDeclaredMethods())
                .filter(method -> method.isAnnotationPresent(Points.class))
                .sorted(Comparator.comparing(Method::getName))
                .forEach(method -> tests.add(new GradedTest(exercise.id(), method)));
        return tests;
    }

    public String testId() {
        return method.getDeclaringClass().getSimpleName() + "#" + method.getName();
    }

    public String name() {
        DisplayName name = method.getAnnotation(DisplayName.class);
        return name != null ? name.value() : method.getName();
    }

    public int points() {
        return method.getAnnotation(Points.class).value();
    }

    public boolean hidden() {
        return method.isAnnotationPresent(Hidden.class);
    }
}
