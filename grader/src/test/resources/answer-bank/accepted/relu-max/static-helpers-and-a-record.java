static double relu(double value) {
    return Math.max(0, value);
}

record Pair(double first, double second) {
    double larger() {
        return second + relu(first - second);
    }
}

public double maxOfTwo(double a, double b) {
    return new Pair(a, b).larger();
}

maxOfTwo(2, 3);
