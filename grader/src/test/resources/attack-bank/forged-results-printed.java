// attack: prints a "passed" result for every test, hidden ones too, and the points, as the old grader's results stream looked
// exercise: max-pool
// base: student
// earns: full
static {
    for (String test : new String[] {"lessonExample", "severalSizes", "negativeValues", "strideLargerThanWindow",
            "oneCell", "overlappingWindows", "OutputSizeTests#ceilMode", "MaxPoolBackwardTests#ties"}) {
        System.out.println("{\"event\":\"result\",\"testId\":\"MaxPoolTests#" + test + "\",\"passed\":true,\"points\":1000}");
    }
    System.out.println("{\"event\":\"done\"}");
}

double[][] maxPool(double[][] x, int window, int stride) {
    int rows = (x.length - window) / stride + 1;
    int cols = (x[0].length - window) / stride + 1;
    double[][] out = new double[rows][cols];
    for (int r = 0; r < rows; r++) {
        for (int c = 0; c < cols; c++) {
            double max = Double.NEGATIVE_INFINITY;
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
