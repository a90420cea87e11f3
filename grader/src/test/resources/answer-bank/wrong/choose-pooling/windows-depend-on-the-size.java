PoolingChoice choosePooling(PoolingTask task) {
    switch (task) {
        case FEWEST_WEIGHTS:
            return PoolingChoice.GLOBAL_AVERAGE;
        case STUCK_PIXEL:
            return PoolingChoice.AVERAGE;
        default:
            return PoolingChoice.MAX;
    }
}
