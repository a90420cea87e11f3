long denseWeights(int size, int[] filters, int pool, int units) {
    long side = size;
    int channels = 1;
    for (int count : filters) {
        side = (side - 3 + 1) / pool;   // the 3x3 convolution, then pooling (rounding down)
        channels = count;
    }
    long values = channels * side * side;
    return values * units + units;
}
