Set<Shift> unchangedShifts(double[][] x) {
    Set<Shift> result = new HashSet<>();
    for (Shift shift : Shift.values()) {
        double[][] moved = new double[x.length][x[0].length];
        for (int r = 0; r < x.length; r++)
            for (int c = 0; c < x[0].length; c++) {
                int row = r + shift.down(), col = c + shift.right();
                if (row >= 0 && row < x.length && col >= 0 && col < x[0].length) moved[row][col] = x[r][c];
            }
        if (Arrays.deepEquals(moved, x)) result.add(shift);
    }
    return result;
}
