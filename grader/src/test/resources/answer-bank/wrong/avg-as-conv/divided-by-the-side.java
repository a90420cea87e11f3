double[][] averagingFilter(int window) {
    double[][] filter = new double[window][window];
    for (double[] row : filter) Arrays.fill(row, 1.0 / window);
    return filter;
}
