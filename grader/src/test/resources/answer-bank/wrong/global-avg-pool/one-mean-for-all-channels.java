double[] globalAvgPool(double[][][] x) {
    double sum = 0;
    int cells = 0;
    for (double[][] channel : x)
        for (double[] row : channel)
            for (double value : row) {
                sum += value;
                cells++;
            }
    double[] result = new double[x.length];
    Arrays.fill(result, sum / cells);
    return result;
}
