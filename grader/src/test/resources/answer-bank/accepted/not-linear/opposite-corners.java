// In every window, a's largest value is top left and b's bottom right.
MapPair notLinear(int size) {
    double[][] a = new double[size][size];
    double[][] b = new double[size][size];
    for (int r = 0; r < size; r += 2) {
        for (int c = 0; c < size; c += 2) {
            a[r][c] = 5;
            b[r + 1][c + 1] = 7;
        }
    }
    return new MapPair(a, b);
}
