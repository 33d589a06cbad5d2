package org.neuralgraph.dl4j;

import onnx.Onnx;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The hidden layers of any ONNX graph (a DAG: residual, depthwise, concatenating, attention networks): the tensors whose
 * values are recorded as a layer's activations. Mostafa and Mondal (2021, Section 5.1) record each hidden dense layer's
 * output after its activation; in a graph, a hidden layer is taken to be, in the graph's order:
 * <ol>
 *   <li>the output of every element-wise activation ({@link #ACTIVATIONS}: Relu, Clip as ReLU6, Gelu, HardSwish, ...).
 *       An activation the exporter wrote as several nodes is taken whole: from the nonlinearity ({@code Erf} of GELU,
 *       {@code HardSigmoid} of Hardswish, {@code Sigmoid} of SiLU) the tensor is followed through the Add, Mul, Sub and
 *       Div nodes that combine it with constants or with the activation's own input ({@code x * 0.5 * (1 + erf(x /
 *       sqrt 2))}, {@code x * hardsigmoid(x)}), and through an activation of it (ReLU6 as Relu then Clip), so a
 *       transformer's feed-forward hidden layer is GELU's last Mul;</li>
 *   <li>the output of every residual merge, an {@code Add} of two computed tensors (He et al. 2016; Vaswani et al. 2017,
 *       Section 3.1: each sub-layer's output is LayerNorm(x + Sublayer(x))): when the sum goes into one activation, that
 *       activation is the layer (ResNet's block output is the ReLU after the Add); when it goes into a normalisation
 *       (LayerNormalization, BatchNormalization, or LayerNorm as opset 13 writes it: ReduceMean, Sub, Pow, ReduceMean,
 *       Add, Sqrt, Div, Mul, Add), the normalised tensor is (a transformer encoder layer's attention and feed-forward
 *       sub-layer outputs); otherwise the sum itself (MobileNetV2's linear-bottleneck blocks);</li>
 * </ol>
 * kept only when a parameterised layer ({@code Conv}, {@code Gemm}, {@code MatMul} with a constant operand, ...) reads
 * it, directly or through pooling and reshaping: the activation of the output (a softmax) is not a hidden layer. Softmax
 * inside attention (probabilities over positions, not units) and Concat (a DenseNet's concatenation holds layers that are
 * recorded where they are made) are not layers.
 *
 * <p>So a ResNet-18 has 17: the stem's ReLU, and in each of its 8 blocks the ReLU between the two convolutions and the
 * block's output; a transformer encoder layer has 3: the attention sub-layer's output, the feed-forward hidden layer and
 * the encoder layer's output.
 */
public final class OnnxHiddenLayers {

    /** Element-wise activation operators (ONNX default domain). Softmax is not one: it normalises over a whole axis. */
    public static final Set<String> ACTIVATIONS = Collections.unmodifiableSet(new HashSet<>(Arrays.asList(
            "Relu", "LeakyRelu", "PRelu", "Clip", "Sigmoid", "HardSigmoid", "Tanh", "Elu", "Selu", "Celu", "Gelu", "HardSwish",
            "Softplus", "Softsign", "Mish", "ThresholdedRelu", "Erf")));

    private static final Set<String> NORMALISATIONS = new HashSet<>(Arrays.asList(
            "LayerNormalization", "BatchNormalization", "InstanceNormalization", "GroupNormalization"));

    private static final Set<String> PARAMETERISED = new HashSet<>(Arrays.asList(
            "Conv", "ConvTranspose", "Gemm", "MatMul", "LSTM", "GRU", "RNN", "Einsum"));

    private static final Set<String> ARITHMETIC = new HashSet<>(Arrays.asList("Add", "Mul", "Sub", "Div"));

    private final List<Onnx.NodeProto> nodes;
    private final Map<String, Onnx.NodeProto> producer = new HashMap<>();
    private final Map<String, List<Onnx.NodeProto>> consumers = new HashMap<>();
    private final Set<String> constants = new HashSet<>();

    private OnnxHiddenLayers(Onnx.GraphProto g) {
        this.nodes = g.getNodeList();
        for (Onnx.TensorProto t : g.getInitializerList()) constants.add(t.getName());
        for (Onnx.NodeProto n : nodes) {
            for (String out : n.getOutputList()) producer.put(out, n);
            for (String in : n.getInputList()) consumers.computeIfAbsent(in, k -> new ArrayList<>()).add(n);
            // constant folding the exporter left undone (Identity of a weight, Shape arithmetic on constants)
            boolean constant = n.getOpType().equals("Constant") || (n.getInputCount() > 0 && n.getInputList().stream().allMatch(i -> i.isEmpty() || constants.contains(i)));
            if (constant) constants.addAll(n.getOutputList());
        }
    }

    /** The hidden layers of {@code g}'s tensors, by name, in the graph's order (nodes are topologically sorted in ONNX). */
    public static List<String> of(Onnx.GraphProto g) {
        return new OnnxHiddenLayers(g).layers();
    }

    private List<String> layers() {
        Set<String> out = new LinkedHashSet<>();
        for (Onnx.NodeProto n : nodes) {
            if (n.getOutputCount() == 0 || constants.contains(n.getOutput(0))) continue;
            String t = null;
            if (ACTIVATIONS.contains(n.getOpType())) {
                t = activationTail(n);
            } else if (isMerge(n)) {
                t = mergeOutput(n);
            }
            if (t != null && readByParameterisedLayer(t)) out.add(t);
        }
        return new ArrayList<>(out);
    }

    private boolean isMerge(Onnx.NodeProto n) {
        if (!n.getOpType().equals("Add") && !n.getOpType().equals("Sum")) return false;
        int computed = 0;
        for (String in : n.getInputList()) if (!in.isEmpty() && !constants.contains(in)) computed++;
        return computed >= 2;
    }

    /** The tensor a residual merge stands for: the activation or normalisation it goes into, or the sum (null: an activation's, recorded there). */
    private String mergeOutput(Onnx.NodeProto add) {
        String sum = add.getOutput(0);
        List<Onnx.NodeProto> next = consumers.getOrDefault(sum, Collections.emptyList());
        if (next.size() == 1 && ACTIVATIONS.contains(next.get(0).getOpType())) return null;
        if (next.size() == 1 && NORMALISATIONS.contains(next.get(0).getOpType())) return next.get(0).getOutput(0);
        String decomposed = decomposedLayerNorm(sum, next);
        return decomposed != null ? decomposed : sum;
    }

    /** LayerNorm as opset 13 writes it, from its input {@code x}: Sub(x, ReduceMean(x)), then Div by the deviation, Mul, Add. */
    private String decomposedLayerNorm(String x, List<Onnx.NodeProto> next) {
        Onnx.NodeProto mean = null, sub = null;
        for (Onnx.NodeProto c : next) if (c.getOpType().equals("ReduceMean")) mean = c;
        if (mean == null) return null;
        for (Onnx.NodeProto c : next) {
            if (c.getOpType().equals("Sub") && c.getInputList().contains(mean.getOutput(0))) sub = c;
        }
        if (sub == null) return null;
        for (Onnx.NodeProto c : consumers.getOrDefault(sub.getOutput(0), Collections.emptyList())) {
            if (c.getOpType().equals("Div") && c.getInput(0).equals(sub.getOutput(0))) return follow(c.getOutput(0), Collections.emptySet());
        }
        return null;
    }

    /** An activation's output, followed through the arithmetic of an activation written as several nodes. */
    private String activationTail(Onnx.NodeProto act) {
        return follow(act.getOutput(0), ancestors(act.getInput(0)));
    }

    /**
     * From {@code t}, while its one consumer is another activation of it, or Add, Mul, Sub or Div of {@code t} with a
     * constant or a tensor in {@code own} (the activation's input and what it is computed from), that consumer's output.
     */
    private String follow(String t, Set<String> own) {
        for (int steps = 0; steps < 8; steps++) {
            List<Onnx.NodeProto> next = consumers.getOrDefault(t, Collections.emptyList());
            if (next.size() != 1) return t;
            Onnx.NodeProto c = next.get(0);
            if (ACTIVATIONS.contains(c.getOpType()) && c.getInput(0).equals(t)) { // ReLU6 as Relu then Clip: one activation
                t = c.getOutput(0);
                continue;
            }
            if (!ARITHMETIC.contains(c.getOpType()) || c.getInputCount() != 2) return t;
            String other = c.getInput(0).equals(t) ? c.getInput(1) : c.getInput(0);
            if (!constants.contains(other) && !own.contains(other)) return t;
            t = c.getOutput(0);
        }
        return t;
    }

    /** {@code t} and every tensor it is computed from. */
    private Set<String> ancestors(String t) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(Collections.singleton(t));
        while (!todo.isEmpty()) {
            String x = todo.pop();
            if (!seen.add(x)) continue;
            Onnx.NodeProto p = producer.get(x);
            if (p != null) for (String in : p.getInputList()) if (!in.isEmpty()) todo.push(in);
        }
        return seen;
    }

    /** True when a parameterised node is downstream of {@code t}. */
    private boolean readByParameterisedLayer(String t) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(Collections.singleton(t));
        while (!todo.isEmpty()) {
            String x = todo.pop();
            if (!seen.add(x)) continue;
            for (Onnx.NodeProto c : consumers.getOrDefault(x, Collections.emptyList())) {
                if (isParameterised(c)) return true;
                for (String o : c.getOutputList()) todo.push(o);
            }
        }
        return false;
    }

    private boolean isParameterised(Onnx.NodeProto n) {
        if (!PARAMETERISED.contains(n.getOpType())) return false;
        if (!n.getOpType().equals("MatMul") && !n.getOpType().equals("Einsum")) return true;
        for (String in : n.getInputList()) if (constants.contains(in)) return true;
        return false;
    }
}
