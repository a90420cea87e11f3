package org.poolinglab.nn;

import java.util.Arrays;
import java.util.function.Supplier;
import org.poolinglab.FeatureMap;

/**
 * The argument rules of this package, in one place. Each message starts with the parameter's name,
 * states the rule and shows the value, e.g. {@code "stride must be >= 1 but was 0"}.
 */
final class Check {

    private Check() {
    }

    static <T> T notNull(String name, T value) {
        if (value == null) {
            throw new NullPointerException(name + " must not be null");
        }
        return value;
    }

    static int atLeast(String name, int value, int minimum) {
        if (value < minimum) {
            throw new IllegalArgumentException(name + " must be >= " + minimum + " but was " + value);
        }
        return value;
    }

    static void argument(boolean valid, Supplier<String> message) {
        if (!valid) {
            throw new IllegalArgumentException(message.get());
        }
    }

    /** {@code gradOutput} has exactly the shape of the output the last forward pass gave. */
    static void sameShape(String name, FeatureMap map, int[] expected) {
        notNull(name, map);
        argument(Arrays.equals(map.shape(), expected), () -> name + " must have the shape of the last output, "
                + describe(expected) + ", but was " + describe(map.shape()));
    }

    /** Something kept from the forward pass, or an exception saying that backward came first. */
    static <T> T forwardDone(T kept, String layer) {
        if (kept == null) {
            throw new IllegalStateException(layer + ": backward needs a forward pass first");
        }
        return kept;
    }

    static String describe(int[] shape) {
        return Parameter.describe(shape);
    }
}
