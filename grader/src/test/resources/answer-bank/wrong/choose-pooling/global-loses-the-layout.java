PoolingChoice choosePooling(PoolingTask task) {
    return switch (task) {
        case FEWEST_WEIGHTS, ANY_SIZE, STUCK_PIXEL -> PoolingChoice.GLOBAL_AVERAGE;  // averages over the most cells
        case THIN_EDGE -> PoolingChoice.MAX;
    };
}
