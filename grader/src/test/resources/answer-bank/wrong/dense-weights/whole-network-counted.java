long denseWeights(int size, int[] filters, int pool, int units) {
    long parameters = 0;
    int side = size;
    int channels = 1;
    for (int count : filters) {
        parameters += 9L * channels * count + count;
        channels = count;
        side = (side - 2) / pool;
    }
    return parameters + (long) channels * side * side * units + units;
}
