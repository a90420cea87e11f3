PoolDesign overlappingPooling(int input, int output) {
    for (int window = 2; window <= input; window++) {
        for (int stride = 1; stride < window; stride++) {
            for (int padding = 0; 2 * padding <= window; padding++) {
                int span = input + 2 * padding - window;
                if (span >= 0 && span / stride == output) {   // the windows after the first, not all of them
                    return new PoolDesign(window, stride, padding);
                }
            }
        }
    }
    return new PoolDesign(3, 2, 1);
}
