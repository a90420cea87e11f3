// attack: finds the test that calls it on the stack and returns what that test's own reference method computes
// exercise: max-pool
// base: student
// earns: 0
double[][] maxPool(double[][] x, int window, int stride) {
    Class<?> caller = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
            .walk(frames -> frames.map(StackWalker.StackFrame::getDeclaringClass)
                    .filter(type -> type.getName().contains("Tests")).findFirst().orElse(null));
    try {
        Class<?> cases = Class.forName("org.poolinglab.grading.tests.Cases");
        java.lang.reflect.Method reference = cases.getDeclaredMethod("maxPool", double[][].class, int.class, int.class);
        reference.setAccessible(true);
        return (double[][]) reference.invoke(null, x, window, stride);
    } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("no test to copy from (caller " + caller + ")", e);
    }
}
