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
 * optimiser's update rule working together, in notebook 06's networks and in notebook 07's two-stage
 * networks (max, average and anti-aliased max pooling, stride-2 convolutions, a global-average-pooling head).
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
        Sequential model = network(testCase);
        List<Parameter> parameters = model.parameters();
        JsonArray start = testCase.getAsJsonArray("parameters");
        for (int p = 0; p < parameters.size(); p++) {
            parameters.get(p).set(floats(start.get(p).getAsJsonObject()));
        }
        Sgd sgd = new Sgd(parameters, testCase.get("learning_rate").getAsDouble(),
                testCase.get("momentum").getAsDouble());
        JsonArray losses = testCase.getAsJsonArray("losses");
        double learningRate = testCase.get("learning_rate").getAsDouble();
        boolean linearDecay = testCase.get("linear_decay").getAsBoolean();
        double warmUp = testCase.get("warm_up").getAsDouble();
        for (int step = 0; step < losses.size(); step++) {
            // as Experiment.decayLearningRate() and warmUp(...) set it, against PyTorch's LinearLR and LambdaLR
            sgd.setLearningRate(learningRate * Experiment.learningRateFactor(step, losses.size(), warmUp, linearDecay));
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

    /** The generator's network, layer by layer (see generate_training_reference.py). */
    private static Sequential network(JsonObject testCase) {
        Random random = new Random(0); // every parameter is replaced by PyTorch's
        return new Sequential(testCase.getAsJsonArray("layers").asList().stream()
                .map(spec -> layer(spec.getAsJsonArray(), random)).toArray(Layer[]::new));
    }

    /** A layer from its description, e.g. {@code ["conv2d", 1, 3, 3, 1, 1]}: kind, then numbers. */
    static Layer layer(JsonArray spec, Random random) {
        int[] n = spec.asList().stream().skip(1).mapToInt(JsonElement::getAsInt).toArray();
        return switch (spec.get(0).getAsString()) {
            case "conv2d" -> new Conv2d(n[0], n[1], n[2], random).stride(n[3]).padding(n[4]);
            case "relu" -> new ReLU();
            case "max_pool2d" -> new MaxPool2d(n[0]);
            case "avg_pool2d" -> new AvgPool2d(n[0]);
            case "anti_aliased_max_pool2d" -> new AntiAliasedMaxPool2d();
            case "blur_pool2d" -> new BlurPool2d();
            case "global_avg_pool2d" -> new GlobalAvgPool2d();
            case "flatten" -> new Flatten();
            case "linear" -> new Linear(n[0], n[1], random);
            default -> throw new AssertionError("unknown layer " + spec);
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
