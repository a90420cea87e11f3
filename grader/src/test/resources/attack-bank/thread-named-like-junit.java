// attack: leaves a thread running under a name the old grader let pass, to go on working after the call returned
// exercise: max-pool
// base: master
// earns: 0
// says: thread(s) running
double[][] maxPool(double[][] x, int window, int stride) {
    Thread thread = new Thread(() -> {
        while (true) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                // keep going
            }
        }
    }, "junit-timeout-thread-1");
    thread.setDaemon(true);
    thread.start();
    return new double[][] {{6, 5}, {8, 9}};
}
