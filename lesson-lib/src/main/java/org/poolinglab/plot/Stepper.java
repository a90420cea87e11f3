package org.poolinglab.plot;

import java.util.Objects;
import org.poolinglab.FeatureMap;
import org.poolinglab.PoolSpec;
import org.poolinglab.PoolType;

/**
 * The sliding window one step at a time, for a live demo: run the same cell again and again, and
 * each run shows the next window position (the picture {@link Plots#windowFrames} draws for it, with
 * its description).
 * <pre>{@code
 * Stepper stepper = new Stepper();                 // once, in a cell of its own
 * stepper.next(x, PoolSpec.of(2), PoolType.MAX)    // re-run this cell: step 1, 2, 3, 4, then 1 again
 * }</pre>
 * The stepper remembers the map, the spec and the pooling type it was last given. When one of them
 * changes (another map, another stride, average instead of max), it starts again at step 1; maps and
 * specs count as the same when they are equal, so re-running the cell that builds them changes nothing.
 * After {@link Plots#scale} the next step is drawn at the new scale.
 */
public final class Stepper {

    private FeatureMap input;
    private PoolSpec spec;
    private PoolType type;
    private WindowFrames frames;
    private int shown;

    /**
     * The picture of the next window step: step 1 on the first call, after {@link #reset()}, after the
     * last step, and whenever {@code input}, {@code spec} or {@code type} differ from the last call.
     *
     * @param input a single map of at most {@value Plots#MAX_FRAME_SIDE} x {@value Plots#MAX_FRAME_SIDE}
     */
    public DescribedImage next(FeatureMap input, PoolSpec spec, PoolType type) {
        Objects.requireNonNull(input, "input must not be null");
        Objects.requireNonNull(spec, "spec must not be null");
        Objects.requireNonNull(type, "type must not be null");
        if (frames == null || !input.equals(this.input) || !spec.equals(this.spec) || type != this.type) {
            frames = Plots.windowFrames(input, spec, type, "a Stepper");
            this.input = input;
            this.spec = spec;
            this.type = type;
            shown = 0;
        } else if (frames.scale() != Palette.scale()) {
            frames = Plots.windowFrames(input, spec, type, "a Stepper");
        }
        shown = shown % frames.count() + 1;
        return frames.draw(shown);
    }

    /** The number of the step shown last (1 for the first), or 0 before the first. */
    public int stepNumber() {
        return shown;
    }

    /** How many steps the current map, spec and type take, or 0 before the first. */
    public int stepCount() {
        return frames == null ? 0 : frames.count();
    }

    /** Makes the next call show step 1 again. */
    public void reset() {
        shown = 0;
    }

    /** E.g. "step 2 of 4: 2x2 max pooling, stride 2", which a notebook prints for a stepper. */
    @Override
    public String toString() {
        return shown == 0 ? "a stepper before its first step"
                : "step " + shown + " of " + frames.count() + ": " + spec.describe(type);
    }
}
