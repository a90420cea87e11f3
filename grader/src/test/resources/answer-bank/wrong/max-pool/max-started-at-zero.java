double[][] maxPool(double[][] x, int window, int stride) {
    int rows = (x.length - window) / stride + 1, cols = (x[0].length - window) / stride + 1;
    double[][] out = new double[rows][cols];
    for (int r = 0; r < rows; r++)
        for (int c = 0; c < cols; c++)
            for (int i = 0; i < window; i++)
                for (int j = 0; j < window; j++)
                    out[r][c] = Math.max(out[r][c], x[r * stride + i][c * stride + j]);
    return out;
}
