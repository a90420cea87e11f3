double[][] maxPool(double[][] x, int window, int stride) {
    int rows = (x.length - window) / stride + 1, cols = (x[0].length - window) / stride + 1;
    double[][] out = new double[rows][cols];
    for (int r = 0; r < rows; r++)
        for (int c = 0; c < cols; c++) {
            double sum = 0;
            for (int i = 0; i < window; i++)
                for (int j = 0; j < window; j++)
                    sum += x[r * stride + i][c * stride + j];
            out[r][c] = sum / (window * window);
        }
    return out;
}
