/**
 * The graded JUnit 5 tests, one class per exercise. Each test method is worth its {@code @Points};
 * {@code @Hidden} tests are skipped by the notebook check and kept out of student feedback.
 * Expected values come from lesson-lib (checked against PyTorch) or from the lesson itself.
 */
package org.poolinglab.grading.tests;
