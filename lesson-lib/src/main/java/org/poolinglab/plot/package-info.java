/**
 * Pictures of feature maps and experiments. Every method returns a {@link java.awt.image.BufferedImage},
 * so a notebook cell that ends with one shows it; nothing opens a window.
 *
 * <ul>
 *   <li>{@link org.poolinglab.plot.Plots}: heat maps as XChart heat-map charts (maps drawn together share
 *       one cell size, so a pooled map looks smaller, and one colour scale), before/after pooling, line
 *       and bar charts (XChart); the sliding window frame by frame (and as a GIF); and grey-scale
 *       pictures in a row with captions, or with a classifier's answers.</li>
 *   <li>{@link org.poolinglab.plot.Images}: small pictures drawn in Java (no downloads), turned into
 *       feature maps, shifted or enlarged for experiments.</li>
 *   <li>{@link org.poolinglab.plot.Stepper}: the sliding window one step per run of a cell, for a live
 *       demo.</li>
 * </ul>
 *
 * <p>Every picture fits a slide (at most 1300x760 pixels). {@code Plots.scale(1.5)} draws every later
 * picture 1.5 times as large, for a projector.
 *
 * <p>Every plot of a feature map is an XChart chart. The sliding-window frames are drawn with Java2D
 * instead: they are diagrams of the algorithm (the window, the padding, the output filling up), not
 * plots of a map's values, and no chart type draws them. So are rows of pictures: photographs, shown
 * as they are.
 */
package org.poolinglab.plot;
