package org.poolinglab.grading;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.poolinglab.grading.tests.Mistake;
import org.poolinglab.sandbox.Wire;

/**
 * What the typical mistakes give for the public tests' calls, kept as data. The code that works a
 * mistake out ({@code ...Mistakes} in {@link org.poolinglab.grading.tests}) is a near copy of a right
 * answer, so the student kit ({@link Release}) holds its outputs only: the release runs the public tests
 * on the master's answers and records, for each test and each of its calls in order, what every mistake
 * gives ({@link #recording}); in the student kit, where the {@code ...Mistakes} classes return no variant,
 * {@link Calls} finds them here instead ({@link #forCall}). The calls of a public test are the same in
 * both kits, so its hints are too.
 */
public final class RecordedMistakes {

    /** Where the student kit keeps the record, on its class path. */
    static final String RESOURCE = "/org/poolinglab/grading/tests/recorded-mistakes.json";

    /** The graded test running on this thread (and the threads it starts) and how many calls it has made. */
    private static final class Position {
        private final String testId;
        private int calls;

        Position(String testId) {
            this.testId = testId;
        }
    }

    private static final InheritableThreadLocal<Position> POSITION = new InheritableThreadLocal<>();
    private static final InheritableThreadLocal<JsonObject> RECORDING = new InheritableThreadLocal<>();
    private static JsonObject recorded;

    private RecordedMistakes() {
    }

    /** Called as a graded test starts: its calls count from 0. */
    static void testStarted(String testId) {
        POSITION.set(new Position(testId));
    }

    /** The current test and the number of its next call; null outside a graded test. */
    private static String nextCall() {
        Position position = POSITION.get();
        return position == null ? null : position.testId + "#" + position.calls++;
    }

    /** Runs {@code tests} with every call's mistakes recorded into {@code into}. */
    static void recording(JsonObject into, Runnable tests) {
        RECORDING.set(into);
        try {
            tests.run();
        } finally {
            RECORDING.remove();
        }
    }

    /**
     * Takes note of a call of a test: records what its mistakes give when recording, and returns the
     * variants to use, the recorded ones where a {@code ...Mistakes} class gave none.
     *
     * @param type what the answer returns, to write and read outputs as data; null when they cannot be recorded
     */
    static <T> List<Variant<T>> call(Type type, List<Variant<T>> variants) {
        String call = nextCall();
        if (call == null || type == null) {
            return variants;
        }
        JsonObject recording = RECORDING.get();
        if (recording != null) {
            recording.add(call, record(type, variants));
            return variants;
        }
        if (!variants.isEmpty()) {
            return variants;
        }
        JsonObject table = table();
        return table != null && table.has(call) ? read(type, table.getAsJsonArray(call)) : variants;
    }

    private static <T> JsonArray record(Type type, List<Variant<T>> variants) {
        JsonArray recorded = new JsonArray();
        for (Variant<T> variant : variants) {
            T output;
            try {
                output = variant.output().get();
            } catch (RuntimeException e) {
                continue; // the mistake gives nothing for this call
            }
            if (output == null) {
                continue;
            }
            JsonObject entry = new JsonObject();
            entry.addProperty("mistake", variant.mistake().name());
            entry.addProperty("output", encode(type, output));
            JsonArray hint = new JsonArray();
            for (Object value : variant.hintValues()) {
                hint.add(String.valueOf(value));
            }
            entry.add("hint", hint);
            recorded.add(entry);
        }
        return recorded;
    }

    @SuppressWarnings("unchecked")
    private static <T> List<Variant<T>> read(Type type, JsonArray entries) {
        List<Variant<T>> variants = new ArrayList<>();
        for (JsonElement element : entries) {
            JsonObject entry = element.getAsJsonObject();
            T output = (T) decode(type, entry.get("output").getAsString());
            Object[] hint = entry.getAsJsonArray("hint").asList().stream().map(JsonElement::getAsString).toArray();
            variants.add(Variant.of(Mistake.valueOf(entry.get("mistake").getAsString()), () -> output, hint));
        }
        return variants;
    }

    private static synchronized JsonObject table() {
        if (recorded == null) {
            try (InputStream in = RecordedMistakes.class.getResourceAsStream(RESOURCE)) {
                recorded = in == null ? new JsonObject()
                        : JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8)).getAsJsonObject();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return recorded;
    }

    /** A value as data, in hex: the same for values whose data is the same. */
    static String encode(Type type, Object value) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            Wire.write(new DataOutputStream(bytes), type, value);
            return HexFormat.of().formatHex(bytes.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object decode(Type type, String hex) {
        try {
            return Wire.read(new DataInputStream(new ByteArrayInputStream(HexFormat.of().parseHex(hex))), type,
                    new Wire.Budget(Long.MAX_VALUE, 16));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
