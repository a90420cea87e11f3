/**
 * The real data set the lesson trains on: Fashion-MNIST, read from its four official files.
 *
 * <ul>
 *   <li>{@link org.poolinglab.data.FashionMnist}: {@code train()} and {@code test()}, where the files are
 *       found, and the ten class names.</li>
 *   <li>{@link org.poolinglab.data.LabelledImages}: images as an {@code N x 1 x 28 x 28}
 *       {@link org.poolinglab.FeatureMap} with one label each; the first few, a seeded shuffle, batches,
 *       and every image shifted by a few pixels.</li>
 * </ul>
 * The IDX file format itself is read by the package-private {@code IdxFile}.
 */
package org.poolinglab.data;
