import java.lang.Math;

int outputSize(int input, int window, int stride, int padding, boolean ceilMode) {
    double steps = (double) (input + 2 * padding - window) / stride;
    int size = (int) (ceilMode ? Math.ceil(steps) : Math.floor(steps)) + 1;
    boolean lastStartsInPadding = ceilMode && (size - 1) * stride >= input + padding;
    return lastStartsInPadding ? size - 1 : size;
}
