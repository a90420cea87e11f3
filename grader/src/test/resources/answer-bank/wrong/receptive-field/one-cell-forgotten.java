int receptiveField(int[] windows, int[] strides) {
    int field = 0;
    int step = 1;
    for (int i = 0; i < windows.length; i++) {
        field += (windows[i] - 1) * step;
        step *= strides[i];
    }
    return field;
}
