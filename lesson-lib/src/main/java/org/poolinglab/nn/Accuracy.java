package org.poolinglab.nn;

import org.poolinglab.data.LabelledImages;

/**
 * How often a classifier is right, and how often a small move of a picture changes its answer.
 */
public final class Accuracy {

    private Accuracy() {
    }

    /** The share of {@code pictures}, in percent, whose highest score is their own class. */
    public static double of(Sequential model, LabelledImages pictures) {
        Check.notNull("model", model);
        Check.notNull("pictures", pictures);
        return percentEqual(model.predict(pictures.images()), pictures.labels());
    }

    /**
     * Zhang's consistency (2019), for one-pixel moves: the share of pictures, in percent, whose
     * predicted class stays the same when the picture moves one pixel, averaged over a move to the
     * right and a move down (whether the class is right does not matter). A network whose answer
     * ignores a one-pixel move scores 100.
     */
    public static double consistency(Sequential model, LabelledImages pictures) {
        Check.notNull("model", model);
        Check.notNull("pictures", pictures);
        int[] unmoved = model.predict(pictures.images());
        int[] movedRight = model.predict(pictures.shifted(0, 1).images());
        int[] movedDown = model.predict(pictures.shifted(1, 0).images());
        return (percentEqual(unmoved, movedRight) + percentEqual(unmoved, movedDown)) / 2;
    }

    private static double percentEqual(int[] a, int[] b) {
        int same = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] == b[i]) {
                same++;
            }
        }
        return 100.0 * same / a.length;
    }
}
