double[][] avgPoolBackward(int height, int width, int window, int stride, int padding,
                           boolean countIncludePad, double[][] gradOutput) {
    double[][] gradInput = new double[height][width];
    for (int r = 0; r < gradOutput.length; r++) {
        for (int c = 0; c < gradOutput[0].length; c++) {
            int top = r * stride - padding;
            int left = c * stride - padding;
            int rowEnd = Math.min(top + window, height);
            int columnEnd = Math.min(left + window, width);
            int inside = (rowEnd - Math.max(top, 0)) * (columnEnd - Math.max(left, 0));
            double share = gradOutput[r][c] / (countIncludePad ? window * window : inside);
            for (int i = Math.max(top, 0); i < rowEnd; i++) {
                for (int j = Math.max(left, 0); j < columnEnd; j++) {
                    gradInput[i][j] = share;
                }
            }
        }
    }
    return gradInput;
}
