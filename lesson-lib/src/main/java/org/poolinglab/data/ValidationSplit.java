package org.poolinglab.data;

/**
 * A training set split in two ({@link LabelledImages#validationSplit}): the pictures a network learns
 * from, and the pictures held out to choose its settings on (the learning rate, say), so that the test
 * set is used only once, for the final figures.
 *
 * @param training   the pictures to train on
 * @param validation the pictures held out from training
 */
public record ValidationSplit(LabelledImages training, LabelledImages validation) {
}
