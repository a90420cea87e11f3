int receptiveField(int[] windows, int[] strides) {
    int field = 1;
    for (int window : windows) {
        field += window - 1;
    }
    return field;
}
