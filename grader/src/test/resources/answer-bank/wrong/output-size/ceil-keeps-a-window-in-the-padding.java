int outputSize(int input, int window, int stride, int padding, boolean ceilMode) {
    int span = input + 2 * padding - window;
    return (ceilMode ? Math.floorDiv(span + stride - 1, stride) : Math.floorDiv(span, stride)) + 1;
}
