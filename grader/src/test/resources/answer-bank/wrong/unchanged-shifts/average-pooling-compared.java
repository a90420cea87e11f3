Set<Shift> unchangedShifts(double[][] x) {
    FeatureMap map = FeatureMap.of(x);
    FeatureMap pooled = Pooling.avgPool(map, PoolSpec.of(2));
    Set<Shift> result = EnumSet.noneOf(Shift.class);
    for (Shift shift : Shift.values()) {
        if (Pooling.avgPool(Images.shift(map, shift.down(), shift.right()), PoolSpec.of(2)).equals(pooled)) {
            result.add(shift);
        }
    }
    return result;
}
