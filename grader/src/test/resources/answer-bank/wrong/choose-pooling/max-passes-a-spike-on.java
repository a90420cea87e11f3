PoolingChoice choosePooling(PoolingTask task) {
    return switch (task) {
        case FEWEST_WEIGHTS, ANY_SIZE -> PoolingChoice.GLOBAL_AVERAGE;
        case STUCK_PIXEL, THIN_EDGE -> PoolingChoice.MAX;   // max pooling is the usual choice
    };
}
