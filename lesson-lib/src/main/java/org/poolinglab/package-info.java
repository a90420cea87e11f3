/**
 * Pooling Lab's pooling library, the code the lesson's notebooks call.
 *
 * <ul>
 *   <li>{@link org.poolinglab.FeatureMap}: an immutable N x C x H x W tensor of floats.</li>
 *   <li>{@link org.poolinglab.PoolSpec}: window, stride, padding and the rest, with the output-size formula.</li>
 *   <li>{@link org.poolinglab.Pooling}: max, average, power-average, adaptive and global pooling, max
 *       unpooling, each with its backward pass (how a network's gradient flows back through it), and
 *       {@link org.poolinglab.Pooling#steps} for watching a window slide.</li>
 * </ul>
 * The loops themselves, forward and backward side by side, live in package-private classes
 * ({@code MaxPooling}, {@code AveragePooling}), over windows worked out once per call ({@code AxisWindows}).
 * Those are the reference loops, written the way the lesson explains pooling; the common cases run through
 * faster loops beside them ({@code FastMaxPooling}, {@code FastAveragePooling}), which the tests hold to the
 * reference, and large maps are shared out across threads by {@link org.poolinglab.Parallel}.
 */
package org.poolinglab;
