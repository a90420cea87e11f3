int receptiveField(int[] windows, int[] strides) {
    return seen(windows, strides, 0);
}

static int seen(int[] windows, int[] strides, int layer) {
    if (layer == windows.length) {
        return 1;
    }
    // the layers after this one see seen(...) of its cells, which lie strides[layer] apart
    return (seen(windows, strides, layer + 1) - 1) * strides[layer] + windows[layer];
}
