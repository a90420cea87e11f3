package org.poolinglab.grading;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import org.opentest4j.AssertionFailedError;
import org.poolinglab.grading.tests.Mistake;

/**
 * The calls a graded test makes of an answer that must have a property rather than one right value: a
 * design (any window, stride and padding that give the size asked for) or a witness (any two maps on
 * which max pooling does not add up). {@link #verify} fails on the first call whose answer lacks the
 * property; when exactly one typical mistake shows in every such answer, the message names it:
 * <pre>{@code
 * Properties<PoolDesign> calls = new Properties<>();
 * calls.add("overlappingPooling(224, 112)", answer.apply(224, 112), design -> problemWith(design, 224, 112),
 *         List.of(Symptom.of(Mistake.WINDOWS_DO_NOT_OVERLAP, design -> design.window() <= design.stride(), ...)));
 * calls.verify();
 * }</pre>
 *
 * @param <T> what the answer returns
 */
public final class Properties<T> {

    /** Why an answer lacks the property, in words that name the call; null when it has it. */
    @FunctionalInterface
    public interface Property<T> {
        String problem(T answer);
    }

    /**
     * A typical mistake and how an answer shows it.
     *
     * @param shows      whether the answer shows the mistake (checked only on answers that lack the property)
     * @param hintValues the values {@link Mistake#hint} fills in, from the answer
     */
    public record Symptom<T>(Mistake mistake, Predicate<T> shows, Function<T, Object[]> hintValues) {

        public static <T> Symptom<T> of(Mistake mistake, Predicate<T> shows, Function<T, Object[]> hintValues) {
            return new Symptom<>(mistake, shows, hintValues);
        }

        public static <T> Symptom<T> of(Mistake mistake, Predicate<T> shows) {
            return new Symptom<>(mistake, shows, answer -> new Object[0]);
        }
    }

    private record Call<T>(String call, T answer, String problem, List<Symptom<T>> symptoms) {
    }

    private final List<Call<T>> calls = new ArrayList<>();

    /** Records one call: the answer it got, and what each typical mistake looks like in an answer to it. */
    public Properties<T> add(String call, T answer, Property<T> property, List<Symptom<T>> symptoms) {
        String problem = answer == null ? call + " returned null" : property.problem(answer);
        calls.add(new Call<>(call, answer, problem, List.copyOf(symptoms)));
        return this;
    }

    /** Fails on the first answer without the property, naming the mistake every such answer shows when there is exactly one. */
    public void verify() {
        List<Call<T>> wrong = calls.stream().filter(call -> call.problem() != null).toList();
        if (wrong.isEmpty()) {
            return;
        }
        Call<T> first = wrong.get(0);
        List<Mistake> explaining = Arrays.stream(Mistake.values())
                .filter(mistake -> wrong.stream().allMatch(call -> shown(mistake, call) != null)).toList();
        if (explaining.size() == 1) {
            Symptom<T> symptom = shown(explaining.get(0), first);
            throw new LikelyMistakeError(first.problem() + "\nLikely mistake: "
                    + symptom.mistake().hint(symptom.hintValues().apply(first.answer())), symptom.mistake());
        }
        throw new AssertionFailedError(first.problem());
    }

    private Symptom<T> shown(Mistake mistake, Call<T> call) {
        if (call.answer() == null) {
            return null;
        }
        for (Symptom<T> symptom : call.symptoms()) {
            try {
                if (symptom.mistake() == mistake && symptom.shows().test(call.answer())) {
                    return symptom;
                }
            } catch (RuntimeException e) {
                // the answer is too broken to show this mistake (lesson-lib refuses its maps, say)
            }
        }
        return null;
    }
}
