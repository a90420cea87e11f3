package org.poolinglab.grading;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test students do not see: the notebook's check cell skips it, and feedback shows only whether it
 * passed (Gradescope shows it after grades are published).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Tag(Hidden.TAG)
public @interface Hidden {
    String TAG = "hidden";
}
