long denseWeights(int size, int[] filters, int pool, int units) {
    int side = size - 2 * filters.length;
    long inputs = (long) filters[filters.length - 1] * side * side;
    return inputs * units + units;
}
