package org.poolinglab;

/** The windows of one pooling call: where each lies along the rows and along the columns. */
record Windows(AxisWindows rows, AxisWindows cols) {

    /** Fixed-size sliding windows, as {@code spec} places them on an {@code input}-sized map. */
    static Windows sliding(Size input, PoolSpec spec) {
        Size output = spec.outputShape(input.height(), input.width());
        int[] pads = spec.paddingFor(input.height(), input.width());
        return new Windows(
                AxisWindows.sliding(input.height(), spec.window().height(), spec.stride().height(),
                        pads[0], pads[2], spec.dilation().height(), output.height()),
                AxisWindows.sliding(input.width(), spec.window().width(), spec.stride().width(),
                        pads[1], pads[3], spec.dilation().width(), output.width()));
    }

    /** Windows that split an {@code input}-sized map into exactly {@code output} regions. */
    static Windows adaptive(Size input, Size output) {
        return new Windows(AxisWindows.adaptive(input.height(), output.height()),
                AxisWindows.adaptive(input.width(), output.width()));
    }

    /** How many values pooling {@code input} through these windows gives: N * C * output height * width. */
    int outputCells(FeatureMap input) {
        return input.batch() * input.channels() * rows.count() * cols.count();
    }

    /** The cells pooling one plane of {@code input} reads and writes: the work {@link Parallel#forEachPlane} shares out. */
    long cellsPerPlane(FeatureMap input) {
        return (long) input.height() * input.width() + (long) rows.count() * cols.count();
    }

    /** The pooled map of {@code input}, holding {@code out} (its values in NCHW order, not copied). */
    FeatureMap outputOf(FeatureMap input, float[] out) {
        return FeatureMap.wrap(input.batch(), input.channels(), rows.count(), cols.count(), out);
    }
}
