// attack: puts the answer's code in a cell that is not an answer cell, after an import line, so that only the call is in the answer cell
// exercise: max-pool
// base: master
// earns: 0
// says: does not compile
double[][] maxPool(double[][] x, int window, int stride) {
    return Helper.pool(x, window, stride);
}
//// not an answer cell:
import java.util.*; class Helper { static double[][] pool(double[][] x, int window, int stride) { return new double[][] {{6, 5}, {8, 9}}; } }
