double[][] maxPoolBackward(double[][] x, int window, int stride, double[][] gradOutput) {
    double[][] grad = new double[x.length][x[0].length];
    for (int r = 0; r < gradOutput.length; r++)
        for (int c = 0; c < gradOutput[0].length; c++) {
            int best = -1;
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < window * window; k++) {
                double value = x[r * stride + k / window][c * stride + k % window];
                if (value >= max) {
                    max = value;
                    best = k;
                }
            }
            grad[r * stride + best / window][c * stride + best % window] += gradOutput[r][c];
        }
    return grad;
}
