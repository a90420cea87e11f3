static final double NOTHING_YET = Double.NEGATIVE_INFINITY;

double[][] maxPool(double[][] x, int window, int stride) {
    int rows = (x.length - window) / stride + 1;
    int cols = (x[0].length - window) / stride + 1;
    double[][] out = new double[rows][cols];
    for (int r = 0; r < rows; r++) {
        for (int c = 0; c < cols; c++) {
            double max = NOTHING_YET;
            for (int i = 0; i < window; i++) {
                for (int j = 0; j < window; j++) {
                    max = Math.max(max, x[r * stride + i][c * stride + j]);
                }
            }
            out[r][c] = max;
        }
    }
    return out;
}

double[][] lesson = {{1, 3, 2, 1}, {4, 6, 5, 2}, {7, 8, 9, 3}, {1, 2, 0, 4}};
System.out.println("testing my max pooling:");
for (double[] row : maxPool(lesson, 2, 2)) System.out.println(Arrays.toString(row));
maxPool(lesson, 2, 2)
