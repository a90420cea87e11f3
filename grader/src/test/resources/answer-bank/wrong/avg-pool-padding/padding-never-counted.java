double[][] avgPool(double[][] x, int window, int stride, int padding, boolean countIncludePad) {
    int rows = (x.length + 2 * padding - window) / stride + 1;
    int cols = (x[0].length + 2 * padding - window) / stride + 1;
    double[][] out = new double[rows][cols];
    for (int r = 0; r < rows; r++)
        for (int c = 0; c < cols; c++) {
            double sum = 0;
            int cells = 0;
            for (int i = r * stride - padding; i < r * stride - padding + window; i++)
                for (int j = c * stride - padding; j < c * stride - padding + window; j++)
                    if (i >= 0 && i < x.length && j >= 0 && j < x[0].length) {
                        sum += x[i][j];
                        cells++;
                    }
            out[r][c] = sum / cells;
        }
    return out;
}
