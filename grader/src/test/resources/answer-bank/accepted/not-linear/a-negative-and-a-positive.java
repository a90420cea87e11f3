MapPair notLinear(int size) {
    double[][] a = new double[size][size];
    double[][] b = new double[size][size];
    for (double[] row : a) {
        Arrays.fill(row, -1);
    }
    a[size - 1][size - 1] = 3;   // a's maximum in the last window's bottom right cell
    b[size - 2][size - 2] = 2;   // b's in its top left: max(a + b) = 3, max(a) + max(b) = 5
    return new MapPair(a, b);
}
