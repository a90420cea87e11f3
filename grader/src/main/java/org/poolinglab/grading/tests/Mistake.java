package org.poolinglab.grading.tests;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.poolinglab.grading.Hidden;

/**
 * The typical mistakes of each exercise, in words: the one place they are named. A graded test works
 * out what each mistake would give for its calls ({@link org.poolinglab.grading.Variant}); when a wrong
 * answer gives exactly that, the test's message says it in {@link #hint}'s words. The item analysis of a
 * class counts them by {@link #label}, and the grader's answer bank holds a wrong answer for each one
 * ({@code answer-bank/wrong/<exercise>/<id>.java}) that must get exactly its hint.
 * A hint may take values of the call that failed ({@code %s}). A mistake that only hidden tests can show,
 * and whose words would give their answers away, is {@link Hidden}: the student kit leaves it out.
 */
public enum Mistake {

    FLOOR_AND_CEIL_SWAPPED("output-size", "floor and ceil mode swapped",
            "your answers are what the other rounding gives: round down when ceilMode is false and up when it is true"),
    CEIL_KEEPS_A_WINDOW_IN_THE_PADDING("output-size", "ceil mode keeps a window that starts in the padding",
            "your answers are what rounding up gives without PyTorch's rule: in ceil mode, drop a last window that "
                    + "would start in the padding after the input"),
    PLUS_ONE_FORGOTTEN("output-size", "the first window not counted (+ 1 forgotten)",
            "your answers are one less than the output size: (input + 2 padding - window) / stride counts the "
                    + "steps after the first window, so add 1 for the first window itself"),
    PADDING_ON_ONE_SIDE("output-size", "padding added on one side only",
            "your answers are what padding on one side only gives: the padding goes on both sides, so add 2 padding"),

    MAX_PASSES_A_SPIKE_ON("choose-pooling", "max pooling where one noisy value must not dominate",
            "MAX passes the stuck pixel on whole: it moved the output by %s, AVERAGE by %s"),
    GLOBAL_LOSES_THE_LAYOUT("choose-pooling", "global pooling where the map's layout must stay",
            "GLOBAL_AVERAGE leaves one value per channel, a 1x1 map, where the task needs a %s map"),
    AVERAGE_DIMS_A_THIN_FEATURE("choose-pooling", "average pooling where a thin feature must keep its strength",
            "AVERAGE dims the edge from %s to %s: the empty cells of each window pull the mean down"),
    @Hidden
    WINDOWS_DEPEND_ON_THE_SIZE("choose-pooling", "max or average pooling where the output must not depend on the size",
            "%s turns the %s map into %s and the %s map into %s: the dense layer needs the same number of values "
                    + "for every size"),

    STRIDE_ONE("max-pool", "the window moves 1 cell at a time, whatever the stride",
            "your output is what a stride of 1 gives: the window should move %s cells at a time"),
    AVERAGE_NOT_MAX("max-pool", "the mean instead of the maximum",
            "your output is what average pooling gives: keep the largest value of each window, not the mean"),
    ROWS_AND_COLUMNS_SWAPPED("max-pool", "rows and columns swapped",
            "your output is the right one with rows and columns swapped: in x[row][column], x.length counts the "
                    + "rows and x[0].length the columns"),
    MAX_STARTED_AT_ZERO("max-pool", "the maximum started at 0",
            "your output is what a maximum that starts at 0 gives: on negative values it stays 0; start from the "
                    + "window's first cell, or from Double.NEGATIVE_INFINITY"),
    LAST_WINDOW_DROPPED("max-pool", "the last window of each row and column dropped",
            "your output is the right one without its last row and column: a side of n cells holds "
                    + "(n - window) / stride + 1 windows (rounded down), the last one included"),
    PARTIAL_WINDOW_ADDED("max-pool", "a window that hangs over the edge added",
            "your output has an extra row or column of windows that hang over the edge of the map (what ceil mode "
                    + "gives): without padding, keep only the windows that fit inside the map"),

