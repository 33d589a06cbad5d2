package org.neuralgraph.core.stats;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** Hand-checkable values from issue #4: two triangles 0-1-2 and 3-4-5 joined by the edge 2-3. */
class CommunityQualityTest {

    static UndirectedWeights triangles() {
        int[] s = {0, 0, 1, 2, 3, 3, 4};
        int[] t = {1, 2, 2, 3, 4, 5, 5};
        double[] w = {1, 1, 1, 1, 1, 1, 1};
        return UndirectedWeights.of(6, s, t, w);
    }

    @Test
    void partitionGivesNewmansFiveFourteenthsInEveryMeasure() {
        UndirectedWeights g = triangles();
        int[] part = {0, 0, 0, 1, 1, 1};
        int[][] cover = {{0}, {0}, {0}, {1}, {1}, {1}};
        assertEquals(5.0 / 14, PartitionModularity.of(g, part, 1, PartitionModularity.Convention.REICHARDT_BORNHOLDT), 1e-12);
        assertEquals(5.0 / 14, PartitionModularity.of(g, part, 1, PartitionModularity.Convention.GEPHI), 1e-12);
        assertEquals(5.0 / 14, OverlappingModularity.shen(g, cover), 1e-12);
        assertEquals(5.0 / 14, OverlappingModularity.chen(g, cover), 1e-12);
    }

    @Test
    void overlappingCoverGivesShensOneSeventhAndChensFifteenFiftySixths() {
        UndirectedWeights g = triangles();
        int[][] cover = {{0}, {0}, {0, 1}, {0, 1}, {1}, {1}};
        assertEquals(1.0 / 7, OverlappingModularity.shen(g, cover), 1e-12);
        assertEquals(15.0 / 56, OverlappingModularity.chen(g, cover), 1e-12);
        double[][] alpha = OverlappingModularity.belonging(g, cover);
        assertArrayEquals(new double[]{0.75, 0.25}, alpha[2], 1e-12);
        assertArrayEquals(new double[]{0.25, 0.75}, alpha[3], 1e-12);
    }

    @Test
    void resolutionConventionsDiffer() {
        UndirectedWeights g = triangles();
        int[] part = {0, 0, 0, 1, 1, 1};
        // L_c/m = 3/7 each, (d_c/2m)^2 = 1/4 each
        assertEquals(2 * (3.0 / 7) - 0.5 * 2 * 0.25, PartitionModularity.of(g, part, 0.5, PartitionModularity.Convention.REICHARDT_BORNHOLDT), 1e-12);
        assertEquals(0.5 * 2 * (3.0 / 7) - 2 * 0.25, PartitionModularity.of(g, part, 0.5, PartitionModularity.Convention.GEPHI), 1e-12);
    }

    @Test
    void nodesOutsideEveryCommunityAndZeroWeightAreDocumentedCases() {
        UndirectedWeights g = triangles();
        int[] part = {0, 0, 0, -1, -1, -1};
        // only community 0 counts: 3/7 - 1/4
        assertEquals(3.0 / 7 - 0.25, PartitionModularity.of(g, part, 1, PartitionModularity.Convention.REICHARDT_BORNHOLDT), 1e-12);
        UndirectedWeights empty = UndirectedWeights.of(2, new int[]{0}, new int[]{1}, new double[]{0});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OverlappingModularity.chen(empty, new int[][]{{0}, {0}}));
        assertTrue(e.getMessage().contains("zero total edge weight"), e.getMessage());
        // a node whose weight into its own communities is zero belongs equally to each
        UndirectedWeights path = UndirectedWeights.of(3, new int[]{0, 1}, new int[]{1, 2}, new double[]{1, 1});
        double[][] alpha = OverlappingModularity.belonging(path, new int[][]{{0}, {0, 1}, {2}});
        assertArrayEquals(new double[]{1, 0}, alpha[1], 1e-12);
        alpha = OverlappingModularity.belonging(path, new int[][]{{0}, {1, 2}, {0}});
        assertArrayEquals(new double[]{0.5, 0.5}, alpha[1], 1e-12);
    }

    @Test
    void directedEdgesCountAsUndirectedAndSelfLoopsAsInNetworkx() {
        UndirectedWeights both = UndirectedWeights.of(2, new int[]{0, 1}, new int[]{1, 0}, new double[]{1, 2});
        assertEquals(3, both.strength(0), 0);
        assertEquals(6, both.twoM(), 0);
        UndirectedWeights loop = UndirectedWeights.of(2, new int[]{0, 0}, new int[]{0, 1}, new double[]{1, 1});
        assertEquals(3, loop.strength(0), 0);
        // one community holding everything has modularity 0
        assertEquals(0, PartitionModularity.of(loop, new int[]{0, 0}, 1, PartitionModularity.Convention.REICHARDT_BORNHOLDT), 1e-12);
    }

    @Test
    void entropyOfTenDistinctValuesIsLnTenAndOfZerosIsZero() {
        int rows = 10;
        float[] f = new float[rows * 3];
        for (int i = 0; i < rows; i++) {
            f[i * 3] = i + 1;      // 1..10: one value per bin
            f[i * 3 + 1] = 0;      // never fires
            f[i * 3 + 2] = 4;      // always the same
        }
        double[] e = ActivationEntropy.perNeuron(f, rows, 3, 10);
        assertEquals(Math.log(10), e[0], 1e-12);
        assertEquals(0, e[1], 0);
        assertEquals(0, e[2], 0);
        assertEquals(Math.log(10), ActivationEntropy.total(e), 1e-12);
        // two bins: 1..5 and 6..10 -> ln 2
        assertEquals(Math.log(2), ActivationEntropy.perNeuron(f, rows, 3, 2)[0], 1e-12);
        assertThrows(IllegalArgumentException.class, () -> ActivationEntropy.perNeuron(new float[]{Float.NaN}, 1, 1, 10));
        float[] mirrored = f.clone();
        for (int i = 0; i < mirrored.length; i++) mirrored[i] = -mirrored[i];
        assertEquals(ActivationEntropy.total(e), ActivationEntropy.total(ActivationEntropy.perNeuron(mirrored, rows, 3, 10)), 1e-12,
                "signed activations (a transformer's): the same counts as their mirror");
        assertThrows(IllegalArgumentException.class, () -> ActivationEntropy.perNeuron(f, rows, 3, 0));
    }
}
