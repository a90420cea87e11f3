double[][] maxPool(double[][] x, int window, int stride) {
    // every cell is read: windows that hang over the edge keep the cells they have
    int rows = (x.length - window + stride - 1) / stride + 1;
    int cols = (x[0].length - window + stride - 1) / stride + 1;
    double[][] out = new double[rows][cols];
    for (int r = 0; r < rows; r++)
        for (int c = 0; c < cols; c++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int i = r * stride; i < Math.min(r * stride + window, x.length); i++)
                for (int j = c * stride; j < Math.min(c * stride + window, x[0].length); j++)
                    max = Math.max(max, x[i][j]);
            out[r][c] = max;
        }
    return out;
}
