double[][] avgPool(double[][] x, int window, int stride, int padding, boolean countIncludePad) {
    int height = x.length + 2 * padding;
    int width = x[0].length + 2 * padding;
    double[][] padded = new double[height][width];
    boolean[][] real = new boolean[height][width];
    for (int r = 0; r < x.length; r++) {
        for (int c = 0; c < x[0].length; c++) {
            padded[r + padding][c + padding] = x[r][c];
            real[r + padding][c + padding] = true;
        }
    }
    double[][] out = new double[(height - window) / stride + 1][(width - window) / stride + 1];
    for (int r = 0; r < out.length; r++) {
        for (int c = 0; c < out[0].length; c++) {
            double sum = 0;
            int count = 0;
            for (int i = 0; i < window; i++) {
                for (int j = 0; j < window; j++) {
                    sum += padded[r * stride + i][c * stride + j];
                    count += real[r * stride + i][c * stride + j] ? 1 : 0;
                }
            }
            out[r][c] = sum / (countIncludePad ? window * window : count);
        }
    }
    return out;
}
