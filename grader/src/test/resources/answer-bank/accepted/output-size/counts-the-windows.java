// Counts the windows one by one, as notebook 02 draws them, instead of using the formula.
int outputSize(int input, int window, int stride, int padding, boolean ceilMode) {
    int padded = input + 2 * padding;
    int count = 0;
    int start = 0;
    while (start + window <= padded) {   // every window that fits
        count++;
        start += stride;
    }
    boolean partialLeft = (padded - window) % stride != 0;   // some cells after the last full window
    if (ceilMode && partialLeft && start < input + padding) {  // one more, unless it starts in the padding
        count++;
    }
    return count;
}
