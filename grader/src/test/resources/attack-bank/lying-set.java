// attack: returns a set that says it equals whatever it is compared with, and lies about its size
// exercise: unchanged-shifts
// base: master
// earns: 0
Set<Shift> unchangedShifts(double[][] x) {
    return new AbstractSet<Shift>() {
        @Override
        public Iterator<Shift> iterator() {
            return Collections.emptyIterator();
        }

        @Override
        public int size() {
            return 4;
        }

        @Override
        public boolean equals(Object other) {
            return true;
        }

        @Override
        public int hashCode() {
            return 0;
        }
    };
}
