// attack: starts a shell that writes a file on the grader's machine, and a process meant to outlive grading and plant a results.json later
// exercise: max-pool
// base: master
// earns: 0
// says: process(es) running
double[][] maxPool(double[][] x, int window, int stride) {
    try {
        new ProcessBuilder("/bin/sh", "-c", "echo escaped > ${MARKER}").start().waitFor();
        new ProcessBuilder("/bin/sh", "-c", "sleep 4; echo late > ${MARKER}; echo '{\"score\": 1000}' > ${OUT}/gradebook.csv")
                .start();
    } catch (Exception e) {
        // no shell: nothing to start
    }
    int rows = (x.length - window) / stride + 1;
    int cols = (x[0].length - window) / stride + 1;
    double[][] out = new double[rows][cols];
    for (int r = 0; r < rows; r++) {
        for (int c = 0; c < cols; c++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < window * window; i++) {
                max = Math.max(max, x[r * stride + i / window][c * stride + i % window]);
            }
            out[r][c] = max;
        }
    }
    return out;
}
