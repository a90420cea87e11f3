double[][] maxPoolBackward(double[][] x, int window, int stride, double[][] gradOutput) {
    double[][] grad = new double[x.length][x[0].length];
    for (int r = 0; r < gradOutput.length; r++)
        for (int c = 0; c < gradOutput[0].length; c++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < window; i++)
                for (int j = 0; j < window; j++) max = Math.max(max, x[r * stride + i][c * stride + j]);
            for (int i = 0; i < window; i++)
                for (int j = 0; j < window; j++)
                    if (x[r * stride + i][c * stride + j] == max) grad[r * stride + i][c * stride + j] += gradOutput[r][c];
        }
    return grad;
}
