package org.poolinglab.examples;

import org.poolinglab.FeatureMap;
import org.poolinglab.PoolSpec;
import org.poolinglab.PoolType;
import org.poolinglab.Pooling;
import org.poolinglab.WindowStep;

/** The lesson's worked example in Java: a 4x4 feature map, pooled 2x2 with stride 2, step by step. */
public final class LessonExample {

    private LessonExample() {
    }

    public static void main(String[] args) {
        FeatureMap x = FeatureMap.of(new double[][] {
                {1, 3, 2, 1},
                {4, 6, 5, 2},
                {7, 8, 9, 3},
                {1, 2, 0, 4}});
        PoolSpec spec = PoolSpec.of(2); // a 2x2 window moving 2 cells at a time

        System.out.println("The input:");
        System.out.println(x);
        System.out.println();
        System.out.println("Output size: " + spec.explain(4, 4));
        System.out.println();
        System.out.println("2x2 max pooling, stride 2, one window at a time:");
        for (WindowStep step : Pooling.steps(x, spec, PoolType.MAX)) {
            System.out.println("  " + step);
        }
        System.out.println();
        System.out.println("Max pooling, 2x2 stride 2:\n" + Pooling.maxPool(x, spec) + "\n");
        System.out.println("Average pooling, 2x2 stride 2:\n" + Pooling.avgPool(x, spec) + "\n");
        System.out.println("Global max pooling:\n" + Pooling.globalMaxPool(x) + "\n");
        System.out.println("Global average pooling:\n" + Pooling.globalAvgPool(x));
    }
}
