double[][] maxPool(double[][] x, int window, int stride) {
    int rows = (x.length - window) / stride, cols = (x[0].length - window) / stride;
    double[][] out = new double[rows][cols];
    for (int r = 0; r < rows; r++)
        for (int c = 0; c < cols; c++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < window; i++)
                for (int j = 0; j < window; j++)
                    max = Math.max(max, x[r * stride + i][c * stride + j]);
            out[r][c] = max;
        }
    return out;
}
