package org.neuralgraph.dl4j;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The tensors a test script saved beside a model (src/test/resources/onnx/make_torch_onnx.py and make_onnx.py, keras/
 * make_keras_h5.py): lines {@code name,dim1xdim2x...,values} in row-major order, read in file order.
 */
final class TorchReference {

    /** One saved tensor. */
    static final class Tensor {
        final int[] shape;
        final float[] values;

        Tensor(int[] shape, float[] values) {
            this.shape = shape;
            this.values = values;
        }

        /** Row-major value at {@code index}. */
        float at(int... index) {
            int k = 0;
            for (int d = 0; d < shape.length; d++) k = k * shape[d] + index[d];
            return values[k];
        }
    }

    private TorchReference() { }

    static Path resource(String name) {
        try {
            return Paths.get(TorchReference.class.getResource("/" + name).toURI());
        } catch (Exception e) {
            throw new IllegalStateException("test resource " + name + " is missing", e);
        }
    }

    /** The tensors of a CSV under src/test/resources, in file order. */
    static Map<String, Tensor> read(String resource) throws Exception {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (String line : Files.readAllLines(resource(resource), StandardCharsets.UTF_8)) {
            String[] f = line.split(",", 3);
            int[] shape = Arrays.stream(f[1].split("x")).mapToInt(Integer::parseInt).toArray();
            String[] v = f[2].trim().split(" ");
            float[] a = new float[v.length];
            for (int i = 0; i < v.length; i++) a[i] = Float.parseFloat(v[i]);
            out.put(f[0], new Tensor(shape, a));
        }
        return out;
    }

    /** Largest |a - b| / max(|b|, floor) over the arrays, which must have one length. */
    static double maxRelativeDifference(double[] a, float[] b, double floor) {
        if (a.length != b.length) throw new AssertionError("lengths differ: " + a.length + " and " + b.length);
        double worst = 0;
        for (int i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]) / Math.max(Math.abs(b[i]), floor));
        return worst;
    }
}
