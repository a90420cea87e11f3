// Min pooling from my own max pooling (exercise 2), without lesson-lib.
double[][] negate(double[][] x) {
    double[][] result = new double[x.length][x[0].length];
    for (int r = 0; r < x.length; r++) {
        for (int c = 0; c < x[0].length; c++) {
            result[r][c] = -x[r][c];
        }
    }
    return result;
}

double[][] minPool(double[][] x, int window, int stride) {
    return negate(maxPool(negate(x), window, stride));
}

System.out.println(Arrays.deepToString(minPool(new double[][] {{1, 2}, {3, 4}}, 2, 2)));
