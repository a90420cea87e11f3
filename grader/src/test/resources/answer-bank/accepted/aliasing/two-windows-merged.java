// The other way round: two values in two windows move into one (3 and 2: the sum of maxima drops from 5 to 3).
MovedMap aliasing(int size) {
    double[][] map = new double[size][size];
    map[0][1] = 3;
    map[0][2] = 2;
    return new MovedMap(map, Shift.LEFT);
}
