/**
 * Pictures of feature maps and experiments. Every method returns a {@link java.awt.image.BufferedImage},
 * so a notebook cell that ends with one shows it; nothing opens a window.
 *
 * <ul>
 *   <li>{@link org.poolinglab.plot.Plots}: heat maps (maps drawn together share one cell size, so a
 *       pooled map looks smaller), before/after pooling, the sliding window frame by frame (and as a
 *       GIF), line and bar charts (XChart).</li>
 *   <li>{@link org.poolinglab.plot.Images}: small pictures drawn in Java (no downloads), turned into
 *       feature maps, shifted or enlarged for experiments.</li>
 * </ul>
 */
package org.poolinglab.plot;
