package org.poolinglab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.poolinglab.FeatureMap;

/**
 * A few training steps, side by side with PyTorch (nn/training.json, from
 * {@code scripts/generate_training_reference.py}): the same starting parameters and batch must give the
 * same loss at every step and the same parameters at the end. This checks the layers, the loss and the
 * optimiser's update rule working together.
 */
@DisplayName("Training steps match PyTorch's")
class TrainingReferenceTest {

    /** Float32 rounding differs a little from PyTorch's; it grows over a few steps but stays far below this. */
    private static final double TOLERANCE = 1e-5;

    @TestFactory
    Stream<DynamicTest> everyNetwork() throws IOException {
        try (InputStream in = TrainingReferenceTest.class.getResourceAsStream("/nn/training.json")) {
            JsonObject root = JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8)).getAsJsonObject();
            return root.getAsJsonArray("cases").asList().stream().map(JsonElement::getAsJsonObject)
                    .map(testCase -> DynamicTest.dynamicTest(testCase.get("name").getAsString(), () -> train(testCase)));
        }
    }

    private static void train(JsonObject testCase) {
        FeatureMap images = tensor(testCase.getAsJsonObject("images"));
        int[] labels = testCase.getAsJsonArray("labels").asList().stream().mapToInt(JsonElement::getAsInt).toArray();
        Sequential model = network(testCase, images.height());
        List<Parameter> parameters = model.parameters();
        JsonArray start = testCase.getAsJsonArray("parameters");
        for (int p = 0; p < parameters.size(); p++) {
            parameters.get(p).set(floats(start.get(p).getAsJsonObject()));
        }
        Sgd sgd = new Sgd(parameters, testCase.get("learning_rate").getAsDouble(),
                testCase.get("momentum").getAsDouble());
        JsonArray losses = testCase.getAsJsonArray("losses");
        for (int step = 0; step < losses.size(); step++) {
            double expected = losses.get(step).getAsDouble();
            assertEquals(expected, model.trainStep(images, labels, sgd), TOLERANCE * (1 + Math.abs(expected)),
                    "loss of step " + (step + 1));
        }
        JsonArray after = testCase.getAsJsonArray("parameters_after");
        for (int p = 0; p < parameters.size(); p++) {
            float[] expected = floats(after.get(p).getAsJsonObject());
            float[] actual = parameters.get(p).value();
            for (int i = 0; i < expected.length; i++) {
                assertEquals(expected[i], actual[i], TOLERANCE * (1 + Math.abs(expected[i])),
                        parameters.get(p) + " [" + i + "] after the last step");
            }
        }
    }

    /** The generator's network: Conv2d(1 -> filters, 3x3, padding 1), ReLU, [2x2 pooling], Flatten, Linear. */
    private static Sequential network(JsonObject testCase, int side) {
        int filters = testCase.get("filters").getAsInt();
        int classes = testCase.get("classes").getAsInt();
        Random random = new Random(0); // every parameter is replaced by PyTorch's
        Conv2d conv = new Conv2d(1, filters, 3, random).padding(1);
        return switch (testCase.get("pooling").getAsString()) {
            case "max" -> new Sequential(conv, new ReLU(), new MaxPool2d(2), new Flatten(),
                    new Linear(filters * (side / 2) * (side / 2), classes, random));
            case "avg" -> new Sequential(conv, new ReLU(), new AvgPool2d(2), new Flatten(),
                    new Linear(filters * (side / 2) * (side / 2), classes, random));
            case "none" -> new Sequential(conv, new ReLU(), new Flatten(), new Linear(filters * side * side, classes, random));
            default -> throw new AssertionError("unknown pooling " + testCase.get("pooling"));
        };
    }

    private static FeatureMap tensor(JsonObject json) {
        int[] shape = json.getAsJsonArray("shape").asList().stream().mapToInt(JsonElement::getAsInt).toArray();
        return FeatureMap.of(shape, floats(json));
    }

    private static float[] floats(JsonObject json) {
        JsonArray data = json.getAsJsonArray("data");
        float[] values = new float[data.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = data.get(i).getAsFloat();
        }
        return values;
    }
}
