double[][] maxPoolBackward(double[][] x, int window, int stride, double[][] gradOutput) {
    double[][] grad = new double[x.length][x[0].length];
    for (int r = 0; r < gradOutput.length; r++) {
        for (int c = 0; c < gradOutput[0].length; c++) {
            double max = Double.NEGATIVE_INFINITY;
            int tied = 0;
            for (int i = 0; i < window; i++) {
                for (int j = 0; j < window; j++) {
                    double value = x[r * stride + i][c * stride + j];
                    if (value > max) {
                        max = value;
                        tied = 1;
                    } else if (value == max) {
                        tied++;
                    }
                }
            }
            for (int i = 0; i < window; i++) {
                for (int j = 0; j < window; j++) {
                    if (x[r * stride + i][c * stride + j] == max) {
                        grad[r * stride + i][c * stride + j] += gradOutput[r][c] / tied;   // each tied maximum its share
                    }
                }
            }
        }
    }
    return grad;
}
