PoolingChoice choosePooling(PoolingTask task) {
    switch (task) {
        case STUCK_PIXEL:
            return PoolingChoice.AVERAGE;
        case THIN_EDGE:
            return PoolingChoice.MAX;
        default:
            return PoolingChoice.GLOBAL_AVERAGE;
    }
}
