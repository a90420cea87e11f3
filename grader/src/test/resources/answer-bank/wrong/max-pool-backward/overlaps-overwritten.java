double[][] maxPoolBackward(double[][] x, int window, int stride, double[][] gradOutput) {
    double[][] grad = new double[x.length][x[0].length];
    for (int r = 0; r < gradOutput.length; r++)
        for (int c = 0; c < gradOutput[0].length; c++) {
            int row = r * stride, col = c * stride;
            for (int i = 0; i < window; i++)
                for (int j = 0; j < window; j++)
                    if (x[r * stride + i][c * stride + j] > x[row][col]) {
                        row = r * stride + i;
                        col = c * stride + j;
                    }
            grad[row][col] = gradOutput[r][c];
        }
    return grad;
}
