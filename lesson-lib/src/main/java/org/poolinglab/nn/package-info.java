/**
 * A small network package for teaching, not a framework: enough to train a convolutional network on
 * Fashion-MNIST in plain Java and see what pooling does to it. Each layer's forward and backward pass
 * sit next to each other in one short file, so the chain rule can be read one layer at a time.
 *
 * <ul>
 *   <li>{@link org.poolinglab.nn.Layer}: what every layer does ({@code forward}, {@code backward},
 *       {@code parameters}); {@link org.poolinglab.nn.Parameter}: a tensor the network learns, with its gradient.</li>
 *   <li>Layers: {@link org.poolinglab.nn.Conv2d} (with any stride: a stride-2 convolution shrinks the
 *       maps instead of a pooling layer), {@link org.poolinglab.nn.ReLU},
 *       {@link org.poolinglab.nn.MaxPool2d}, {@link org.poolinglab.nn.AvgPool2d} and
 *       {@link org.poolinglab.nn.GlobalAvgPool2d} (on {@link org.poolinglab.Pooling}),
 *       {@link org.poolinglab.nn.BlurPool2d} and {@link org.poolinglab.nn.AntiAliasedMaxPool2d} (Zhang's
 *       anti-aliased pooling), {@link org.poolinglab.nn.Flatten}, {@link org.poolinglab.nn.Linear}.</li>
 *   <li>{@link org.poolinglab.nn.Sequential}: layers one after the other, one training step, and a
 *       summary table (output shape, parameters, multiply-adds per layer).</li>
 *   <li>{@link org.poolinglab.nn.SoftmaxCrossEntropy}: the loss and its gradient;
 *       {@link org.poolinglab.nn.Sgd}: gradient descent with momentum.</li>
 *   <li>{@link org.poolinglab.nn.Experiment}: several models trained from several seeds side by side on
 *       the cores, with {@link org.poolinglab.nn.ExperimentResults}: every {@link org.poolinglab.nn.TrainingRun}
 *       and each measure's mean and spread per model; {@link org.poolinglab.nn.Accuracy}: how often a
 *       network is right, and how often a one-pixel move changes its answer.</li>
 * </ul>
 *
 * <p>Everything follows PyTorch: the same formulas, the same starting weights' distribution (drawn
 * from a {@link java.util.Random} you seed), the same update rule. The data flowing between layers is
 * a {@link org.poolinglab.FeatureMap}, {@code N x C x H x W}; dense values are {@code N x features x 1 x 1}.
 * Layers share each batch out across the processor's cores ({@link org.poolinglab.Parallel}), and the
 * results are the same, bit for bit, on any number of threads: no sum is ever split between threads.
 */
package org.poolinglab.nn;
