double[] globalAvgPool(double[][][] x) {
    double[] result = new double[x.length];
    for (int c = 0; c < x.length; c++)
        for (double[] row : x[c])
            for (double value : row) result[c] += value;
    return result;
}
