package org.poolinglab.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.poolinglab.exercises.Exercise;
import org.poolinglab.exercises.Exercises;

/**
 * No test gives a point to an answer that always returns the same thing: null, an empty result, or any
 * one of the values the master's answer returns over all the tests (so that a table of answers learnt by
 * heart for one call scores nothing). The master's answers run here, in this JVM, to collect those values;
 * then each constant answer runs every test of its exercise, hidden ones included.
 */
@DisplayName("Constant answers")
class ConstantAnswersTest {

    /** Per exercise, every distinct value the master's answer returned in its tests. */
    private static final Map<String, List<Object>> RETURNED = new LinkedHashMap<>();

    @BeforeAll
    static void runTheMastersAnswers(@org.junit.jupiter.api.io.TempDir Path work) throws Exception {
        try (TrustedAnswers master = TrustedAnswers.of(Submissions.MASTER, work)) {
            for (Exercise exercise : Exercises.ALL) {
                Object answer = master.answer(exercise);
                Method signature = AnswerCompiler.signature(exercise);
                Map<String, Object> returned = new LinkedHashMap<>();
                Object recording = answer(exercise, arguments -> {
                    Object value = signature.invoke(answer, arguments);
                    returned.putIfAbsent(key(exercise, value), value);
                    return value;
                });
                List<TestOutcome> outcomes = new GradedRun(true, Set.of(), outcome -> { })
                        .inThisJvm(List.of(exercise), Map.of(exercise.answerType(), recording));
                assertTrue(outcomes.stream().allMatch(TestOutcome::passed), exercise.id() + ": " + outcomes);
                RETURNED.put(exercise.id(), new ArrayList<>(returned.values()));
            }
        }
    }

    static Stream<Exercise> exercises() {
        return Exercises.ALL.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exercises")
    void earnNothing(Exercise exercise) {
        List<Object> constants = new ArrayList<>(RETURNED.get(exercise.id()));
        constants.add(null);
        constants.add(empty(AnswerCompiler.signature(exercise).getReturnType()));
        assertTrue(constants.size() >= 4, exercise.id() + " returned too few different values to try: " + constants);
        for (Object constant : constants) {
            Object answer = answer(exercise, arguments -> constant);
            List<TestOutcome> outcomes = new GradedRun(true, Set.of(), outcome -> { })
                    .inThisJvm(List.of(exercise), Map.of(exercise.answerType(), answer));
            int score = outcomes.stream().mapToInt(TestOutcome::score).sum();
            assertEquals(0, score, exercise.id() + ": an answer that always returns " + describe(constant)
                    + " earns points in " + outcomes.stream().filter(TestOutcome::passed).map(TestOutcome::name).toList());
        }
    }

    @FunctionalInterface
    private interface Body {
        Object apply(Object[] arguments) throws Exception;
    }

    /** An answer of the exercise's type that does {@code body}. */
    private static Object answer(Exercise exercise, Body body) {
        Method signature = AnswerCompiler.signature(exercise);
        return Proxy.newProxyInstance(exercise.answerType().getClassLoader(), new Class<?>[] {exercise.answerType()},
                (proxy, method, arguments) -> method.equals(signature) ? body.apply(arguments) : method.invoke(body, arguments));
    }

    /** The empty value of a type: an empty array, 0, or a record of empty components. */
    private static Object empty(Class<?> type) {
        if (type.isArray()) {
            return Array.newInstance(type.getComponentType(), 0);
        }
        if (type == int.class || type == long.class || type == double.class) {
            return type == int.class ? (Object) 0 : type == long.class ? (Object) 0L : (Object) 0.0;
        }
        if (type.isRecord()) {
            RecordComponent[] components = type.getRecordComponents();
            Object[] values = new Object[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                values[i] = types[i].isEnum() ? null : empty(types[i]);
            }
            try {
                return type.getDeclaredConstructor(types).newInstance(values);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return null;
    }

    /** Two values are the same when their data is. */
    private static String key(Exercise exercise, Object value) {
        return RecordedMistakes.encode(AnswerCompiler.signature(exercise).getGenericReturnType(), value);
    }

    private static String describe(Object value) {
        String text = java.util.Arrays.deepToString(new Object[] {value});
        return text.substring(1, text.length() - 1);
    }
}
