long denseWeights(int size, int[] filters, int pool, int units) {
    int side = size;
    for (int i = 0; i < filters.length; i++) {
        side = (int) Math.ceil((side - 2) / (double) pool);
    }
    long inputs = (long) filters[filters.length - 1] * side * side;
    return inputs * units + units;
}
