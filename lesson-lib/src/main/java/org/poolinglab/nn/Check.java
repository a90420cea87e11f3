package org.poolinglab.nn;

import java.util.Arrays;
import java.util.function.Supplier;
import org.poolinglab.FeatureMap;

/**
 * The argument rules of this package: lesson-lib's own ({@link org.poolinglab.Check}), and those only
 * layers have (a gradient shaped like the last output, a forward pass before the backward pass).
 */
final class Check {

    private Check() {
    }

    static <T> T notNull(String name, T value) {
        return org.poolinglab.Check.notNull(name, value);
    }

    static int atLeast(String name, int value, int minimum) {
        return org.poolinglab.Check.atLeast(name, value, minimum);
    }

    static void argument(boolean valid, Supplier<String> message) {
        org.poolinglab.Check.argument(valid, message);
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
