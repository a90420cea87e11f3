double[][] avgPool(double[][] x, int window, int stride, int padding, boolean countIncludePad) {
    double[][] out = new double[outputSize(x.length, window, stride, padding, false)]
                               [outputSize(x[0].length, window, stride, padding, false)];
    for (int r = 0; r < out.length; r++) {
        for (int c = 0; c < out[0].length; c++) {
            out[r][c] = windowAverage(x, r * stride - padding, c * stride - padding, window, countIncludePad);
        }
    }
    return out;
}

double windowAverage(double[][] x, int top, int left, int window, boolean countIncludePad) {
    double sum = 0;
    int realCells = 0;
    for (int i = top; i < top + window; i++) {
        for (int j = left; j < left + window; j++) {
            if (i >= 0 && i < x.length && j >= 0 && j < x[0].length) {
                sum += x[i][j];
                realCells++;
            }
        }
    }
    return sum / (countIncludePad ? window * window : realCells);
}

var check = avgPool(new double[][] {{1, 2}, {3, 4}}, 2, 1, 1, false);
Arrays.deepToString(check)