    WINDOWS_DO_NOT_OVERLAP("overlapping-pooling", "windows that do not overlap (window no larger than the stride)",
            "your design gives the right size, but its windows do not overlap: window %s, stride %s; windows overlap "
                    + "when the window is larger than the stride"),
    DESIGN_WITHOUT_THE_FIRST_WINDOW("overlapping-pooling", "designed with the output-size formula's + 1 left out",
            "your design gives %s, one more than asked: the output size is (input + 2 padding - window) / stride + 1, "
                    + "with + 1 for the first window"),

    BIASES_FORGOTTEN("dense-weights", "the biases not counted",
            "your answer is the weights without the biases: add one bias per output (%s)"),
    BORDER_NOT_LOST("dense-weights", "the border a convolution loses not taken off",
            "your answer is what convolutions that keep the size give: a 3x3 filter without padding makes the "
                    + "map 2 cells smaller along each side (%s x %s becomes %s x %s)"),
    POOLING_ROUNDED_UP("dense-weights", "pooled sizes rounded up",
            "your answer is what rounding the pooled sizes up gives: pooling without padding rounds down, so a "
                    + "side of 11 pooled 2 x 2 becomes 5"),
    FIRST_CONVOLUTION_CHANNELS("dense-weights", "the first convolution's channels instead of the last one's",
            "your answer counts the %s channels of the first convolution: the dense layer reads the %s channels of "
                    + "the last one"),
    WHOLE_NETWORK_COUNTED("dense-weights", "every layer's weights counted, not only the dense layer's",
            "your answer counts the convolutions' weights and biases too: only the dense layer's are asked for"),
    POOLING_LEFT_OUT("dense-weights", "the pooling left out",
            "your answer is what the stack without pooling gives: after each convolution, %s x %s pooling "
                    + "divides each side by %s (rounding down)"),

    WITNESS_SHOWS_EQUALITY("not-linear", "a witness on which max pooling adds up (no counterexample)",
            "your maps give the same result both ways: when the largest values of a and b sit in the same cell of "
                    + "a window, the maximum of the sum is the sum of the maxima; put them in different cells of a window"),
    PAIR_OF_THE_WRONG_SIZE("not-linear", "maps of another size than asked",
            "your maps are %s, but notLinear(%s) asks for two %s x %s maps"),

    STRIDES_FORGOTTEN("receptive-field", "the strides forgotten",
            "your answer is what adding the windows gives: after a layer with stride s, one step of the next layer "
                    + "covers s input cells, so multiply each window's extra cells by the strides of the layers before it"),
    WINDOWS_MULTIPLIED("receptive-field", "the windows multiplied",
            "your answer multiplies the windows: a window of k adds k - 1 cells to what the layer before it sees, "
                    + "it does not multiply it"),
    OWN_STRIDE_COUNTED("receptive-field", "each layer's own stride counted too",
            "your answer multiplies each window by its own layer's stride as well: a layer's stride only spreads "
                    + "the layers that come after it"),
    ONE_CELL_FORGOTTEN("receptive-field", "the output's own cell not counted (+ 1 forgotten)",
            "your answer is one less than the receptive field: start from the 1 cell an output cell sees through no "
                    + "layer at all, then add each layer's extra cells"),

    PADDING_ALWAYS_COUNTED("avg-pool-padding", "padding counted when countIncludePad is false",
            "your output is what counting the padding gives: with countIncludePad false, divide by the number of "
                    + "real cells the window covers"),
    PADDING_NEVER_COUNTED("avg-pool-padding", "padding not counted when countIncludePad is true",
            "your output is what leaving the padding out of the divisor gives: with countIncludePad true, divide "
                    + "every window by window x window (%s), padding included"),
    MAX_NOT_AVERAGE("avg-pool-padding", "the maximum instead of the mean",
            "your output is what max pooling gives: keep the mean of each window, not its largest value"),
    PADDING_LEFT_OUT("avg-pool-padding", "the padding left out",
            "your output is what no padding gives: first put a border of zeros around the map, as wide as the "
                    + "padding (%s) on each side"),
    AVERAGE_STRIDE_ONE("avg-pool-padding", "the window moves 1 cell at a time, whatever the stride",
            "your output is what a stride of 1 gives: the window should move %s cells at a time"),

