double[][] maxPool2x2(double[][] x) {
    double[][] out = new double[x.length / 2][x[0].length / 2];
    for (int r = 0; r < out.length; r++) for (int c = 0; c < out[0].length; c++) out[r][c] = x[2 * r][2 * c];
    return out;
}
