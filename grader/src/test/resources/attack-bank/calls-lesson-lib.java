// attack: answers with one call of lesson-lib instead of writing the loop
// exercise: max-pool
// base: master
// earns: 0
// says: write the loop yourself: answers may not call Pooling.maxPool (cell
double[][] maxPool(double[][] x, int window, int stride) {
    return Pooling.maxPool(FeatureMap.of(x), PoolSpec.of(window).stride(stride)).toArray();
}
