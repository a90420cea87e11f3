package org.poolinglab.nn;

import org.poolinglab.FeatureMap;

/**
 * The loss of a classifier, PyTorch's {@code nn.CrossEntropyLoss} (mean over the batch): softmax turns
 * each image's scores ("logits") {@code z} into probabilities {@code p_j = exp(z_j) / sum_i exp(z_i)},
 * and the loss is {@code -log p_y} for the true class {@code y}, averaged over the {@code N} images.
 *
 * <p>Its gradient with respect to the scores is short: {@code (p_j - 1 if j == y else p_j) / N}. Both
 * are computed here, once, after subtracting each image's largest score: {@code exp} of a large score
 * would overflow, and subtracting the same number from every score changes neither {@code p} nor the loss.
 */
public final class SoftmaxCrossEntropy {

    private final double loss;
    private final FeatureMap gradient;

    private SoftmaxCrossEntropy(double loss, FeatureMap gradient) {
        this.loss = loss;
        this.gradient = gradient;
    }

    /**
     * The loss and its gradient for a batch.
     *
     * @param logits one score per class for each image, {@code N x classes x 1 x 1} (a {@link Linear}'s output)
     * @param labels the true class of each image, {@code N} numbers in {@code [0, classes)}; not modified
     */
    public static SoftmaxCrossEntropy of(FeatureMap logits, int[] labels) {
        Check.notNull("logits", logits);
        Check.notNull("labels", labels);
        int batch = logits.batch();
        int classes = logits.channels();
        Check.argument(logits.height() == 1 && logits.width() == 1, () -> "logits must be N x classes x 1 x 1 but was "
                + Check.describe(logits.shape()));
        Check.argument(labels.length == batch, () -> "labels must have one label per image, " + batch + ", but has "
                + labels.length);
        float[] scores = logits.toFloatArray();
        float[] gradient = new float[scores.length];
        double total = 0;
        for (int n = 0; n < batch; n++) {
            int label = labels[n];
            int image = n;
            Check.argument(label >= 0 && label < classes, () -> "labels[" + image + "] must be in [0, " + classes
                    + ") but was " + label);
            int first = n * classes;
            double max = Double.NEGATIVE_INFINITY;
            for (int j = first; j < first + classes; j++) {
                max = Math.max(max, scores[j]);
            }
            double sumExp = 0;
            for (int j = first; j < first + classes; j++) {
                sumExp += Math.exp(scores[j] - max);
            }
            double logSumExp = max + Math.log(sumExp);
            total += logSumExp - scores[first + label];
            for (int j = first; j < first + classes; j++) {
                double probability = Math.exp(scores[j] - logSumExp);
                gradient[j] = (float) ((probability - (j == first + label ? 1 : 0)) / batch);
            }
        }
        return new SoftmaxCrossEntropy(total / batch, FeatureMap.wrap(logits.shape(), gradient));
    }

    /** The mean loss over the batch. */
    public double loss() {
        return loss;
    }

    /** The gradient of {@link #loss()} with respect to the logits, shaped like them: where backward starts. */
    public FeatureMap gradient() {
        return gradient;
    }

    @Override
    public String toString() {
        return "SoftmaxCrossEntropy{loss " + loss + "}";
    }
}
