Set<Shift> unchangedShifts(double[][] x) {
    FeatureMap map = FeatureMap.of(x);
    Set<Shift> result = new HashSet<>();
    for (Shift shift : Shift.values()) {
        if (Images.shift(map, shift.down(), shift.right()).equals(map)) result.add(shift);
    }
    return result;
}
