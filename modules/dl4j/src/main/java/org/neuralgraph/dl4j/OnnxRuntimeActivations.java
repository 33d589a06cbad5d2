package org.neuralgraph.dl4j;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtSession;
import onnx.Onnx;
import org.neuralgraph.core.activation.LayerActivations;
import org.neuralgraph.core.data.LabeledImages;
import org.neuralgraph.core.featuremap.CompositeMaps;
import org.neuralgraph.core.progress.ProgressMonitor;

import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The layer activations of any ONNX model, computed by ONNX Runtime (inference only): the values of chosen tensors of
 * the graph by name, or of every hidden layer ({@link OnnxHiddenLayers}), over images in batches of {@link #BATCH}.
 * ONNX Runtime returns only a graph's outputs, so the requested tensors are added to the outputs of a copy of the model
 * before the session is made; the file is read once, by {@link OnnxModels#parse} (size limits, no external tensors).
 * Sessions use every processor for one operator at a time and run sequentially: the values do not depend on a seed.
 *
 * <p>Units. Mostafa and Mondal's units are dense neurons ({@link LayerActivations}: samples x units). A convolutional
 * hidden layer {@code [batch, channels, height, width]} has a unit per channel, valued by the channel's mean over the
 * positions (global average pooling, what ResNet's and MobileNet's heads read); a transformer's
 * {@code [batch, tokens, d]} has a unit per dimension, valued by its mean over the tokens; {@code [batch, units]} is
 * taken as it is. Feature maps ({@link #featureMaps}) keep the positions: the composite maps of Darnell and Leonard
 * (Section 4) of every 4-d hidden layer, averaged over all images and per class, as {@link FeatureMapRecorder} does.
 *
 * <p>Images are fed as {@link OnnxImageInput} says (a 28x28 digit into a 3x32x32 model: a 2-pixel border, grey over
 * the 3 channels).
 */
public final class OnnxRuntimeActivations implements LayerRecorder {

    /** Samples per run. */
    public static final int BATCH = 256;

    private final Path file;
    private final Onnx.ModelProto model;
    private List<String> hidden;

    private OnnxRuntimeActivations(Path file, Onnx.ModelProto model) {
        this.file = file;
        this.model = model;
    }

    /**
     * Reads {@code file}.
     *
     * @throws ModelFileException naming the file when it is missing, too large, truncated or not ONNX
     */
    public static OnnxRuntimeActivations open(Path file) throws IOException {
        return new OnnxRuntimeActivations(file, OnnxModels.parse(file, OnnxModels.MAX_FILE_BYTES));
    }

    /** One tensor's values for a batch: its shape (the batch first) and its values, row-major. */
    public static final class Tensor {
        public final long[] shape;
        public final float[] values;

        Tensor(long[] shape, float[] values) {
            this.shape = shape;
            this.values = values;
        }
    }

    /** The names of the hidden layers' tensors ({@link OnnxHiddenLayers}), in the graph's order. */
    public List<String> hiddenLayers() {
        if (hidden == null) hidden = Collections.unmodifiableList(OnnxHiddenLayers.of(model.getGraph()));
        return hidden;
    }

    @Override
    public void checkInput(int rows, int cols) throws IOException {
        input(rows, cols);
    }

    @Override
    public String inputAdaptation(int rows, int cols) {
        try {
            return input(rows, cols).adaptation(rows, cols);
        } catch (IOException e) {
            return null;
        }
    }

    private OnnxImageInput input(int rows, int cols) throws ModelFileException {
        try {
            return OnnxImageInput.of(model.getGraph(), rows, cols);
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(file, e.getMessage(), e);
        }
    }

    /**
     * The tensors {@code names} on one batch {@code input} of {@code shape}, as ONNX Runtime computes them.
     *
     * @throws ModelFileException naming the file (and the tensor) when a name is not a tensor of the graph, or the
     *                            model cannot run
     */
    public Map<String, Tensor> tensors(float[] input, long[] shape, List<String> names) throws IOException {
        Map<String, Tensor> out = new LinkedHashMap<>();
        try (Run run = new Run(names)) {
            try (OrtSession.Result r = run.run(input, shape)) {
                for (String name : names) {
                    OnnxTensor t = (OnnxTensor) r.get(name).orElseThrow(() -> new ModelFileException(file, "onnxruntime returned no tensor '" + name + "'"));
                    FloatBuffer b = t.getFloatBuffer();
                    float[] v = new float[b.remaining()];
                    b.get(v);
                    out.put(name, new Tensor(t.getInfo().getShape(), v));
                }
            }
        } catch (OrtException e) {
            throw failure(e);
        }
        return out;
    }

    /** Every hidden layer's activations ({@link #hiddenLayers}). */
    @Override
    public List<LayerActivations> activations(LabeledImages images, ProgressMonitor monitor) throws IOException {
        if (hiddenLayers().isEmpty()) {
            throw new ModelFileException(file, "the model has no hidden layer (no activation or residual sum that a parameterised layer reads), so it has no activation pattern graph");
        }
        return activations(hiddenLayers(), images, monitor);
    }

    /**
     * The activations of the tensors {@code names} over {@code images}: one {@link LayerActivations} each, named after the
     * tensor, its units reduced as the class comment says.
     *
     * @throws ModelFileException naming the file and the tensor when a name is not in the graph, a tensor's first axis is
     *                            not the batch or its rank is not 2, 3 or 4, or the model cannot run
     */
    public List<LayerActivations> activations(List<String> names, LabeledImages images, ProgressMonitor monitor) throws IOException {
        int n = images.size(), k = names.size();
        float[][] values = new float[k][];
        int[] units = new int[k];
        record(names, images, monitor, "recording activations", (layer, from, t) -> {
            int b = (int) t.shape[0];
            int u = unitsOf(names.get(layer), t.shape);
            if (values[layer] == null) {
                units[layer] = u;
                values[layer] = new float[Math.multiplyExact(n, u)];
            }
            reduce(t, b, u, values[layer], from * u);
        });
        List<LayerActivations> out = new ArrayList<>();
        for (int l = 0; l < k; l++) {
            try {
                out.add(new LayerActivations(names.get(l), l + 1, values[l], n, units[l], images.labels(), images.classes()));
            } catch (IllegalArgumentException e) {
                throw new ModelFileException(file, e.getMessage(), e);
            }
        }
        return out;
    }

    /**
     * The composite feature maps of every 4-d ({@code [batch, channels, height, width]}) hidden layer, named after its
     * tensor.
     *
     * @throws ModelFileException naming the file when the model has no such layer (a transformer's are 3-d)
     */
    @Override
    public List<CompositeMaps> featureMaps(LabeledImages images, ProgressMonitor monitor) throws IOException {
        List<String> layers = hiddenLayers();
        int n = images.size(), classes = images.classes();
        int[] labels = images.labels();
        double[][] all = new double[layers.size()][];
        double[][][] perClass = new double[layers.size()][classes][];
        long[][] shape = new long[layers.size()][];
        record(layers, images, monitor, "recording feature maps", (layer, from, t) -> {
            if (t.shape.length != 4) return; // not a map: a dense or a transformer layer
            int size = (int) (t.shape[1] * t.shape[2] * t.shape[3]);
            if (all[layer] == null) {
                shape[layer] = t.shape;
                all[layer] = new double[size];
                for (int c = 0; c < classes; c++) perClass[layer][c] = new double[size];
            }
            for (int s = 0; s < t.shape[0]; s++) {
                double[] cls = perClass[layer][labels[from + s]];
                for (int i = 0; i < size; i++) {
                    float v = t.values[s * size + i];
                    all[layer][i] += v;
                    cls[i] += v;
                }
            }
        });
        int[] count = images.classCounts();
        List<CompositeMaps> out = new ArrayList<>();
        for (int l = 0; l < layers.size(); l++) {
            if (all[l] == null) continue;
            for (int i = 0; i < all[l].length; i++) all[l][i] /= n;
            for (int c = 0; c < classes; c++) {
                if (count[c] == 0) {
                    perClass[l][c] = null;
                    continue;
                }
                for (int i = 0; i < all[l].length; i++) perClass[l][c][i] /= count[c];
            }
            out.add(new CompositeMaps(layers.get(l), (int) shape[l][1], (int) shape[l][2], (int) shape[l][3], all[l], perClass[l]));
        }
        if (out.isEmpty()) {
            throw new ModelFileException(file, "the model has no convolutional hidden layer ([batch, channels, height, width] after an activation), so it has no feature maps");
        }
        return out;
    }

    /** Receives one tensor of one batch whose first sample is sample {@code from}. */
    private interface BatchSink {
        void accept(int layer, int from, Tensor t) throws IOException;
    }

    /** Runs {@code images} through the model in batches, handing each requested tensor to {@code sink}. */
    private void record(List<String> names, LabeledImages images, ProgressMonitor monitor, String phase, BatchSink sink) throws IOException {
        OnnxImageInput in = input(images.rows(), images.cols());
        int n = images.size();
        try (Run run = new Run(names)) {
            int batch = run.fixedBatch > 0 ? run.fixedBatch : BATCH;
            float[] x = new float[Math.multiplyExact(batch, in.size())];
            monitor.start(phase, n);
            for (int from = 0; from < n; from += batch) {
                monitor.checkCancelled();
                int b = Math.min(batch, n - from);
                in.fill(images.pixels(), images.rows(), images.cols(), from, b, x);
                int fed = run.fixedBatch > 0 ? batch : b; // a fixed batch is filled up with zeros, its tail dropped
                if (fed > b) Arrays.fill(x, b * in.size(), fed * in.size(), 0f);
                try (OrtSession.Result r = run.run(fed == x.length / in.size() ? x : Arrays.copyOf(x, fed * in.size()), in.shape(fed))) {
                    for (int l = 0; l < names.size(); l++) {
                        OnnxValue v = r.get(names.get(l)).orElseThrow(IllegalStateException::new);
                        OnnxTensor t = (OnnxTensor) v;
                        long[] shape = t.getInfo().getShape();
                        if (shape.length == 0 || shape[0] != fed) {
                            throw new ModelFileException(file, "tensor '" + names.get(l) + "' has shape " + Arrays.toString(shape)
                                    + ", whose first axis is not the batch of " + fed);
                        }
                        FloatBuffer buf = t.getFloatBuffer();
                        int per = (int) (buf.remaining() / fed);
                        float[] vals = new float[per * b];
                        buf.get(vals);
                        long[] kept = shape.clone();
                        kept[0] = b;
                        sink.accept(l, from, new Tensor(kept, vals));
                    }
                }
                monitor.progress(from + b, null);
            }
        } catch (OrtException e) {
            throw failure(e);
        }
    }

    /** Units of a tensor of {@code shape}: the last axis of a 2-d or 3-d tensor, the channels (axis 1) of a 4-d one. */
    private int unitsOf(String name, long[] shape) throws ModelFileException {
        if (shape.length == 2 || shape.length == 3) return (int) shape[shape.length - 1];
        if (shape.length == 4) return (int) shape[1];
        throw new ModelFileException(file, "tensor '" + name + "' has shape " + Arrays.toString(shape)
                + "; layer activations are read from [batch, units], [batch, tokens, units] or [batch, channels, height, width]");
    }

    /** Copies {@code t}'s {@code b} samples into {@code out} at {@code at}, {@code u} units each: the mean over positions or tokens. */
    private static void reduce(Tensor t, int b, int u, float[] out, int at) {
        long[] s = t.shape;
        if (s.length == 2) {
            System.arraycopy(t.values, 0, out, at, b * u);
        } else if (s.length == 3) { // [b, tokens, u]: mean over tokens
            int tokens = (int) s[1];
            for (int i = 0; i < b; i++) {
                for (int j = 0; j < u; j++) {
                    double sum = 0;
                    for (int k = 0; k < tokens; k++) sum += t.values[(i * tokens + k) * u + j];
                    out[at + i * u + j] = (float) (sum / tokens);
                }
            }
        } else { // [b, u, h, w]: mean over positions
            int plane = (int) (s[2] * s[3]);
            for (int i = 0; i < b * u; i++) {
                double sum = 0;
                for (int p = 0; p < plane; p++) sum += t.values[i * plane + p];
                out[at + i] = (float) (sum / plane);
            }
        }
    }

    private ModelFileException failure(OrtException e) {
        String m = String.valueOf(e.getMessage()).replace('\n', ' ').replaceFirst("^Error code - \\w+ - message: ", "");
        return new ModelFileException(file, "onnxruntime cannot run the model: " + m, e);
    }

    /** One ONNX Runtime session over the model with {@code names} added to its outputs. */
    private final class Run implements AutoCloseable {
        final OrtEnvironment env = OrtEnvironment.getEnvironment(OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL, "neuralgraph");
        final OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        final OrtSession session;
        final String inputName;
        final int fixedBatch;
        final Set<String> names;

        Run(List<String> requested) throws IOException {
            Onnx.GraphProto g = model.getGraph();
            Set<String> tensors = new HashSet<>();
            for (Onnx.NodeProto node : g.getNodeList()) tensors.addAll(node.getOutputList());
            Set<String> outputs = new HashSet<>();
            for (Onnx.ValueInfoProto o : g.getOutputList()) outputs.add(o.getName());
            Onnx.ModelProto.Builder m = model.toBuilder();
            for (String name : requested) {
                if (!tensors.contains(name)) throw new ModelFileException(file, "no tensor named '" + name + "' in the graph (a tensor is a node's output)");
                if (outputs.add(name)) {
                    m.getGraphBuilder().addOutput(Onnx.ValueInfoProto.newBuilder().setName(name).setType(Onnx.TypeProto.newBuilder()
                            .setTensorType(Onnx.TypeProto.Tensor.newBuilder().setElemType(Onnx.TensorProto.DataType.FLOAT_VALUE))));
                }
            }
            this.names = new LinkedHashSet<>(requested);
            List<Onnx.ValueInfoProto> in = OnnxImageInput.inputs(g);
            if (in.size() != 1) {
                options.close();
                throw new ModelFileException(file, "the model has " + in.size() + " inputs; one image input is read");
            }
            inputName = in.get(0).getName();
            Onnx.TensorShapeProto.Dimension d0 = in.get(0).getType().getTensorType().getShape().getDimCount() > 0
                    ? in.get(0).getType().getTensorType().getShape().getDim(0) : null;
            fixedBatch = d0 != null && d0.hasDimValue() && d0.getDimValue() > 0 ? (int) Math.min(d0.getDimValue(), 1 << 20) : 0;
            try {
                options.setIntraOpNumThreads(Runtime.getRuntime().availableProcessors());
                options.setInterOpNumThreads(1);
                options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
                options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
                options.setSessionLogLevel(OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL); // errors come back as exceptions, in one line
                session = env.createSession(m.build().toByteArray(), options);
            } catch (OrtException e) {
                options.close();
                throw failure(e);
            }
        }

        OrtSession.Result run(float[] x, long[] shape) throws OrtException {
            try (OnnxTensor t = OnnxTensor.createTensor(env, FloatBuffer.wrap(x), shape)) {
                return session.run(Collections.singletonMap(inputName, t), names);
            }
        }

        @Override
        public void close() {
            try {
                session.close();
            } catch (OrtException e) {
                // nothing to do: the native session is gone either way
            } finally {
                options.close();
            }
        }
    }
}
