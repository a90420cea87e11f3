// From the output back to the input: the cells needed before each layer.
int receptiveField(int[] windows, int[] strides) {
    int cells = 1;
    for (int i = windows.length - 1; i >= 0; i--) {
        cells = (cells - 1) * strides[i] + windows[i];
    }
    return cells;
}
