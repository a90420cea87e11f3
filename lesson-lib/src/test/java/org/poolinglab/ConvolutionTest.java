package org.poolinglab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.poolinglab.FeatureMapAssertions.assertFeatureMapEquals;
import static org.poolinglab.FeatureMapAssertions.assertRejected;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Convolution")
class ConvolutionTest {

    @Test
    void matchesPyTorchsConv2d() throws IOException {
        try (Reader reader = new InputStreamReader(
                ConvolutionTest.class.getResourceAsStream("/convolution.json"), StandardCharsets.UTF_8)) {
            List<JsonElement> cases = JsonParser.parseReader(reader).getAsJsonObject().getAsJsonArray("cases").asList();
            assertEquals(3, cases.size());
            for (JsonElement element : cases) {
                JsonObject testCase = element.getAsJsonObject();
                FeatureMap filters = tensor(testCase.getAsJsonObject("filters"));
                double[][][] asArrays = new double[filters.batch()][][];
                for (int k = 0; k < filters.batch(); k++) {
                    asArrays[k] = FeatureMap.of(new int[] {1, 1, filters.height(), filters.width()},
                            slice(filters, k)).toArray();
                }
                assertFeatureMapEquals(tensor(testCase.getAsJsonObject("expected")),
                        Convolution.conv2d(tensor(testCase.getAsJsonObject("input")), asArrays));
            }
        }
    }

    @Test
    void reluZeroesNegativesOnly() {
        FeatureMap map = FeatureMap.of(new double[][] {{-2, 0, 3}, {Double.NaN, -0.5, 1}});
        assertFeatureMapEquals(new double[][] {{0, 0, 3}, {Double.NaN, 0, 1}}, Convolution.relu(map));
    }

    @Test
    void rejectsFiltersThatDoNotFitOrDisagree() {
        assertRejected(() -> Convolution.conv2d(FeatureMap.of(new double[][] {{1, 2}}), Convolution.VERTICAL_EDGES),
                "filters of 3x3 must fit in the input 1x2");
        assertRejected(() -> Convolution.conv2d(Fixtures.lesson(), Convolution.VERTICAL_EDGES, new double[][] {{1}}),
                "filters must all have the same size: filter 1 is 1x1 but filter 0 is 3x3");
        assertRejected(() -> Convolution.conv2d(Fixtures.lesson()), "filters must not be empty");
    }

    /** The {@code k}-th plane of a {@code K x 1 x h x w} tensor (the fixtures store filters as {@code K x h x w}). */
    private static float[] slice(FeatureMap filters, int k) {
        return filters.channel(k, 0).toFloatArray();
    }

    private static FeatureMap tensor(JsonObject json) {
        int[] shape = json.getAsJsonArray("shape").asList().stream().mapToInt(JsonElement::getAsInt).toArray();
        if (shape.length == 3) {
            shape = new int[] {shape[0], 1, shape[1], shape[2]};
        }
        List<JsonElement> data = json.getAsJsonArray("data").asList();
        float[] values = new float[data.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = data.get(i).getAsFloat();
        }
        return FeatureMap.of(shape, values);
    }
}
