int receptiveField(int[] windows, int[] strides) {
    int field = 1;
    int step = 1;
    for (int i = 0; i < windows.length; i++) {
        step *= strides[i];
        field += (windows[i] - 1) * step;
    }
    return field;
}
