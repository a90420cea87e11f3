MapPair notLinear(int size) {
    return new MapPair(new double[][] {{1, 0}, {0, 0}}, new double[][] {{0, 1}, {0, 0}});
}
