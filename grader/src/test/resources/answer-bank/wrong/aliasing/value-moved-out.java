MovedMap aliasing(int size) {
    double[][] map = new double[size][size];
    map[0][size - 1] = 5;   // moved right, it leaves the map
    return new MovedMap(map, Shift.RIGHT);
}
