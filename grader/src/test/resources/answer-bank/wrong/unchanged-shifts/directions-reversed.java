Set<Shift> unchangedShifts(double[][] x) {
    FeatureMap map = FeatureMap.of(x);
    FeatureMap pooled = Pooling.maxPool(map, PoolSpec.of(2));
    Set<Shift> result = new HashSet<>();
    for (Shift shift : Shift.values()) {
        // the window moves one cell, so the map moves the other way
        FeatureMap moved = Images.shift(map, -shift.down(), -shift.right());
        if (Pooling.maxPool(moved, PoolSpec.of(2)).equals(pooled)) result.add(shift);
    }
    return result;
}
