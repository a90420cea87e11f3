double[][] minPool(double[][] x, int window, int stride) {
    double[][] negated = new double[x.length][x[0].length];
    for (int r = 0; r < x.length; r++) for (int c = 0; c < x[0].length; c++) negated[r][c] = -x[r][c];
    return Pooling.maxPool(FeatureMap.of(negated), PoolSpec.of(window).stride(stride)).toArray();
}
