package org.poolinglab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.function.Executable;

/**
 * The one comparison of feature maps used by every test: shapes first, then every cell. Public, with
 * {@link #assertRejected}, so the tests of the other packages check error messages the same way.
 */
public final class FeatureMapAssertions {

    /** Absolute and relative tolerance for float32 results (DESIGN.md). */
    static final double TOLERANCE = 1e-5;

    private FeatureMapAssertions() {
    }

    /** Equal shapes, and every cell within {@link #TOLERANCE}; NaN matches NaN, infinity the same infinity. */
    static void assertFeatureMapEquals(FeatureMap expected, FeatureMap actual) {
        assertFeatureMapEquals(expected, actual, "");
    }

    /** {@link #assertFeatureMapEquals(FeatureMap, FeatureMap)}, naming what was compared on failure. */
    static void assertFeatureMapEquals(FeatureMap expected, FeatureMap actual, String context) {
        String prefix = context.isEmpty() ? "" : context + ": ";
        assertArrayEquals(expected.shape(), actual.shape(), () -> prefix + "shape: expected "
                + FeatureMap.describe(expected.shape()) + " but was " + FeatureMap.describe(actual.shape()));
        float[] want = expected.toFloatArray();
        float[] got = actual.toFloatArray();
        for (int i = 0; i < want.length; i++) {
            if (!close(want[i], got[i])) {
                fail(prefix + "cell" + position(expected.shape(), i) + ": expected " + want[i] + " but was " + got[i]
                        + "\nexpected:\n" + expected + "\nactual:\n" + actual);
            }
        }
    }

    /**
     * Equal shapes, and every cell the same float bit for bit (0.0 and -0.0 differ; any NaN matches any NaN,
     * as in {@link FeatureMap#equals}).
     */
    static void assertFeatureMapIdentical(FeatureMap expected, FeatureMap actual, String context) {
        assertArrayEquals(expected.shape(), actual.shape(), () -> context + ": shape: expected "
                + FeatureMap.describe(expected.shape()) + " but was " + FeatureMap.describe(actual.shape()));
        float[] want = expected.toFloatArray();
        float[] got = actual.toFloatArray();
        for (int i = 0; i < want.length; i++) {
            if (Float.floatToIntBits(want[i]) != Float.floatToIntBits(got[i])) {
                fail(context + ": cell" + position(expected.shape(), i) + ": expected " + want[i] + " but was "
                        + got[i]);
            }
        }
    }

    /** Equal shapes and the same index in every cell. */
    static void assertIndicesEqual(int[] shape, int[] expected, PooledWithIndices actual) {
        assertArrayEquals(shape, actual.output().shape(), "indices shape");
        int[] got = actual.indices();
        for (int i = 0; i < expected.length; i++) {
            if (expected[i] != got[i]) {
                fail("index" + position(shape, i) + ": expected " + expected[i] + " but was " + got[i]
                        + "\nactual:\n" + actual);
            }
        }
    }

    static void assertFeatureMapEquals(double[][] expected, FeatureMap actual) {
        assertFeatureMapEquals(FeatureMap.of(expected), actual);
    }

    /**
     * {@code call} throws an {@link IllegalArgumentException} whose message contains every fragment
     * (the parameter's name, the bad value, the rule).
     */
    public static IllegalArgumentException assertRejected(Executable call, String... fragments) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, call);
        for (String fragment : fragments) {
            assertTrue(error.getMessage().contains(fragment),
                    () -> "message should contain '" + fragment + "' but was: " + error.getMessage());
        }
        return error;
    }

    private static boolean close(float expected, float actual) {
        if (Float.isNaN(expected) || Float.isNaN(actual) || Float.isInfinite(expected)) {
            return Float.compare(expected, actual) == 0 || (Float.isNaN(expected) && Float.isNaN(actual));
        }
        return Math.abs(expected - actual) <= TOLERANCE + TOLERANCE * Math.abs(expected);
    }

    /** {@code "[n, c, h, w]"} of flat NCHW index {@code i}. */
    private static String position(int[] shape, int i) {
        int w = i % shape[3];
        int h = i / shape[3] % shape[2];
        int c = i / (shape[3] * shape[2]) % shape[1];
        int n = i / (shape[3] * shape[2] * shape[1]);
        return "[" + n + ", " + c + ", " + h + ", " + w + "]";
    }
}
