long denseWeights(int size, int[] filters, int pool, int units) {
    int side = size;
    for (int filterCount : filters) {
        side = outputSize(side, 3, 1, 0, false);      // the convolution: a 3x3 window, stride 1
        side = outputSize(side, pool, pool, 0, false);
    }
    long inputs = (long) filters[filters.length - 1] * side * side;
    return inputs * units + units;
}

denseWeights(28, new int[] {8, 16}, 2, 10)
