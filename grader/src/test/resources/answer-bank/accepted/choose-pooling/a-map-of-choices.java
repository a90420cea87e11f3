static final Map<PoolingTask, PoolingChoice> CHOICES = new EnumMap<>(Map.of(
        PoolingTask.FEWEST_WEIGHTS, PoolingChoice.GLOBAL_AVERAGE,   // one value per channel
        PoolingTask.STUCK_PIXEL, PoolingChoice.AVERAGE,             // a spike moves a mean by a quarter
        PoolingTask.THIN_EDGE, PoolingChoice.MAX,                   // the maximum keeps the edge's value
        PoolingTask.ANY_SIZE, PoolingChoice.GLOBAL_AVERAGE));       // 1x1 whatever the size

PoolingChoice choosePooling(PoolingTask task) {
    return CHOICES.get(task);
}

for (PoolingTask task : PoolingTask.values()) System.out.println(task + " -> " + choosePooling(task));
