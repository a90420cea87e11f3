double[][] maxPool(double[][] x, int window, int stride) {
    int rows = (x.length - window) / stride + 1;
    int cols = (x[0].length - window) / stride + 1;
    return java.util.stream.IntStream.range(0, rows).mapToObj(r ->
            java.util.stream.IntStream.range(0, cols).mapToDouble(c ->
                    java.util.stream.IntStream.range(0, window * window)
                            .mapToDouble(i -> x[r * stride + i / window][c * stride + i % window])
                            .max().getAsDouble()).toArray())
            .toArray(double[][]::new);
}
