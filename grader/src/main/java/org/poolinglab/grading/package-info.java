/**
 * The grading engine. One engine for every path: the graded tests are JUnit 5 classes
 * ({@code org.poolinglab.grading.tests}) run by {@link org.poolinglab.grading.GradedRun} on JUnit's
 * launcher, in a notebook's check cell, on a submitted notebook, and over a whole class.
 * Submitted answers run in a separate JVM ({@link org.poolinglab.grading.Sandbox}) with time,
 * memory and output limits.
 */
package org.poolinglab.grading;
