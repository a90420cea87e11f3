/**
 * The exercises as students meet them: what each asks ({@link org.poolinglab.exercises.Exercises}),
 * the shape of each answer ({@link org.poolinglab.exercises.Answers}), and the instant check a notebook
 * runs ({@link org.poolinglab.exercises.Check}).
 */
package org.poolinglab.exercises;
