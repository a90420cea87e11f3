// attack: takes native memory, outside the heap limit, a gigabyte at a time
// exercise: max-pool
// base: master
// earns: 0
// says: memory
double[][] maxPool(double[][] x, int window, int stride) {
    try {
        java.lang.reflect.Field field = Class.forName("sun.misc.Unsafe").getDeclaredField("theUnsafe");
        field.setAccessible(true);
        sun.misc.Unsafe unsafe = (sun.misc.Unsafe) field.get(null);
        for (int i = 0; i < 64; i++) {
            long address = unsafe.allocateMemory(1L << 30);
            unsafe.setMemory(address, 1L << 30, (byte) 1);
        }
    } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
    }
    return null;
}
