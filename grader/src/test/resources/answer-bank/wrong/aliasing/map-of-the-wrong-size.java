MovedMap aliasing(int size) {
    double[][] map = new double[4][4];
    map[0][0] = 1;
    map[0][1] = 1;
    return new MovedMap(map, Shift.RIGHT);
}
