record Candidate(int window, int stride, int padding) {
    int output(int input) {
        return Math.floorDiv(input + 2 * padding - window, stride) + 1;
    }
}

PoolDesign overlappingPooling(int input, int output) {
    List<Candidate> candidates = new ArrayList<>();
    for (int window = 2; window <= 12; window++) {
        for (int stride = 1; stride < window; stride++) {
            for (int padding = 0; padding <= window / 2; padding++) {
                candidates.add(new Candidate(window, stride, padding));
            }
        }
    }
    Candidate best = candidates.stream().filter(candidate -> candidate.output(input) == output)
            .min(Comparator.comparingInt(Candidate::padding).thenComparingInt(Candidate::window)).orElseThrow();
    return new PoolDesign(best.window(), best.stride(), best.padding());
}
