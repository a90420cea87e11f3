// Two values one above the other in the first window; moved down, each sits in a window of its own.
MovedMap aliasing(int size) {
    double[][] map = new double[size][size];
    map[0][0] = 4;
    map[1][0] = 4;
    return new MovedMap(map, Shift.DOWN);
}
