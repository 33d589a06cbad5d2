package org.neuralgraph.core.activation;

import org.junit.jupiter.api.Test;
import org.neuralgraph.core.graph.NeuralGraph;
import org.neuralgraph.core.stats.ActivationEntropy;
import org.neuralgraph.core.stats.CoverModularities;
import org.neuralgraph.core.stats.UndirectedWeights;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A hand-made activation matrix (4 neurons, class 0 with 4 samples, class 1 with 2) whose graph is worked out
 * below by Eq. 6-7:
 * <pre>
 * class 0: means n0=2 n1=2 n2=0 n3=1 -> N_0 = {n0, n1} (tie broken by index); above the mean: n0 {d0,d1},
 *          n1 {d0,d2}; both on d0 -> a = 1/4
 * class 1: means n0=0 n1=2 n2=4 n3=0 -> N_1 = {n2, n1}; above: n2 {d4}, n1 {d4} -> a = 1/2
 * graph: n0 - n1 (0.25), n1 - n2 (0.5); cover n0 {0}, n1 {0,1}, n2 {1}
 * </pre>
 */
class ActivationPatternGraphTest {

    private static final float[] F = {
            4, 4, 0, 1,
            4, 0, 0, 1,
            0, 4, 0, 1,
            0, 0, 0, 1,
            0, 3, 6, 0,
            0, 1, 2, 0};
    private static final int[] Y = {0, 0, 0, 0, 1, 1};

    private static LayerActivations layer() {
        return new LayerActivations("dense_1", 1, F, 6, 4, Y, 2);
    }

    @Test
    void graphCoverAndWeightsFollowEq7() {
        ActivationPatternGraph apg = ActivationPatternGraph.build(layer(), 2);
        NeuralGraph g = apg.graph();
        assertEquals(3, g.nodeCount());
        assertEquals("L1N0", g.nodeId(0));
        assertArrayEquals(new int[]{0, 1, 2}, apg.neuronOfNode());
        assertArrayEquals(new String[]{"0", "0|1", "1"}, g.nodeColumns().get("classes").strings());
        assertArrayEquals(new int[]{0, 1}, apg.representatives(0));
        assertArrayEquals(new int[]{2, 1}, apg.representatives(1));
        assertEquals(2, g.edgeCount());
        assertEquals(0, g.source(0));
        assertEquals(1, g.target(0));
        assertEquals(0.25, g.weight(0), 1e-12);
        assertEquals(1, g.source(1));
        assertEquals(2, g.target(1));
        assertEquals(0.5, g.weight(1), 1e-12);
        assertArrayEquals(new double[]{2, 2, 0}, g.nodeColumns().get("mean_class_0").doubles(), 1e-12);
        assertArrayEquals(new double[]{0, 2, 4}, g.nodeColumns().get("mean_class_1").doubles(), 1e-12);
        assertFalse(g.isDirected());
        assertEquals(2, g.graphAttributes().get("neurons_per_class_S"));
    }

    @Test
    void uniqueNeuronMatrixCountsNeuronsOfExactlyOneOrTwoClasses() {
        ActivationPatternGraph apg = ActivationPatternGraph.build(layer(), 2);
        assertArrayEquals(new int[][]{{1, 1}, {1, 1}}, UniqueNeurons.matrix(apg.cover(), 2));
        // a neuron of three classes counts nowhere
        assertArrayEquals(new int[][]{{0, 0, 0}, {0, 1, 0}, {0, 0, 0}}, UniqueNeurons.matrix(new int[][]{{0, 1, 2}, {1}}, 3));
    }

    @Test
    void modularitiesOfTheClassCover() {
        ActivationPatternGraph apg = ActivationPatternGraph.build(layer(), 2);
        CoverModularities q = CoverModularities.of(UndirectedWeights.of(apg.graph()), apg.cover(), 10, 1);
        // n1 has weight 0.25 into class 0 and 0.5 into class 1: belonging 1/3 and 2/3, so Eq. 2 puts it in class 1
        assertArrayEquals(new double[]{1.0 / 3, 2.0 / 3}, q.belonging[1], 1e-12);
        assertArrayEquals(new int[]{0, 1, 1}, q.strongest);
        // 2m = 1.5: {n0}: -(0.25/1.5)^2; {n1,n2}: 0.5/0.75 - (1.25/1.5)^2
        assertEquals(-(1.0 / 36) + (2.0 / 3 - 25.0 / 36), q.noOverlap, 1e-12);
        assertTrue(q.defined());
    }

    @Test
    void entropyOfTheModelAndPerClass() {
        // R = 2. n1 over all samples: non-zero 4,4,3,1 -> bins [1,2.5) {1}, [2.5,4] {4,4,3}; n2: 6,2 -> one each
        double[] e = ActivationEntropy.perNeuron(F, 6, 4, 2);
        double h13 = -(0.25 * Math.log(0.25) + 0.75 * Math.log(0.75));
        assertArrayEquals(new double[]{0, h13, Math.log(2), 0}, e, 1e-12);
        double[][] perClass = ActivationEntropy.perClass(F, 6, 4, Y, 2, 2);
        assertEquals(0, ActivationEntropy.total(perClass[0]), 1e-12);     // every neuron constant on class 0
        assertEquals(2 * Math.log(2), ActivationEntropy.total(perClass[1]), 1e-12);
    }

    @Test
    void aClassWithoutSamplesIsRefusedByName() {
        LayerActivations three = new LayerActivations("dense_1", 1, F, 6, 4, Y, 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ActivationPatternGraph.build(three, 2));
        assertTrue(e.getMessage().contains("class 2 has no samples"), e.getMessage());
    }

    @Test
    void sLargerThanTheLayerIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ActivationPatternGraph.build(layer(), 5));
        assertTrue(e.getMessage().contains("dense_1 (4 neurons), got 5"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ActivationPatternGraph.build(layer(), 0));
    }

    @Test
    void allZeroActivationsGiveNodesChosenByIndexAndNoEdges() {
        LayerActivations zero = new LayerActivations("dense_2", 2, new float[24], 6, 4, Y, 2);
        ActivationPatternGraph apg = ActivationPatternGraph.build(zero, 2);
        assertEquals(2, apg.graph().nodeCount());
        assertEquals("L2N0", apg.graph().nodeId(0));
        assertEquals(0, apg.graph().edgeCount());
        CoverModularities q = CoverModularities.of(UndirectedWeights.of(apg.graph()), apg.cover(), 10, 1);
        assertFalse(q.defined());
        assertTrue(Double.isNaN(q.weightedOverlap));
        assertEquals(0, ActivationEntropy.total(ActivationEntropy.perNeuron(new float[24], 6, 4, 10)));
    }

    @Test
    void nonFiniteActivationsAndBadLabelsAreRefused() {
        float[] nan = F.clone();
        nan[5] = Float.NaN;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new LayerActivations("dense_1", 1, nan, 6, 4, Y, 2));
        assertTrue(e.getMessage().contains("neuron 1 on sample 1 is NaN"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new LayerActivations("dense_1", 1, F, 6, 4, new int[]{0, 0, 0, 0, 1, 2}, 2));
        assertThrows(IllegalArgumentException.class, () -> new LayerActivations("dense_1", 1, F, 5, 4, Y, 2));
    }

    @Test
    void communitySizesLargestFirst() {
        CommunitySizes c = CommunitySizes.of(new int[]{3, 3, 1, 7, 7, 7});
        assertArrayEquals(new int[]{3, 2, 1, 0}, c.largest(4));
        assertEquals(2.0, c.averageSize(), 1e-12);
        assertEquals(3, c.communities());
    }
}
