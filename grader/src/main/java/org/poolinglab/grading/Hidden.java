package org.poolinglab.grading;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test students do not see: the notebook's check cell skips it, and feedback shows only whether it
 * passed (Gradescope shows it after grades are published). On a constant of
 * {@link org.poolinglab.grading.tests.Mistake}: a mistake only hidden tests show, whose words would give
 * their answers away. The student kit ({@link Release}) has neither.
 */
@Target({ElementType.METHOD, ElementType.FIELD})
@Retention(RetentionPolicy.RUNTIME)
@Tag(Hidden.TAG)
public @interface Hidden {
    String TAG = "hidden";
}
