int outputSize(int input, int window, int stride, int padding, boolean ceilMode) {
    int span = input + 2 * padding - window;
    return (ceilMode ? span / stride : (span + stride - 1) / stride) + 1;
}
