double[][] maxPoolBackward(double[][] x, int window, int stride, double[][] gradOutput) {
    double[][] grad = new double[x.length][x[0].length];
    for (int r = 0; r < gradOutput.length; r++) {
        for (int c = 0; c < gradOutput[0].length; c++) {
            int best = 0;
            for (int k = 1; k < window * window; k++) {
                double value = x[r * stride + k / window][c * stride + k % window];
                double bestValue = x[r * stride + best / window][c * stride + best % window];
                if (value > bestValue) {   // a tie does not replace the first maximum
                    best = k;
                }
            }
            grad[r * stride + best / window][c * stride + best % window] += gradOutput[r][c];
        }
    }
    return grad;
}
