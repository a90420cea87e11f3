/** Small runnable programs that use lesson-lib the way the lesson does; {@code ./lab run} runs them. */
package org.poolinglab.examples;
