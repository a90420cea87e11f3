package org.poolinglab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The step-by-step view")
class WindowStepTest {

    @Test
    void walksTheLessonsFourWindowsRowByRow() {
        List<WindowStep> steps = Pooling.steps(Fixtures.lesson(), PoolSpec.of(2), PoolType.MAX);
        assertEquals(List.of(
                "step 1: window rows 0..1, columns 0..1 [1 3 / 4 6] -> max 6 -> output[0, 0]",
                "step 2: window rows 0..1, columns 2..3 [2 1 / 5 2] -> max 5 -> output[0, 1]",
                "step 3: window rows 2..3, columns 0..1 [7 8 / 1 2] -> max 8 -> output[1, 0]",
                "step 4: window rows 2..3, columns 2..3 [9 3 / 0 4] -> max 9 -> output[1, 1]"),
                steps.stream().map(WindowStep::toString).toList());
    }

    @Test
    void theMaximumIsTheOneContributor() {
        WindowStep first = Pooling.steps(Fixtures.lesson(), PoolSpec.of(2), PoolType.MAX).get(0);
        assertEquals(List.of(new WindowCell(1, 1, 6, false)), first.contributors());
        assertEquals(4, first.cells().size());
    }

    @Test
    void anAverageShowsItsSum() {
        WindowStep first = Pooling.steps(Fixtures.lesson(), PoolSpec.of(2), PoolType.AVERAGE).get(0);
        assertEquals("step 1: window rows 0..1, columns 0..1 [1 3 / 4 6] -> average (1 + 3 + 4 + 6) / 4 = 3.5 -> output[0, 0]",
                first.toString());
        assertEquals(4, first.divisor());
    }

    @Test
    void marksPaddingCells() {
        WindowStep corner = Pooling.steps(Fixtures.lesson(), PoolSpec.of(3).stride(2).padding(1), PoolType.AVERAGE).get(0);
        assertEquals(-1, corner.top());
        assertEquals(-1, corner.left());
        assertEquals(9, corner.cells().size());
        assertEquals(5, corner.cells().stream().filter(WindowCell::padding).count());
        assertTrue(corner.cells().stream().filter(WindowCell::padding).allMatch(cell -> cell.value() == 0));
        assertEquals(9, corner.divisor()); // PyTorch's default counts padding in the divisor
        assertEquals("step 1: window rows -1..1, columns -1..1 [pad pad pad / pad 1 3 / pad 4 6] -> "
                + "average (0 + 0 + 0 + 0 + 1 + 3 + 0 + 4 + 6) / 9 = 1.556 -> output[0, 0]", corner.toString());
    }

    @Test
    void paddingNotCountedIsNotAContributor() {
        PoolSpec spec = PoolSpec.of(3).stride(2).padding(1).countIncludePad(false);
        WindowStep corner = Pooling.steps(Fixtures.lesson(), spec, PoolType.AVERAGE).get(0);
        assertEquals(4, corner.divisor());
        assertFalse(corner.contributors().stream().anyMatch(WindowCell::padding));
        assertEquals((1 + 3 + 4 + 6) / 4f, corner.value());
    }
}
