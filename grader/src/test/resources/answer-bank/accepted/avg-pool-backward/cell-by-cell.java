// For each input cell, adds up the shares of every window that covers it.
double[][] avgPoolBackward(int height, int width, int window, int stride, int padding,
                           boolean countIncludePad, double[][] gradOutput) {
    double[][] gradInput = new double[height][width];
    for (int i = 0; i < height; i++) {
        for (int j = 0; j < width; j++) {
            for (int r = 0; r < gradOutput.length; r++) {
                for (int c = 0; c < gradOutput[0].length; c++) {
                    int top = r * stride - padding;
                    int left = c * stride - padding;
                    if (i >= top && i < top + window && j >= left && j < left + window) {
                        gradInput[i][j] += gradOutput[r][c] / divisor(top, left, window, height, width, countIncludePad);
                    }
                }
            }
        }
    }
    return gradInput;
}

static int divisor(int top, int left, int window, int height, int width, boolean countIncludePad) {
    if (countIncludePad) {
        return window * window;
    }
    int rows = Math.min(top + window, height) - Math.max(top, 0);
    int cols = Math.min(left + window, width) - Math.max(left, 0);
    return rows * cols;
}
