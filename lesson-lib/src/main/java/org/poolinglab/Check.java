package org.poolinglab;

import java.util.function.Supplier;

/**
 * The one place where arguments are checked. Each message starts with the parameter's name, states the
 * rule and shows the value, e.g. {@code "stride must be >= 1 but was 0"}.
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

    static int index(String name, int value, int length) {
        if (value < 0 || value >= length) {
            throw new IndexOutOfBoundsException(
                    name + " must be in [0, " + length + ") but was " + value);
        }
        return value;
    }
}
