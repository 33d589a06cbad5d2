package org.neuralgraph.dl4j;

import onnx.Onnx;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds attention in an ONNX graph, which DL4J's layers cannot express and so cannot train: an attention operator
 * ({@code Attention}, {@code MultiHeadAttention}, ... of ONNX opset 23 and ONNX Runtime's contrib operators), or
 * attention as {@code torch.onnx.export} writes it, a {@code MatMul} (or {@code Einsum}) of two activations (the scores
 * Q K^T and their product with V; Vaswani et al. 2017, Eq. 1), where every MatMul of a layer multiplies by a weight.
 * Such a model runs inference-only through ONNX Runtime; training and fine-tuning ask {@link #refuseTraining} first.
 */
public final class OnnxAttention {

    /** Attention operators by name (ONNX opset 23, ONNX Runtime's com.microsoft domain). */
    static final List<String> OPERATORS = Arrays.asList("Attention", "MultiHeadAttention", "GroupQueryAttention",
            "PackedAttention", "PackedMultiHeadAttention", "DecoderMaskedMultiHeadAttention", "SparseAttention");

    private OnnxAttention() { }

    /** The first attention in the graph, described ("node 'n' (Attention)"), or null when there is none. */
    static String find(Onnx.ModelProto model) {
        Onnx.GraphProto g = model.getGraph();
        Set<String> constants = new HashSet<>();
        for (Onnx.TensorProto t : g.getInitializerList()) constants.add(t.getName());
        for (Onnx.NodeProto n : g.getNodeList()) {
            if (n.getOpType().equals("Constant")) constants.addAll(n.getOutputList());
        }
        for (Onnx.NodeProto n : g.getNodeList()) {
            String op = n.getOpType();
            if (OPERATORS.contains(op)) return "node '" + n.getName() + "' (" + op + ")";
            if ((op.equals("MatMul") || op.equals("Einsum")) && n.getInputCount() >= 2) {
                boolean activations = true;
                for (String in : n.getInputList()) activations &= !constants.contains(in);
                if (activations) return "node '" + n.getName() + "' (" + op + " of two activations, as attention's Q K^T)";
            }
        }
        return null;
    }

    /**
     * Refuses to train an ONNX model with attention.
     *
     * @throws ModelFileException naming the file and the node: attention runs inference-only through ONNX Runtime
     */
    public static void refuseTraining(Path file) throws IOException {
        String at = find(OnnxModels.parse(file, OnnxModels.MAX_FILE_BYTES));
        if (at != null) {
            throw new ModelFileException(file, "attention (" + at + ") runs inference-only through onnxruntime and cannot be trained here");
        }
    }
}
