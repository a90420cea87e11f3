double[][] moved(double[][] x, Shift shift) {
    double[][] moved = new double[x.length][x[0].length];
    for (int r = 0; r < x.length; r++)
        for (int c = 0; c < x[0].length; c++) {
            int row = r + shift.down(), col = c + shift.right();
            if (row >= 0 && row < x.length && col >= 0 && col < x[0].length) moved[row][col] = x[r][c];
        }
    return moved;
}

double[][] averages(double[][] x) {
    double[][] out = new double[x.length / 2][x[0].length / 2];
    for (int r = 0; r < out.length; r++)
        for (int c = 0; c < out[0].length; c++)
            out[r][c] = (x[2 * r][2 * c] + x[2 * r][2 * c + 1] + x[2 * r + 1][2 * c] + x[2 * r + 1][2 * c + 1]) / 4;
    return out;
}

Set<Shift> unchangedShifts(double[][] x) {
    Set<Shift> result = EnumSet.noneOf(Shift.class);
    for (Shift shift : Shift.values()) {
        if (Arrays.deepEquals(averages(moved(x, shift)), averages(x))) {
            result.add(shift);
        }
    }
    return result;
}
