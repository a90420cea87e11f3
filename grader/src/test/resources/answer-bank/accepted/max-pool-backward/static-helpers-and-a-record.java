record Cell(int row, int col) {
}

static Cell firstMaximum(double[][] x, int top, int left, int window) {
    Cell best = new Cell(top, left);
    for (int i = top; i < top + window; i++) {
        for (int j = left; j < left + window; j++) {
            if (x[i][j] > x[best.row()][best.col()]) {
                best = new Cell(i, j);
            }
        }
    }
    return best;
}

public static double[][] maxPoolBackward(double[][] x, int window, int stride, double[][] gradOutput) {
    double[][] gradInput = new double[x.length][x[0].length];
    for (int r = 0; r < gradOutput.length; r++) {
        for (int c = 0; c < gradOutput[0].length; c++) {
            Cell winner = firstMaximum(x, r * stride, c * stride, window);
            gradInput[winner.row()][winner.col()] += gradOutput[r][c];
        }
    }
    return gradInput;
}

var demo = maxPoolBackward(new double[][] {{1, 2}, {3, 4}}, 2, 2, new double[][] {{1}});
Arrays.deepToString(demo)
