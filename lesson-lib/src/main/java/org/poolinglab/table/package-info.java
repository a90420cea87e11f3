/**
 * Tablesaw tables for the lesson: a feature map as a table, statistics per channel before and after
 * pooling, output sizes over many settings, and the cost of a small CNN with and without pooling.
 * A table printed as a notebook cell's last expression shows as text.
 */
package org.poolinglab.table;
