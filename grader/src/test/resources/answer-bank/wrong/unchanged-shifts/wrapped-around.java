Set<Shift> unchangedShifts(double[][] x) {
    int rows = x.length, cols = x[0].length;
    Set<Shift> result = new HashSet<>();
    for (Shift shift : Shift.values()) {
        double[][] moved = new double[rows][cols];
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < cols; c++)
                moved[(r + shift.down() + rows) % rows][(c + shift.right() + cols) % cols] = x[r][c];
        if (Arrays.deepEquals(maxPool(moved, 2, 2), maxPool(x, 2, 2))) result.add(shift);
    }
    return result;
}
