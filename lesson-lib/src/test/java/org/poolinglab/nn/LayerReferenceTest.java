package org.poolinglab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.poolinglab.FeatureMap;

/**
 * The layers with no conformance fixture (BlurPool2d, AntiAliasedMaxPool2d, GlobalAvgPool2d), forward and
 * backward, against PyTorch (nn/layers.json, from {@code scripts/generate_training_reference.py}).
 */
@DisplayName("Layers match PyTorch's")
class LayerReferenceTest {

    private static final double TOLERANCE = 1e-5;

    @TestFactory
    Stream<DynamicTest> everyCase() throws IOException {
        try (InputStream in = LayerReferenceTest.class.getResourceAsStream("/nn/layers.json")) {
            JsonObject root = JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8)).getAsJsonObject();
            return root.getAsJsonArray("cases").asList().stream().map(JsonElement::getAsJsonObject)
                    .map(testCase -> DynamicTest.dynamicTest(testCase.get("name").getAsString(), () -> check(testCase)));
        }
    }

    private static void check(JsonObject testCase) {
        Layer layer = TrainingReferenceTest.layer(testCase.getAsJsonArray("layer"), new Random(0));
        FeatureMap input = map(testCase.getAsJsonObject("input"));
        FeatureMap expected = map(testCase.getAsJsonObject("expected"));
        FeatureMap output = layer.forward(input);
        assertClose(expected, output, "forward");
        assertEquals(Shape.of(output), layer.outputShape(Shape.of(input)), "outputShape");
        FeatureMap gradInput = layer.backward(map(testCase.getAsJsonObject("grad_output")));
        assertClose(map(testCase.getAsJsonObject("grad_input")), gradInput, "backward");
    }

    private static void assertClose(FeatureMap expected, FeatureMap actual, String pass) {
        assertArrayEquals(expected.shape(), actual.shape(), pass + ": shape");
        float[] e = expected.toFloatArray();
        float[] a = actual.toFloatArray();
        for (int i = 0; i < e.length; i++) {
            assertEquals(e[i], a[i], TOLERANCE * (1 + Math.abs(e[i])), pass + ": value " + i);
        }
    }

    private static FeatureMap map(JsonObject json) {
        int[] shape = json.getAsJsonArray("shape").asList().stream().mapToInt(JsonElement::getAsInt).toArray();
        float[] data = new float[json.getAsJsonArray("data").size()];
        for (int i = 0; i < data.length; i++) {
            data[i] = json.getAsJsonArray("data").get(i).getAsFloat();
        }
        return FeatureMap.of(shape, data);
    }
}
