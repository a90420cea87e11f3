double[] globalAvgPool(double[][][] x) {
    double[] means = new double[x.length];
    for (int c = 0; c < x.length; c++) {
        double sum = 0;
        for (double[] row : x[c]) for (double value : row) sum += value;
        means[c] = sum / x[c].length;
    }
    return means;
}
