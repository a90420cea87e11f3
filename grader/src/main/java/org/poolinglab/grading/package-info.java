/**
 * The grading engine. One engine for every path: the graded tests are JUnit 5 classes
 * ({@code org.poolinglab.grading.tests}) run by {@link org.poolinglab.grading.GradedRun} on JUnit's
 * launcher, in a notebook's check cell, on a submitted notebook, and over a whole class.
 * Answer cells are read as the kernel reads them ({@link org.poolinglab.grading.AnswerCells});
 * submitted answers run in a separate JVM ({@link org.poolinglab.grading.Sandbox}) with time,
 * memory and output limits. Around it: a zip of submissions ({@link org.poolinglab.grading.SubmissionZip}),
 * the Gradescope autograder ({@link org.poolinglab.grading.Gradescope}) and the student release
 * ({@link org.poolinglab.grading.Release}).
 */
package org.poolinglab.grading;
