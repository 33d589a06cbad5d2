package org.neuralgraph.core.stats;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

class LabelPropagationCoverTest {

    /** Two cliques of 8 joined by one node that links to both with equal weight. */
    static UndirectedWeights twoCliquesAndABridge() {
        List<int[]> e = new ArrayList<>();
        for (int base : new int[]{0, 8}) for (int u = base; u < base + 8; u++) for (int v = u + 1; v < base + 8; v++) e.add(new int[]{u, v});
        for (int u = 0; u < 4; u++) e.add(new int[]{16, u});
        for (int u = 8; u < 12; u++) e.add(new int[]{16, u});
        return SmallWorldTest.graph(17, e);
    }

    @Test
    void findsTheCliquesAndLetsTheBridgeBelongToBoth() {
        int[][] cover = LabelPropagationCover.copra(twoCliquesAndABridge(), 2, 100, 1);
        Set<Integer> left = new HashSet<>(), right = new HashSet<>();
        for (int u = 0; u < 8; u++) { assertEquals(1, cover[u].length); left.add(cover[u][0]); }
        for (int u = 8; u < 16; u++) { assertEquals(1, cover[u].length); right.add(cover[u][0]); }
        assertEquals(1, left.size());
        assertEquals(1, right.size());
        assertNotEquals(left, right);
        assertEquals(2, cover[16].length, "the bridge node is in both communities");
        double chen = OverlappingModularity.chen(twoCliquesAndABridge(), cover);
        assertTrue(chen > 0.4, "Chen's Q of the found cover: " + chen);
    }

    @Test
    void vOfOneGivesAPartitionAndTheSeedIsKept() {
        int[][] cover = LabelPropagationCover.copra(twoCliquesAndABridge(), 1, 100, 3);
        for (int[] cs : cover) assertEquals(1, cs.length);
        assertArrayEquals(cover, LabelPropagationCover.copra(twoCliquesAndABridge(), 1, 100, 3));
        assertThrows(IllegalArgumentException.class, () -> LabelPropagationCover.copra(twoCliquesAndABridge(), 0, 10, 1));
        // an isolated node keeps its own label
        UndirectedWeights g = SmallWorldTest.graph(3, java.util.Collections.singletonList(new int[]{0, 1}));
        int[][] c = LabelPropagationCover.copra(g, 2, 10, 1);
        assertEquals(1, c[2].length);
        assertNotEquals(c[0][0], c[2][0]);
    }
}
