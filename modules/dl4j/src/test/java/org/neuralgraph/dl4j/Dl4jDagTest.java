package org.neuralgraph.dl4j;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.neuralgraph.core.dag.DagLayer;
import org.neuralgraph.core.dag.NetworkDag;
import org.neuralgraph.core.data.ImageDataSource;
import org.neuralgraph.core.data.LabeledImages;

import java.io.IOException;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Collections;

import static org.junit.jupiter.api.Assertions.*;

/** A DL4J ComputationGraph as a network DAG: the layers, the residual sums, and batch normalisation folded exactly. */
class Dl4jDagTest {

    @Test
    void aResidualGraphBecomesLayersSumsAndFoldedBatchNorm() throws IOException {
        ComputationGraph g = ModelFactory.network(ResidualNetworkTest.tinyResidual(1)).graph();
        LabeledImages images = ImageDataSource.load(Paths.get("../../sample-models/mnist"), 0.2, 1).train().sample(256, 7);
        for (org.nd4j.linalg.dataset.DataSet b : Batches.shuffled(images, 32, 1)) g.fit(b); // running mean and variance move

        NetworkDag dag = Dl4jDag.of(g, "tiny");
        assertEquals(2, dag.layers().stream().filter(l -> l.kind() == DagLayer.Kind.ADD).count(), "two residual sums");
        assertEquals(6, dag.batchNormFolded(), "stem, two in the identity block, three in the projection block");
        assertTrue(dag.passedOver().contains("ActivationLayer(relu)") && dag.passedOver().contains("GlobalPoolingLayer"), dag.passedOver().toString());
        assertEquals(1, dag.layers().get(0).units(), "one input channel");
        DagLayer output = dag.layers().get(dag.layers().size() - 1);
        assertEquals("output", output.name());
        assertEquals(10, output.units());

        // the depthwise convolution: one group per channel, DL4J's [kH, kW, in, 1] reordered to [in][1][kH][kW]
        DagLayer dw = dag.layers().stream().filter(l -> l.name().equals("L4")).findFirst().get();
        assertEquals(8, dw.groups());
        float[] w = g.getLayer("L4").getParam("W").dup('c').data().asFloat(); // [3][3][8][1]
        for (int c = 0; c < 8; c++) for (int k = 0; k < 9; k++) assertEquals(w[k * 8 + c], dw.weights()[c * 9 + k], 1e-6);

        // the stem convolution with its batch normalisation folded computes what DL4J's conv - BN - ReLU computes
        DagLayer stem = dag.layers().get(1);
        assertEquals(Collections.singletonList("BatchNormalization folded"), stem.folded());
        int n = 4;
        INDArray x = Nd4j.create(Arrays.copyOf(images.pixels(), n * 784), new long[]{n, 784}, 'c');
        float[] dl4j = g.output(Collections.singletonList("L1"), false, new INDArray[]{x}, null)[0].castTo(DataType.FLOAT).dup('c').data().asFloat();
        float[] px = images.pixels();
        for (int i = 0; i < n; i++) {
            for (int o = 0; o < 4; o++) {
                for (int y = 0; y < 13; y++) {
                    for (int xx = 0; xx < 13; xx++) {
                        double s = stem.bias()[o];
                        for (int ky = 0; ky < 3; ky++) for (int kx = 0; kx < 3; kx++) s += stem.weights()[o * 9 + ky * 3 + kx] * px[i * 784 + (2 * y + ky) * 28 + 2 * xx + kx];
                        assertEquals(Math.max(0, s), dl4j[((i * 4 + o) * 13 + y) * 13 + xx], 1e-4, "image " + i + " channel " + o + " at " + y + "," + xx);
                    }
                }
            }
        }
    }
}
