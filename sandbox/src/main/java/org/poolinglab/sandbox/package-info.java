/**
 * The untrusted side of grading. {@link org.poolinglab.sandbox.AnswerRunner} is the main class of the
 * JVM that runs a student's compiled answers, apart from the graded tests: it calls an answer when the
 * grader asks, over a pipe, and sends back plain data ({@link org.poolinglab.sandbox.Wire}). It depends
 * on nothing but the Java platform, so nothing of the grader, the tests or lesson-lib is there to read,
 * call or change.
 */
package org.poolinglab.sandbox;
