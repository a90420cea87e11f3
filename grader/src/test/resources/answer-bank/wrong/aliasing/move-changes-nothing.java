MovedMap aliasing(int size) {
    double[][] map = new double[size][size];
    map[1][1] = 5;   // one value, moved right into the next window
    return new MovedMap(map, Shift.RIGHT);
}