    MOVE_CHANGES_NOTHING("aliasing", "a move the pooled result does not see",
            "after your move, the global average of the pooled map is %s, as before: a value that moves within "
                    + "its 2x2 window, or a window's maximum that moves alone, keeps the sum of the maxima; make two "
                    + "values that share a window land in two windows (or the other way round)"),
    VALUE_MOVED_OUT("aliasing", "a value moved out of the map",
            "your move pushes %s out of the map: that changes the result by losing a value, not by where the "
                    + "windows fall; keep every value that is not 0 inside the map"),
    MAP_OF_THE_WRONG_SIZE("aliasing", "a map of another size than asked",
            "your map is %s, but aliasing(%s) asks for a %s x %s map"),

    GRADIENT_ALWAYS_OVER_THE_WINDOW("avg-pool-backward", "the gradient divided by the whole window when padding is not counted",
            "your gradient divides by window x window: with countIncludePad false, a window's gradient is shared by "
                    + "the real cells it covers only, as its mean was"),
    GRADIENT_OVER_THE_REAL_CELLS("avg-pool-backward", "the gradient divided by the real cells when padding is counted",
            "your gradient divides by the real cells a window covers: with countIncludePad true its mean divided by "
                    + "window x window (%s), and so does its gradient"),
    GRADIENT_NOT_SHARED("avg-pool-backward", "every cell given the window's whole gradient",
            "your gradient gives each cell of a window the window's whole gradient: the mean takes 1/n of each of "
                    + "its n cells, so each cell gets 1/n of the window's gradient"),
    AVERAGE_OVERLAPS_OVERWRITTEN("avg-pool-backward", "overlapping windows overwrite each other's gradient",
            "your gradient is what overwriting gives where windows overlap: a cell in several windows collects "
                    + "the sum of their shares (+=, not =)"),
    WINDOWS_PLACED_WITHOUT_PADDING("avg-pool-backward", "windows placed as if there were no padding",
            "your gradient is what windows that start at the map's first cell give: with padding %s, the first "
                    + "window starts %s cells before the map, in the padding"),

    TIES_TO_EVERY_MAXIMUM("max-pool-backward", "the gradient given to every tied maximum",
            "your gradient is what giving every tied maximum the whole gradient gives: only the first maximum in "
                    + "scan order (row by row) gets it"),
    TIES_TO_THE_LAST_MAXIMUM("max-pool-backward", "the gradient given to the last of tied maxima",
            "your gradient goes to the last of tied maxima: give it to the first one in scan order (row by row), "
                    + "as PyTorch does"),
    TIES_SPLIT_EVENLY("max-pool-backward", "the gradient split evenly among tied maxima",
            "your gradient splits a window's gradient evenly among its tied maxima: a valid choice in mathematics "
                    + "(any split is a subgradient), but PyTorch, and this exercise, give it all to the first maximum in "
                    + "scan order, the one max pooling recorded as its index"),
    OVERLAPS_OVERWRITTEN("max-pool-backward", "overlapping windows overwrite each other's gradient",
            "your gradient is what overwriting gives where windows overlap: a cell that is the maximum of several "
                    + "windows collects the sum of their gradients (+=, not =)"),
    SPREAD_LIKE_AVERAGE("max-pool-backward", "the gradient spread over the window, as for average pooling",
            "your gradient is average pooling's: max pooling gives a window's whole gradient to its maximum and "
                    + "nothing to the window's other cells");

    private final String exercise;
    private final String label;
    private final String hint;

    Mistake(String exercise, String label, String hint) {
        this.exercise = exercise;
        this.label = label;
        this.hint = hint;
    }

    /** The exercise it is made in. */
    public String exercise() {
        return exercise;
    }

    /** Its name in the answer bank and in a test's outcome: the constant's name in kebab case. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** What it is, in a few words, for instructors. */
    public String label() {
        return label;
    }

    /** What it is and how to fix it, in words a student can act on, with values of the call filled in. */
    public String hint(Object... values) {
        return String.format(Locale.ROOT, hint, values);
    }

    /** The hint as written, with {@code %s} where a call's values go. */
    public String hintFormat() {
        return hint;
    }

    /** The mistake with this {@link #id}. */
    public static Optional<Mistake> byId(String id) {
        return Arrays.stream(values()).filter(mistake -> mistake.id().equals(id)).findFirst();
    }
}
