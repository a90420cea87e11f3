long denseWeights(int size, int[] filters, int pool, int units) {
    int side = size;
    for (int i = 0; i < filters.length; i++) {
        side = (side - 2) / pool;
    }
    return (long) filters[filters.length - 1] * side * side * units;
}
