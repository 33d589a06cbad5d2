package org.neuralgraph.core.stats;

import org.junit.jupiter.api.Test;
import org.neuralgraph.core.progress.ProgressMonitor;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

public class GraphDistancesTest {

    /** A dense feed-forward graph of the given layer sizes; drop > 0 leaves out every drop-th edge. */
    static int[][] layered(int[] sizes, int drop) {
        List<int[]> edges = new ArrayList<>();
        int n = 0;
        int[] first = new int[sizes.length];
        for (int l = 0; l < sizes.length; l++) { first[l] = n; n += sizes[l]; }
        int[] layer = new int[n];
        for (int l = 0; l < sizes.length; l++) for (int i = 0; i < sizes[l]; i++) layer[first[l] + i] = l;
        int k = 0;
        for (int l = 0; l + 1 < sizes.length; l++) {
            for (int i = 0; i < sizes[l]; i++) for (int j = 0; j < sizes[l + 1]; j++) {
                if (drop > 0 && ++k % drop == 0) continue;
                edges.add(new int[]{first[l] + i, first[l + 1] + j});
            }
        }
        int[] s = new int[edges.size()], t = new int[edges.size()];
        for (int e = 0; e < s.length; e++) { s[e] = edges.get(e)[0]; t[e] = edges.get(e)[1]; }
        return new int[][]{s, t, layer};
    }

    @Test
    public void layersGiveTheSearchesFiguresWhenComplete() {
        int[][] g = layered(new int[]{4, 3, 5, 2}, 0);
        int n = g[2].length;
        GraphDistances byLayers = GraphDistances.of(n, g[0], g[1], true, g[2], 2, ProgressMonitor.NONE);
        GraphDistances bySearch = GraphDistances.of(n, g[0], g[1], true, null, 2, ProgressMonitor.NONE);
        assertTrue(byLayers.fromLayers);
        assertFalse(bySearch.fromLayers);
        assertEquals(3, byLayers.diameter);
        assertEquals(bySearch.diameter, byLayers.diameter);
        assertEquals(bySearch.radius, byLayers.radius);
        assertEquals(bySearch.reachablePairs, byLayers.reachablePairs);
        assertEquals(bySearch.averagePathLength, byLayers.averagePathLength, 1e-12);
        assertArrayEquals(bySearch.eccentricity, byLayers.eccentricity, 0);
        assertArrayEquals(bySearch.closeness, byLayers.closeness, 1e-12);
        assertArrayEquals(bySearch.harmonicCloseness, byLayers.harmonicCloseness, 1e-12);
        assertArrayEquals(bySearch.betweenness, byLayers.betweenness, 1e-9);
    }

    @Test
    public void incompleteLayersAreSearched() {
        int[][] g = layered(new int[]{4, 3, 5, 2}, 7);
        assertNull(GraphDistances.fromLayers(g[2].length, g[0], g[1], g[2]));
        GraphDistances d = GraphDistances.of(g[2].length, g[0], g[1], true, g[2], 1, ProgressMonitor.NONE);
        assertFalse(d.fromLayers);
        // an edge that skips a layer is no layered graph either
        assertNull(GraphDistances.fromLayers(3, new int[]{0, 1, 0}, new int[]{1, 2, 2}, new int[]{0, 1, 2}));
    }

    @Test
    public void pathAndDisconnectedPairs() {
        // 0 -> 1 -> 2, 3 -> 4 (directed); unreachable pairs are left out of the mean
        int[] s = {0, 1, 3}, t = {1, 2, 4};
        GraphDistances d = GraphDistances.of(5, s, t, true, null, 2, ProgressMonitor.NONE);
        assertEquals(2, d.diameter);
        assertEquals(0, d.radius);
        assertEquals(4, d.reachablePairs);
        assertEquals((1 + 2 + 1 + 1) / 4.0, d.averagePathLength, 1e-12);
        assertArrayEquals(new double[]{0, 1, 0, 0, 0}, d.betweenness, 0);
        GraphDistances u = GraphDistances.of(5, s, t, false, null, 1, ProgressMonitor.NONE);
        assertEquals(8, u.reachablePairs);
        assertEquals(1, u.radius);
        assertArrayEquals(new double[]{0, 1, 0, 0, 0}, u.betweenness, 0);
        assertArrayEquals(new double[]{2, 1, 2, 1, 1}, u.eccentricity, 0);
    }
}
