package org.poolinglab.grading;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.opentest4j.AssertionFailedError;
import org.poolinglab.grading.tests.Mistake;

/**
 * The calls a graded test makes of an answer: what each should return, what the answer returned, and
 * what each typical mistake would return. {@link #verify} fails on the first wrong call; when exactly one
 * mistake explains every call of the test (the wrong ones and the right ones), the message names it (when
 * two mistakes would give the same answers, it cannot tell which was made, and names neither):
 * <pre>{@code
 * Calls<double[][]> calls = Calls.maps();
 * calls.add("maxPool(x, 2, 2)", expected, answer.apply(x, 2, 2), List.of(
 *         Variant.of(Mistake.STRIDE_ONE, () -> Cases.maxPool(x, 2, 1), 2)));
 * calls.verify();
 * }</pre>
 *
 * @param <T> what the answer returns
 */
public final class Calls<T> {

    /** How an answer differs from the expected one: null when it does not, else a message that names the call. */
    @FunctionalInterface
    public interface Difference<T> {
        String of(T expected, T actual, String call);
    }

    private record Call<T>(String call, T expected, T actual, List<Variant<T>> variants) {
    }

    private final Difference<T> difference;
    private final boolean mistakesEverywhere;
    private final Class<T> type;
    private final List<Call<T>> calls = new ArrayList<>();

    public Calls(Difference<T> difference) {
        this(difference, true, null);
    }

    /**
     * @param type what the answer returns, so what the mistakes give can be kept as data for the student kit
     *             ({@link RecordedMistakes}); null for calls whose mistakes the student kit keeps as code
     */
    private Calls(Difference<T> difference, boolean mistakesEverywhere, Class<T> type) {
        this.difference = difference;
        this.mistakesEverywhere = mistakesEverywhere;
        this.type = type;
    }

    /**
     * Calls that each ask a question of its own (which pooling for which task): a mistake explains the
     * answers when every wrong one is what it gives, whatever the right ones are. (A mistake of computation,
     * like a stride of 1, shows in every call where it changes something, so there the right answers count too.)
     */
    public static <T> Calls<T> questions(Difference<T> difference) {
        return new Calls<>(difference, false, null);
    }

    /** Calls that return a map. */
    public static Calls<double[][]> maps() {
        return new Calls<>(MapAssert::mapDifference, true, double[][].class);
    }

    /** Calls that return a list of numbers. */
    public static Calls<double[]> values() {
        return new Calls<>(MapAssert::valuesDifference, true, double[].class);
    }

    /** Calls that return one number. */
    public static Calls<Double> numbers() {
        return new Calls<>((expected, actual, call) -> MapAssert.numberDifference(expected, actual, call), true, Double.class);
    }

    /** Records one call: its expected output, the answer's output, and what each typical mistake gives for it. */
    public Calls<T> add(String call, T expected, T actual, List<Variant<T>> variants) {
        calls.add(new Call<>(call, expected, actual, List.copyOf(RecordedMistakes.call(type, variants))));
        return this;
    }

    /** Fails on the first wrong call, naming the mistake that explains every call when there is exactly one. */
    public void verify() {
        Call<T> wrong = calls.stream().filter(call -> difference.of(call.expected(), call.actual(), call.call()) != null)
                .findFirst().orElse(null);
        if (wrong == null) {
            return;
        }
        String message = difference.of(wrong.expected(), wrong.actual(), wrong.call());
        List<Mistake> explaining = Arrays.stream(Mistake.values())
                .filter(mistake -> calls.stream().allMatch(call -> explains(mistake, call))).toList();
        if (explaining.size() == 1) {
            Mistake mistake = explaining.get(0);
            String hint = "Likely mistake: " + mistake.hint(matching(mistake, wrong).hintValues());
            int firstLineEnd = message.indexOf('\n');
            throw new LikelyMistakeError(firstLineEnd < 0 ? message + "\n" + hint
                    : message.substring(0, firstLineEnd) + "\n" + hint + message.substring(firstLineEnd), mistake);
        }
        throw new AssertionFailedError(message);
    }

    /** Whether an answer with this mistake returns what the answer returned: the mistake's output, or the right one where the mistake changes nothing. */
    private boolean explains(Mistake mistake, Call<T> call) {
        boolean right = difference.of(call.expected(), call.actual(), call.call()) == null;
        if (right && !mistakesEverywhere) {
            return true;
        }
        if (call.variants().stream().noneMatch(variant -> variant.mistake() == mistake)) {
            return right;
        }
        return matching(mistake, call) != null;
    }

    private Variant<T> matching(Mistake mistake, Call<T> call) {
        for (Variant<T> variant : call.variants()) {
            if (variant.mistake() == mistake) {
                try {
                    T output = variant.output().get();
                    if (output != null && difference.of(output, call.actual(), call.call()) == null) {
                        return variant;
                    }
                } catch (RuntimeException e) {
                    // the mistake gives no output for this call (lesson-lib refuses its settings, say)
                }
            }
        }
        return null;
    }
}
