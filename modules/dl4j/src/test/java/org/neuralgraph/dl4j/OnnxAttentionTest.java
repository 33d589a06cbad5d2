package org.neuralgraph.dl4j;

import onnx.Onnx;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import static org.junit.jupiter.api.Assertions.*;

/** An ONNX model with attention opens, and asking to train or fine-tune it ends with one line naming the file and why. */
class OnnxAttentionTest {

    /** The shipped test model {@code onnx/self_attention.onnx}: one head of self-attention as torch.onnx.export writes it. */
    static final Path SHIPPED = Paths.get("src/test/resources/onnx/self_attention.onnx");

    /**
     * Tokens {@code [batch, 4, 8]}: q = x Wq, k = x Wk, scores = q k^T (a MatMul of two activations), softmax, context =
     * softmax(scores) x. The bytes of {@link #SHIPPED}.
     */
    static Onnx.ModelProto selfAttention() {
        Onnx.GraphProto.Builder g = Onnx.GraphProto.newBuilder().setName("self_attention");
        for (String w : new String[]{"Wq", "Wk"}) {
            Onnx.TensorProto.Builder t = Onnx.TensorProto.newBuilder().setName(w).setDataType(Onnx.TensorProto.DataType.FLOAT_VALUE).addDims(8).addDims(8);
            for (int i = 0; i < 64; i++) t.addFloatData((float) Math.sin(i + w.length() + w.charAt(1)));
            g.addInitializer(t);
        }
        g.addNode(node("MatMul", "q_proj", "q", "input", "Wq"));
        g.addNode(node("MatMul", "k_proj", "k", "input", "Wk"));
        g.addNode(node("Transpose", "k_t", "kt", "k").toBuilder().addAttribute(Onnx.AttributeProto.newBuilder().setName("perm")
                .setType(Onnx.AttributeProto.AttributeType.INTS).addInts(0).addInts(2).addInts(1)));
        g.addNode(node("MatMul", "scores", "s", "q", "kt"));
        g.addNode(node("Softmax", "softmax", "a", "s"));
        g.addNode(node("MatMul", "context", "output", "a", "input"));
        Onnx.TensorShapeProto.Builder shape = Onnx.TensorShapeProto.newBuilder()
                .addDim(Onnx.TensorShapeProto.Dimension.newBuilder().setDimParam("batch"))
                .addDim(Onnx.TensorShapeProto.Dimension.newBuilder().setDimValue(4))
                .addDim(Onnx.TensorShapeProto.Dimension.newBuilder().setDimValue(8));
        g.addInput(Onnx.ValueInfoProto.newBuilder().setName("input").setType(Onnx.TypeProto.newBuilder()
                .setTensorType(Onnx.TypeProto.Tensor.newBuilder().setElemType(Onnx.TensorProto.DataType.FLOAT_VALUE).setShape(shape))));
        g.addOutput(Onnx.ValueInfoProto.newBuilder().setName("output"));
        return Onnx.ModelProto.newBuilder().setIrVersion(7).setGraph(g)
                .addOpsetImport(Onnx.OperatorSetIdProto.newBuilder().setDomain("").setVersion(13)).build();
    }

    private static Onnx.NodeProto node(String op, String name, String out, String... in) {
        Onnx.NodeProto.Builder b = Onnx.NodeProto.newBuilder().setOpType(op).setName(name).addOutput(out);
        for (String i : in) b.addInput(i);
        return b.build();
    }

    @Test
    void theShippedModelIsThisGraph() throws IOException {
        assertArrayEquals(selfAttention().toByteArray(), Files.readAllBytes(SHIPPED), "regenerate with Files.write(SHIPPED, selfAttention().toByteArray())");
    }

    @Test
    void trainingAModelWithAttentionIsRefusedNamingTheFileAndTheNode() throws IOException {
        TrainingRun run = ModelLoader.open(SHIPPED); // it opens
        ModelFileException e = assertThrows(ModelFileException.class, () -> run.checkpoints().get(0).loadTrainable());
        assertEquals(SHIPPED + ": attention (node 'scores' (MatMul of two activations, as attention's Q K^T)) runs inference-only "
                + "through onnxruntime and cannot be trained here", e.getMessage());
    }

    @Test
    void anAttentionOperatorIsNamedAndAChainIsNotRefused(@TempDir Path tmp) throws IOException {
        Onnx.ModelProto m = selfAttention();
        Onnx.GraphProto g = m.getGraph().toBuilder().clearNode().addNode(node("MultiHeadAttention", "mha", "output", "input", "input", "input")).build();
        Path f = Files.write(tmp.resolve("mha.onnx"), m.toBuilder().setGraph(g).build().toByteArray());
        ModelFileException e = assertThrows(ModelFileException.class, () -> OnnxAttention.refuseTraining(f));
        assertTrue(e.getMessage().startsWith(f + ": attention (node 'mha' (MultiHeadAttention)) runs inference-only"), e.getMessage());
        OnnxAttention.refuseTraining(Paths.get("src/test/resources/onnx/torch_mlp.onnx")); // MatMuls by weights only
        OnnxAttention.refuseTraining(Paths.get("src/test/resources/onnx/torch_lenet.onnx"));
    }
}
