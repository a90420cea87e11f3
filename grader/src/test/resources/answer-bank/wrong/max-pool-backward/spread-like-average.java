double[][] maxPoolBackward(double[][] x, int window, int stride, double[][] gradOutput) {
    double[][] grad = new double[x.length][x[0].length];
    for (int r = 0; r < gradOutput.length; r++)
        for (int c = 0; c < gradOutput[0].length; c++)
            for (int i = 0; i < window; i++)
                for (int j = 0; j < window; j++)
                    grad[r * stride + i][c * stride + j] += gradOutput[r][c] / (window * window);
    return grad;
}
