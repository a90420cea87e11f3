// The same map twice: max(a + a) is 2 max(a), so max pooling adds up.
MapPair notLinear(int size) {
    double[][] a = new double[size][size];
    for (int r = 0; r < size; r++) {
        for (int c = 0; c < size; c++) {
            a[r][c] = r + c;
        }
    }
    return new MapPair(a, a);
}
