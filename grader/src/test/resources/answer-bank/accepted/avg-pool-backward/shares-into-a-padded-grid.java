// Spreads each share over a padded grid, then cuts the padding off.
double[][] avgPoolBackward(int height, int width, int window, int stride, int padding,
                           boolean countIncludePad, double[][] gradOutput) {
    double[][] padded = new double[height + 2 * padding][width + 2 * padding];
    for (int r = 0; r < gradOutput.length; r++) {
        for (int c = 0; c < gradOutput[0].length; c++) {
            int real = 0;
            for (int i = 0; i < window; i++) {
                for (int j = 0; j < window; j++) {
                    int row = r * stride + i - padding;
                    int col = c * stride + j - padding;
                    if (row >= 0 && row < height && col >= 0 && col < width) {
                        real++;
                    }
                }
            }
            double share = gradOutput[r][c] / (countIncludePad ? window * window : real);
            for (int i = 0; i < window; i++) {
                for (int j = 0; j < window; j++) {
                    padded[r * stride + i][c * stride + j] += share;
                }
            }
        }
    }
    double[][] result = new double[height][width];
    for (int i = 0; i < height; i++) {
        result[i] = Arrays.copyOfRange(padded[i + padding], padding, padding + width);
    }
    return result;
}
