package org.neuralgraph.dl4j;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

import static org.junit.jupiter.api.Assertions.*;

/** The net-fragment study's Table 4.1: layer shapes and parameter counts of the eleven models, and model 11's fixed kernels. */
class NetFragmentModelsTest {

    /** Parameters counted by hand: conv k x k x in x out + out, dense in x out + out; head = flat x 12 + 12 + 130. */
    @Test
    void parameterCountsMatchTheTable() {
        long head130 = 12 * 10 + 10;
        long[] expected = {
                (9 * 2 + 2) + (7 * 7 * 2 * 12 + 12) + head130,                       // 1: 3x3x2 -> 7x7x2
                (9 * 4 + 4) + (7 * 7 * 4 * 12 + 12) + head130,                       // 2
                (25 * 2 + 2) + (5 * 5 * 2 * 12 + 12) + head130,                      // 3: 5x5x2 -> 5x5x2
                (25 * 4 + 4) + (5 * 5 * 4 * 12 + 12) + head130,                      // 4
                (9 * 2 + 2) + (9 * 2 * 4 + 4) + (5 * 5 * 4 * 12 + 12) + head130,    // 5: 7x7x2 -> 5x5x4
                (9 * 4 + 4) + (9 * 4 * 8 + 8) + (5 * 5 * 8 * 12 + 12) + head130,    // 6
                (9 * 2 + 2) + (9 * 2 * 4 + 4) + (1 * 4 * 12 + 12) + head130,        // 7: 7x7 -> pool 3x3 -> 1x1x4
                (9 * 4 + 4) + (9 * 4 * 8 + 8) + (1 * 8 * 12 + 12) + head130,        // 8
                (81 * 12 + 12) + head130,                                            // 9: head only
                (81 * 81 + 81) + (81 * 12 + 12) + head130,                           // 10
                (9 * 2 + 2) + (7 * 7 * 2 * 12 + 12) + head130};                     // 11
        for (int m = 1; m <= NetFragmentModels.COUNT; m++) {
            MultiLayerNetwork net = ModelFactory.build(NetFragmentModels.spec(m, 1));
            assertEquals(expected[m - 1], net.numParams(), "model " + m + ": " + NetFragmentModels.description(m));
            assertEquals(12, net.getLayer(NetFragmentModels.headLayer(NetFragmentModels.spec(m, 1))).getParam("b").length(), "model " + m);
        }
        assertThrows(IllegalArgumentException.class, () -> NetFragmentModels.spec(12, 1));
    }

    @Test
    void modelElevenKeepsItsLineKernels() {
        ModelSpec spec = NetFragmentModels.spec(11, 3);
        MultiLayerNetwork net = ModelFactory.build(spec);
        INDArray w = net.getLayer(0).getParam("W");
        assertEquals(2.0, w.getDouble(0, 0, 1, 1), 0);
        assertEquals(-1.0, w.getDouble(0, 0, 1, 0), 0);
        assertEquals(2.0, w.getDouble(1, 0, 1, 0), 0, "horizontal: the middle row is 2");
        assertEquals(0.0, net.getLayer(0).getParam("b").sumNumber().doubleValue(), 0);
        INDArray before = w.dup();
        INDArray headBefore = net.getLayer(1).getParam("W").dup();
        org.nd4j.linalg.dataset.DataSet batch = new org.nd4j.linalg.dataset.DataSet(
                org.nd4j.linalg.factory.Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 8, 81),
                org.nd4j.linalg.factory.Nd4j.eye(10).getRows(0, 1, 2, 3, 4, 5, 6, 7).castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT));
        for (int i = 0; i < 5; i++) net.fit(batch);
        assertEquals(before, net.getLayer(0).getParam("W"), "fixed kernels are not trained");
        assertNotEquals(headBefore, net.getLayer(1).getParam("W"), "the head is");
    }

    @Test
    void badFixedKernelsAreRefused() {
        ModelSpec s = NetFragmentModels.spec(11, 1);
        s.layers.get(0).fixedKernels = new double[][]{{1, 2, 3}};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, s::validate);
        assertTrue(e.getMessage().contains("layers[0].fixedKernels"), e.getMessage());
    }
}
