int outputSize(int input, int window, int stride, int padding, boolean ceilMode) {
    int span = input + padding - window;
    int out = (ceilMode ? Math.floorDiv(span + stride - 1, stride) : Math.floorDiv(span, stride)) + 1;
    if (ceilMode && (out - 1) * stride >= input + padding) {
        out--;
    }
    return out;
}
