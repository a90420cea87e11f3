// Tries strides from the ratio of the sizes, each with a window one cell larger, and the padding that fits.
PoolDesign overlappingPooling(int input, int output) {
    for (int stride = Math.max(1, input / output - 1); stride <= input; stride++) {
        int window = stride + 1;
        for (int padding = window / 2; padding >= 0; padding--) {
            if (input + 2 * padding >= window && (input + 2 * padding - window) / stride + 1 == output) {
                return new PoolDesign(window, stride, padding);
            }
        }
    }
    return null;
}
