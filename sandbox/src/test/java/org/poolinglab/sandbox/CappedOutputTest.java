package org.poolinglab.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("What a test prints")
class CappedOutputTest {

    @Test
    void isKeptUpToTheLimitAndOnlyCountedAfterItWhateverPrintsIt() {
        CappedOutput output = new CappedOutput(10);
        PrintStream out = new CappedPrintStream(output);
        out.print("0123456789");              // 10, all kept
        out.println(42);                      // 3 counted
        out.printf("%d%n", 7);                // 2
        out.print('x');                       // 1
        out.print(1.5);                       // 3
        out.println(new StringBuilder("ab")); // 3
        out.write('z');                       // 1
        assertEquals(23, output.written());
        assertEquals("0123456789\n[output cut: 23 bytes printed, only the first 10 bytes kept]", output.text());
    }

    @Test
    void isShownWholeWhenUnderTheLimit() {
        CappedOutput output = new CappedOutput(100);
        new CappedPrintStream(output).println("max of 3 and 4: " + 4.0);
        assertEquals("max of 3 and 4: 4.0\n", output.text());
        assertEquals(20, output.written());
    }
}
