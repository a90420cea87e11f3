package org.poolinglab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.poolinglab.FeatureMapAssertions.assertFeatureMapEquals;
import static org.poolinglab.FeatureMapAssertions.assertIndicesEqual;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.Reader;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every case of every {@code conformance/*.json} file as its own test named by the case's
 * {@code name}. The format is in DESIGN.md; dropping another file of that format into the folder is
 * all it takes to add cases.
 */
@DisplayName("Conformance with PyTorch and ONNX")
class ConformanceTest {

    private static final Set<String> CASE_KEYS = Set.of("name", "op", "input", "input_indices", "params", "expected",
            "indices", "grad_output", "grad_input", "error");
    private static final Set<String> PARAM_KEYS = Set.of("kernel_size", "stride", "padding", "padding_mode",
            "dilation", "ceil_mode", "count_include_pad", "divisor_override", "norm_type", "output_size");

    @TestFactory
    Stream<DynamicNode> everyCaseOfEveryFile() throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(conformanceFolder())) {
            files = listing.filter(path -> path.toString().endsWith(".json")).sorted().toList();
        }
        assertFalse(files.isEmpty(), "no conformance files in " + conformanceFolder());
        return files.stream().map(ConformanceTest::fileContainer);
    }

    static Path conformanceFolder() {
        URL folder = ConformanceTest.class.getResource("/conformance");
        assertNotNull(folder, "the conformance folder is missing from the test resources");
        try {
            return Path.of(folder.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static DynamicContainer fileContainer(Path file) {
        JsonObject root;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = JsonParser.parseReader(reader).getAsJsonObject();
        } catch (IOException | RuntimeException e) {
            return DynamicContainer.dynamicContainer(file.getFileName().toString(), Stream.of(
                    DynamicTest.dynamicTest("read " + file.getFileName(), () -> fail("cannot read " + file + ": " + e))));
        }
        Stream<DynamicTest> tests = root.getAsJsonArray("cases").asList().stream()
                .map(JsonElement::getAsJsonObject)
                .map(testCase -> DynamicTest.dynamicTest(testCase.get("name").getAsString(), file.toUri(),
                        () -> check(testCase)));
        return DynamicContainer.dynamicContainer(file.getFileName().toString(), file.toUri(), tests);
    }

    /**
     * Checks every field of the case: the forward pass against {@code expected} (and {@code indices}), the
     * backward pass against {@code grad_input}, or that the parameters are rejected when {@code error}.
     */
    private static void check(JsonObject testCase) {
        if (testCase.get("op").getAsString().equals("conv2d")) {
            Conv2dConformance.check(testCase); // checks its own keys: weight, bias, grad_weight, grad_bias
            return;
        }
        for (String key : testCase.keySet()) {
            assertTrue(CASE_KEYS.contains(key), () -> "unknown case key '" + key + "'; known: " + CASE_KEYS);
        }
        JsonObject params = testCase.has("params") ? testCase.getAsJsonObject("params") : new JsonObject();
        for (String key : params.keySet()) {
            assertTrue(PARAM_KEYS.contains(key), () -> "unknown parameter '" + key + "'; known: " + PARAM_KEYS);
        }
        assertEquals(testCase.has("grad_output"), testCase.has("grad_input"),
                "grad_output and grad_input come together");
        Operation operation = new Operation(testCase.get("op").getAsString(), tensor(testCase.getAsJsonObject("input")),
                params, testCase);

        if (testCase.has("error") && testCase.get("error").getAsBoolean()) {
            assertFalse(testCase.has("expected") || testCase.has("grad_output"), "an error case expects nothing else");
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class, operation::forward,
                    "PyTorch rejects these parameters; so must we");
            assertFalse(error.getMessage() == null || error.getMessage().isBlank(), "the error explains itself");
            return;
        }
        assertTrue(testCase.has("expected"), "a case that is not an error has expected values");
        Object result = operation.forward();
        FeatureMap output = result instanceof PooledWithIndices pooled ? pooled.output() : (FeatureMap) result;
        assertFeatureMapEquals(tensor(testCase.getAsJsonObject("expected")), output);
        if (testCase.has("indices")) {
            JsonObject indices = testCase.getAsJsonObject("indices");
            assertIndicesEqual(ints(indices.getAsJsonArray("shape")), ints(indices.getAsJsonArray("data")),
                    (PooledWithIndices) result);
        }
        if (testCase.has("grad_output")) {
            FeatureMap gradInput = operation.backward(tensor(testCase.getAsJsonObject("grad_output")));
            assertFeatureMapEquals(tensor(testCase.getAsJsonObject("grad_input")), gradInput);
        }
    }

    /** A case's operation on its input with its parameters: the forward pass and its backward pass. */
    private record Operation(String op, FeatureMap input, JsonObject params, JsonObject testCase) {

        /** The forward pass: a {@link FeatureMap}, or {@link PooledWithIndices} when the case checks indices. */
        Object forward() {
            boolean withIndices = testCase.has("indices");
            return switch (op) {
                case "max_pool2d" -> withIndices
                        ? Pooling.maxPoolWithIndices(input, spec(params))
                        : Pooling.maxPool(input, spec(params));
                case "avg_pool2d" -> Pooling.avgPool(input, spec(params));
                case "lp_pool2d" -> Pooling.lpPool(input, normType(), spec(params));
                case "adaptive_max_pool2d" -> withIndices
                        ? Pooling.adaptiveMaxPoolWithIndices(input, outputSize().height(), outputSize().width())
                        : Pooling.adaptiveMaxPool(input, outputSize().height(), outputSize().width());
                case "adaptive_avg_pool2d" -> Pooling.adaptiveAvgPool(input, outputSize().height(), outputSize().width());
                case "global_max_pool" -> Pooling.globalMaxPool(input);
                case "global_avg_pool" -> Pooling.globalAvgPool(input);
                case "max_unpool2d" -> present(params, "output_size")
                        ? Pooling.maxUnpool(input, unpoolIndices(), spec(params), outputSize())
                        : Pooling.maxUnpool(input, unpoolIndices(), spec(params));
                default -> throw new AssertionError("unknown op '" + op + "'");
            };
        }

        /** The backward pass: the gradient of the input, given the gradient of the output. */
        FeatureMap backward(FeatureMap gradOutput) {
            return switch (op) {
                case "max_pool2d" -> Pooling.maxPoolBackward(input, spec(params), gradOutput);
                case "avg_pool2d" -> Pooling.avgPoolBackward(input, spec(params), gradOutput);
                case "lp_pool2d" -> Pooling.lpPoolBackward(input, normType(), spec(params), gradOutput);
                case "adaptive_max_pool2d" -> Pooling.adaptiveMaxPoolBackward(input, gradOutput);
                case "adaptive_avg_pool2d" -> Pooling.adaptiveAvgPoolBackward(input, gradOutput);
                case "global_max_pool" -> Pooling.globalMaxPoolBackward(input, gradOutput);
                case "global_avg_pool" -> Pooling.globalAvgPoolBackward(input, gradOutput);
                case "max_unpool2d" -> Pooling.maxUnpoolBackward(input, unpoolIndices(), gradOutput);
                default -> throw new AssertionError("unknown op '" + op + "'");
            };
        }

        private double normType() {
            return params.get("norm_type").getAsDouble();
        }

        private Size outputSize() {
            int[] size = ints(params.getAsJsonArray("output_size"));
            return new Size(size[0], size[1]);
        }

        /** {@code input_indices}: one flat index per pooled value, shaped like the input. */
        private int[] unpoolIndices() {
            JsonObject indices = testCase.getAsJsonObject("input_indices");
            assertNotNull(indices, "max_unpool2d needs input_indices");
            assertArrayEquals(input.shape(), ints(indices.getAsJsonArray("shape")), "input_indices has the input's shape");
            return ints(indices.getAsJsonArray("data"));
        }
    }

    /** The {@link PoolSpec} for PyTorch-style parameters; absent ones take PyTorch's defaults. */
    static PoolSpec spec(JsonObject params) {
        int[] kernel = ints(params.getAsJsonArray("kernel_size"));
        PoolSpec spec = PoolSpec.of(kernel[0], kernel[1]);
        if (present(params, "stride")) {
            int[] stride = ints(params.getAsJsonArray("stride"));
            spec = spec.stride(stride[0], stride[1]);
        }
        if (present(params, "padding")) {
            int[] padding = ints(params.getAsJsonArray("padding"));
            spec = switch (padding.length) {
                case 2 -> spec.padding(padding[0], padding[1]);
                case 4 -> spec.padding(padding[0], padding[1], padding[2], padding[3]);
                default -> throw new AssertionError("padding needs 2 or 4 numbers but has " + padding.length);
            };
        }
        if (present(params, "padding_mode")) {
            String mode = params.get("padding_mode").getAsString();
            spec = switch (mode) {
                case "same_upper" -> spec.same();
                case "same_lower" -> spec.sameLower();
                case "valid" -> spec.valid();
                default -> throw new AssertionError("unknown padding_mode '" + mode + "'");
            };
        }
        if (present(params, "dilation")) {
            int[] dilation = ints(params.getAsJsonArray("dilation"));
            spec = spec.dilation(dilation[0], dilation[1]);
        }
        if (present(params, "ceil_mode")) {
            spec = spec.ceilMode(params.get("ceil_mode").getAsBoolean());
        }
        if (present(params, "count_include_pad")) {
            spec = spec.countIncludePad(params.get("count_include_pad").getAsBoolean());
        }
        if (present(params, "divisor_override")) {
            spec = spec.divisorOverride(params.get("divisor_override").getAsInt());
        }
        return spec;
    }

    private static boolean present(JsonObject params, String key) {
        return params.has(key) && !params.get(key).isJsonNull();
    }

    static FeatureMap tensor(JsonObject json) {
        JsonArray data = json.getAsJsonArray("data");
        float[] values = new float[data.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) data.get(i).getAsDouble(); // NaN, Infinity and -Infinity included
        }
        return FeatureMap.of(ints(json.getAsJsonArray("shape")), values);
    }

    private static int[] ints(JsonArray array) {
        return array.asList().stream().mapToInt(JsonElement::getAsInt).toArray();
    }
}
