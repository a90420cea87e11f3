package org.poolinglab.sandbox;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.reflect.Type;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.poolinglab.exercises.MapPair;
import org.poolinglab.exercises.Shift;

@DisplayName("The wire between the grader and a sandbox")
class WireTest {

    @SuppressWarnings("unused")
    private static Set<Shift> setOfShifts;
    /** {@code Set<Shift>}, as a type. */
    private static final Type SET_OF_SHIFTS = setOfShiftsType();

    private static Type setOfShiftsType() {
        try {
            return WireTest.class.getDeclaredField("setOfShifts").getGenericType();
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void carriesNumbersMapsEnumsAndRecordsAsTheyAre() throws IOException {
        MapPair pair = new MapPair(new double[][] {{1, -2.5}, {Double.NaN, 4}}, null);
        MapPair read = (MapPair) roundTrip(MapPair.class, pair);
        assertArrayEquals(pair.a(), read.a());
        assertEquals(null, read.b());
        assertEquals(Shift.LEFT, roundTrip(Shift.class, Shift.LEFT));
        assertEquals(7L, roundTrip(long.class, 7L));
    }

    @Test
    void readsASetForWhatItHoldsWhateverItsSizeSaysOrEqualsClaims() throws IOException {
        Set<Shift> lying = new AbstractSet<>() {
            @Override
            public Iterator<Shift> iterator() {
                return List.of(Shift.UP).iterator();
            }

            @Override
            public int size() {
                return 4;
            }

            @Override
            public boolean equals(Object other) {
                return true;
            }

            @Override
            public int hashCode() {
                return 0;
            }
        };
        Object read = roundTrip(SET_OF_SHIFTS, lying);
        assertEquals(Set.of(Shift.UP), read);
        assertEquals(1, ((Set<?>) read).size());
        assertEquals(false, read.equals(Set.of(Shift.UP, Shift.DOWN)));
    }

    @Test
    void refusesMoreThanItsBudgetBeforeAllocatingIt() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeByte(1);
        out.writeInt(Integer.MAX_VALUE); // "an array of two billion rows"
        Wire.WireException refused = assertThrows(Wire.WireException.class, () -> Wire.read(
                new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())), double[][].class, new Wire.Budget(1000, 8)));
        assertEquals(true, refused.getMessage().contains("more values than a reply may hold"), refused.getMessage());
        assertThrows(IOException.class, () -> Wire.read(new DataInputStream(new ByteArrayInputStream(new byte[] {1, 0})),
                double[].class, new Wire.Budget(1000, 8)), "a reply cut short");
    }

    private static Object roundTrip(Type type, Object value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Wire.write(new DataOutputStream(bytes), type, value);
        return Wire.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())), type, new Wire.Budget(1000, 8));
    }
}
