PoolingChoice choosePooling(PoolingTask task) {
    if (task == PoolingTask.FEWEST_WEIGHTS || task == PoolingTask.ANY_SIZE) {
        return PoolingChoice.GLOBAL_AVERAGE;
    }
    return PoolingChoice.AVERAGE;   // smooth maps, less noise
}
