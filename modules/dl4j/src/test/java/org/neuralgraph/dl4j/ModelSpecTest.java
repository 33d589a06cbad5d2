package org.neuralgraph.dl4j;

import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.neuralgraph.core.weights.ModelWeights;
import org.neuralgraph.core.weights.WeightGraph;
import org.neuralgraph.core.weights.Sparsification;
import org.neuralgraph.core.graph.NeuralGraph;

import static org.junit.jupiter.api.Assertions.*;

class ModelSpecTest {

    @Test
    void jsonRoundTrip() {
        ModelSpec s = ModelSpec.preset("mlp-512");
        ModelSpec back = ModelSpec.fromJson(s.toJson(), "test");
        assertEquals(s.toJson(), back.toJson());
        assertEquals("784-512-512-10", back.sizes());
    }

    @Test
    void validationNamesTheField() {
        ModelSpec s = ModelSpec.preset("mlp-seed000");
        s.layers.get(2).units = 0;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, s::validate);
        assertEquals("layers[2].units must be >= 1, got 0", e.getMessage());
        IllegalArgumentException d = assertThrows(IllegalArgumentException.class,
                () -> ModelSpec.fromJson("{\"name\":\"x\",\"dropout\":1.5,\"layers\":[{\"type\":\"output\",\"units\":10}]}", "spec.json"));
        assertTrue(d.getMessage().startsWith("spec.json: dropout"), d.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ModelSpec.fromJson("[1,2", "bad.json"));
        assertThrows(IllegalArgumentException.class, () -> ModelSpec.preset("nope"));
    }

    @Test
    void seed000PresetMatchesThePaper() {
        MultiLayerNetwork net = ModelFactory.build(ModelSpec.preset("mlp-seed000"));
        assertEquals(44_860, net.numParams());
        // dropout p = 0.2 (drop) after each hidden layer = DL4J keep-probability 0.8 on the next layer's input
        assertNull(((DenseLayer) net.getLayer(0).conf().getLayer()).getIDropout());
        assertEquals(0.8, ((org.deeplearning4j.nn.conf.dropout.Dropout) ((DenseLayer) net.getLayer(1).conf().getLayer()).getIDropout()).getP(), 1e-12);
        assertNotNull(((OutputLayer) net.getLayer(3).conf().getLayer()).getIDropout());
    }

    /** Darnell and Leonard, Section 4: the untrained 784-50-50-50-10 graph has average weighted degree 1.15. */
    @Test
    void pytorchDefaultInitGivesThePapersUntrainedWeightedDegree() {
        ModelWeights w = Dl4jWeights.extract(ModelFactory.build(ModelSpec.preset("mlp-seed000")), "seed000");
        NeuralGraph g = WeightGraph.build(w, Sparsification.none());
        double sum = 0;
        for (int e = 0; e < g.edgeCount(); e++) sum += g.weight(e);
        assertEquals(1.15, sum / g.nodeCount(), 0.01);
        double bound = 1 / Math.sqrt(784);
        for (double x : w.layers().get(0).rawWeights()) assertTrue(Math.abs(x) <= bound + 1e-7);
        assertTrue(Math.abs(w.layers().get(0).bias(0)) > 0, "biases drawn like PyTorch's, not zero");
    }

    @Test
    void smallCnnExtractsChannels() {
        ModelSpec s = new ModelSpec();
        s.name = "cnn";
        ModelSpec.LayerSpec c = new ModelSpec.LayerSpec();
        c.type = "conv"; c.units = 4; c.kernel = 5; c.activation = "relu";
        ModelSpec.LayerSpec p = new ModelSpec.LayerSpec();
        p.type = "maxpool"; p.kernel = 2; p.stride = 2;
        ModelSpec.LayerSpec o = new ModelSpec.LayerSpec();
        o.type = "output"; o.units = 10;
        s.layers.add(c); s.layers.add(p); s.layers.add(o);
        ModelWeights w = Dl4jWeights.extract(ModelFactory.build(s.validate()), "cnn");
        assertEquals(1, w.inputUnits());
        assertEquals(4, w.layers().get(0).nOut());
        assertEquals(5, w.layers().get(0).kernelH());
        assertEquals(4 * 12 * 12, w.layers().get(1).nIn());
        NeuralGraph g = WeightGraph.build(w, Sparsification.none());
        assertEquals(1 + 4 + 10, g.nodeCount());
        assertEquals(4 + 4 * 10, g.edgeCount());
    }
}
