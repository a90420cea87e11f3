package org.poolinglab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.poolinglab.FeatureMapAssertions.assertFeatureMapEquals;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.poolinglab.nn.Conv2d;

/**
 * One {@code conv2d} conformance case, run on {@link Conv2d}: the forward pass, and the gradients of
 * the input, the weight and the bias. Every key of the case must be one this class checks, and every
 * key it checks must be there when the case needs it; anything else fails the case.
 */
final class Conv2dConformance {

    private static final Set<String> KEYS = Set.of("name", "op", "input", "weight", "bias", "params", "expected",
            "grad_output", "grad_input", "grad_weight", "grad_bias", "error");
    private static final Set<String> PARAMS = Set.of("stride", "padding");

    private Conv2dConformance() {
    }

    static void check(JsonObject testCase) {
        for (String key : testCase.keySet()) {
            assertTrue(KEYS.contains(key), () -> "unknown conv2d case key '" + key + "'; known: " + KEYS);
        }
        JsonObject params = testCase.has("params") ? testCase.getAsJsonObject("params") : new JsonObject();
        for (String key : params.keySet()) {
            assertTrue(PARAMS.contains(key), () -> "unknown conv2d parameter '" + key + "'; known: " + PARAMS);
        }
        Set<String> checked = new HashSet<>(Set.of("name", "op", "input", "weight", "params"));
        if (testCase.has("bias")) {
            checked.add("bias");
        }
        if (testCase.has("error") && testCase.get("error").getAsBoolean()) {
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> forward(testCase, params), "PyTorch rejects this convolution; so must we");
            assertFalse(error.getMessage() == null || error.getMessage().isBlank(), "the error explains itself");
            checked.add("error");
        } else {
            checkPasses(testCase, params, checked);
        }
        assertEquals(testCase.keySet(), checked, "every key of the case is checked");
    }

    private static void checkPasses(JsonObject testCase, JsonObject params, Set<String> checked) {
        Layer layer = forward(testCase, params);
        assertFeatureMapEquals(tensor(testCase.getAsJsonObject("expected")), layer.output);
        checked.add("expected");
        if (testCase.has("error")) {
            checked.add("error"); // "error": false
        }
        if (!testCase.has("grad_output")) {
            return;
        }
        FeatureMap gradInput = layer.conv.backward(tensor(testCase.getAsJsonObject("grad_output")));
        assertFeatureMapEquals(tensor(testCase.getAsJsonObject("grad_input")), gradInput);
        JsonObject gradWeight = testCase.getAsJsonObject("grad_weight");
        assertFeatureMapEquals(tensor(gradWeight), FeatureMap.of(ints(gradWeight.getAsJsonArray("shape")),
                layer.conv.weight().grad()));
        checked.addAll(Set.of("grad_output", "grad_input", "grad_weight"));
        if (testCase.has("bias")) {
            assertTrue(testCase.has("grad_bias"), "a case with a bias and grad_output needs grad_bias");
            float[] expected = floats(testCase.getAsJsonObject("grad_bias").getAsJsonArray("data"));
            float[] actual = layer.conv.bias().orElseThrow().grad();
            int[] shape = {1, 1, 1, expected.length};
            assertFeatureMapEquals(FeatureMap.of(shape, expected), FeatureMap.of(new int[] {1, 1, 1, actual.length},
                    actual));
            checked.add("grad_bias");
        }
    }

    /** A layer built from the case's weight, bias, stride and padding, and its output for the case's input. */
    private record Layer(Conv2d conv, FeatureMap output) {
    }

    private static Layer forward(JsonObject testCase, JsonObject params) {
        JsonObject weight = testCase.getAsJsonObject("weight");
        int[] shape = ints(weight.getAsJsonArray("shape")); // [Cout, Cin, kh, kw]
        Conv2d conv = new Conv2d(shape[1], shape[0], shape[2], shape[3], new Random(0));
        int[] stride = params.has("stride") ? ints(params.getAsJsonArray("stride")) : new int[] {1, 1};
        int[] padding = params.has("padding") ? ints(params.getAsJsonArray("padding")) : new int[] {0, 0};
        conv.stride(stride[0], stride[1]).padding(padding[0], padding[1]);
        conv.weight().set(floats(weight.getAsJsonArray("data")));
        if (testCase.has("bias")) {
            conv.bias().orElseThrow().set(floats(testCase.getAsJsonObject("bias").getAsJsonArray("data")));
        } else {
            conv.withoutBias();
        }
        return new Layer(conv, conv.forward(tensor(testCase.getAsJsonObject("input"))));
    }

    private static FeatureMap tensor(JsonObject json) {
        return FeatureMap.of(ints(json.getAsJsonArray("shape")), floats(json.getAsJsonArray("data")));
    }

    private static float[] floats(JsonArray data) {
        float[] values = new float[data.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) data.get(i).getAsDouble();
        }
        return values;
    }

    private static int[] ints(JsonArray array) {
        return array.asList().stream().mapToInt(JsonElement::getAsInt).toArray();
    }
}
