package org.neuralgraph.core.mapper;

import org.neuralgraph.core.cycles.MainCycle;
import org.junit.jupiter.api.Test;
import org.neuralgraph.core.graph.NeuralGraph;

import java.util.Arrays;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** Mapper graphs of clouds whose shape is known. */
class MapperGraphTest {

    private static final MapperParameters ONE_PCA = MapperParameters.defaults().withLens(Lens.pca(1));

    @Test
    void aNoisyCircleWithTheFirstPrincipalComponentIsOneRing() {
        MapperResult r = MapperGraph.build(MapperFixtures.noisyCircle(200, 0.05, 1), ONE_PCA);
        assertEquals(1, r.components());
        assertEquals(1, r.cycleRank());
        assertEquals(1, r.betti1());
        assertTrue(r.largestCycle() >= 14 && r.largestCycle() <= r.nodeCount(), "two arcs per inner interval: " + r.largestCycle());
        Map<String, Object> a = r.graph().graphAttributes();
        assertEquals(1, a.get("cycle_rank"));
        assertEquals(1, a.get("components"));
        assertEquals(r.largestCycle(), a.get("largest_cycle"));
    }

    @Test
    void theSameCircleRotatedIntoR25IsOneRingToo() {
        double[][] circle = MapperFixtures.noisyCircle(200, 0.05, 1);
        MapperResult flat = MapperGraph.build(circle, ONE_PCA);
        MapperResult r = MapperGraph.build(MapperFixtures.embed(circle, 25, 9), ONE_PCA);
        assertEquals(1, r.components());
        assertEquals(1, r.cycleRank());
        assertEquals(flat.nodeCount(), r.nodeCount(), "PCA recovers the plane");
        assertTrue(r.graph().nodeColumns().containsKey("orientation"), "25 = 5 x 5 values: orientation is reported");
        assertFalse(flat.graph().nodeColumns().containsKey("orientation"), "2 values are no square image");
    }

    @Test
    void withTheDefaultTwoLensesTheCircleIsOneLoopWhoseCellsAddTriangles() {
        MapperResult r = MapperGraph.build(MapperFixtures.noisyCircle(200, 0.05, 1), MapperParameters.defaults());
        assertEquals(1, r.components());
        assertEquals(1, r.betti1(), "one hole once the nerve's triangles are filled");
        assertTrue(r.cycleRank() > 1, "points in 2 x 2 overlapping cells make K4s, each adding 3 to the cycle rank");
        assertTrue(r.largestCycle() >= 12, "the ring itself: " + r.largestCycle());
        int[] basis = r.cycleBasisLengths();
        assertEquals(r.cycleRank(), basis.length);
        assertEquals(1, Arrays.stream(basis).filter(len -> len > 4).count(), "one long cycle, the rest small: " + Arrays.toString(basis));
    }

    @Test
    void twoSeparatedBlobsAreTwoComponents() {
        for (int dim : new int[]{2, 25}) {
            MapperResult r = MapperGraph.build(MapperFixtures.twoBlobs(300, dim, 12, 5), ONE_PCA);
            assertEquals(2, r.components(), "dimension " + dim);
            assertEquals(0, r.betti1());
        }
    }

    @Test
    void edgeWeightsCountSharedPointsAndColumnsDescribeTheClusters() {
        double[][] pts = MapperFixtures.embed(MapperFixtures.noisyCircle(200, 0.05, 1), 25, 9);
        MapperResult r = MapperGraph.build(pts, MapperParameters.defaults());
        NeuralGraph g = r.graph();
        assertFalse(g.isDirected());
        for (int e = 0; e < g.edgeCount(); e++) {
            int[] a = r.members(g.source(e)), b = r.members(g.target(e));
            long shared = Arrays.stream(a).filter(x -> Arrays.binarySearch(b, x) >= 0).count();
            assertEquals(shared, (long) g.weight(e));
            assertTrue(shared > 0);
        }
        int[] size = g.nodeColumns().get("size").ints();
        String[] members = g.nodeColumns().get("members").strings();
        String[] mean = g.nodeColumns().get("mean_filter").strings();
        for (int v = 0; v < g.nodeCount(); v++) {
            int[] m = r.members(v);
            assertEquals(m.length, size[v]);
            assertEquals(Arrays.stream(m).mapToObj(String::valueOf).reduce((x, y) -> x + " " + y).orElse(""), members[v]);
            assertTrue(g.nodeId(v).matches("c" + r.element(v) + "_\\d+"), g.nodeId(v));
            double[] avg = new double[25];
            for (int i : m) for (int j = 0; j < 25; j++) avg[j] += pts[i][j] / m.length;
            assertArrayEquals(avg, r.mean(v), 1e-12);
            assertEquals(25, mean[v].split(" ").length);
            assertEquals(avg[0], Double.parseDouble(mean[v].split(" ")[0]), 5e-4);
        }
        assertEquals(g.nodeCount(), g.nodeColumns().get("lens_1").size());
        assertTrue(g.nodeColumns().containsKey("lens_2"));
        Map<String, Object> a = g.graphAttributes();
        assertEquals("mapper graph", a.get("graph_kind"));
        assertEquals("variance-normalised Euclidean", a.get("metric"));
        assertEquals("PCA, 2 components", a.get("lens"));
        assertEquals(10, a.get("intervals"));
        assertEquals(0.5, a.get("overlap"));
        assertTrue(((String) a.get("clustering")).contains("epsilon ="), (String) a.get("clustering"));
        assertEquals(5, a.get("density_k"));
        assertEquals(20.0, a.get("density_percent"));
        assertEquals(200, a.get("points"));
        assertEquals(0L, a.get("seed"));
        assertEquals(g.edgeCount() - g.nodeCount() + r.components(), a.get("cycle_rank"));
    }

    @Test
    void identicalPointsAreOneNode() {
        double[][] same = new double[30][];
        for (int i = 0; i < same.length; i++) same[i] = new double[]{0.5, -2, 7};
        MapperResult r = MapperGraph.build(same, MapperParameters.defaults());
        assertEquals(1, r.nodeCount(), "constant lens: one cover element; all distances 0: one cluster");
        assertEquals(0, r.graph().edgeCount());
        assertEquals(30, r.members(0).length);
        assertEquals(1, r.components());
        assertEquals(0, r.cycleRank());
        assertEquals(0, r.largestCycle());
        assertArrayEquals(new double[]{0.5, -2, 7}, r.mean(0), 0);
    }

    @Test
    void anEmptyCoverElementMakesNoNode() {
        // points along a line with a gap: lens 1 in [0, 3] and [7, 10]; 10 intervals at overlap 0.2 leave the middle
        // empty. The second column is constant: variance 0, weight 0 in the variance-normalised metric.
        double[][] pts = new double[80][];
        for (int i = 0; i < 40; i++) pts[i] = new double[]{3.0 * i / 39, 1};
        for (int i = 40; i < 80; i++) pts[i] = new double[]{7 + 3.0 * (i - 40) / 39, 1};
        MapperResult r = MapperGraph.build(pts, ONE_PCA.withOverlap(0.2));
        assertEquals(2, r.components());
        assertEquals(0, r.cycleRank());
        int elements = (Integer) r.graph().graphAttributes().get("cover_elements");
        assertTrue(elements < 10, "empty elements are skipped: " + elements);
        for (int v = 0; v < r.nodeCount(); v++) assertTrue(r.members(v).length > 0);
    }

    @Test
    void fewerPointsThanKIsAClearError() {
        double[][] filters = MapperFixtures.edgeFilters(5, 0.1, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MapperGraph.ofFilters(filters, null, MapperParameters.defaults()));
        assertTrue(e.getMessage().contains("k = 5") && e.getMessage().contains("n = 5"), e.getMessage());
        double[][] pts = {{0, 0}, {1, 0}, {0, 1}};
        assertThrows(IllegalArgumentException.class, () -> MapperGraph.build(pts, MapperParameters.defaults().withLens(Lens.neighbourhood(5))));
        MapperResult tiny = MapperGraph.build(pts, MapperParameters.defaults());
        assertTrue(tiny.nodeCount() >= 1, "PCA needs no neighbours: three points still make a graph");
    }

    @Test
    void theCycleBasisIsSkippedForVeryDenseGraphs() {
        java.util.Random r = new java.util.Random(2);
        double[][] pts = new double[300][3];
        for (double[] p : pts) for (int j = 0; j < 3; j++) p[j] = r.nextGaussian();
        MapperResult m = MapperGraph.build(pts, MapperParameters.defaults().withIntervals(12).withOverlap(0.8));
        assertTrue(m.cycleRank() > MapperGraph.MAX_BASIS_RANK, "each point in up to 5 x 5 elements: " + m.cycleRank());
        assertEquals(-1, m.largestCycle());
        assertNull(m.cycleBasisLengths());
        assertEquals(-1, m.graph().graphAttributes().get("largest_cycle"));
    }

    @Test
    void idsAreCheckedAndUsed() {
        double[][] pts = {{0, 0}, {0.1, 0}, {5, 5}};
        MapperResult r = MapperGraph.build(pts, new String[]{"f0", "f1", "f2"}, MapperParameters.defaults().withIntervals(1));
        assertEquals("f0 f1", r.graph().nodeColumns().get("members").strings()[0]);
        assertThrows(IllegalArgumentException.class, () -> MapperGraph.build(pts, new String[]{"a", "b"}, MapperParameters.defaults()));
        assertThrows(IllegalArgumentException.class, () -> MapperGraph.build(pts, new String[]{"a", "b c", "d"}, MapperParameters.defaults()));
        assertThrows(IllegalArgumentException.class, () -> MapperGraph.build(new double[][]{{0, 1}, {2}}, MapperParameters.defaults()));
    }

    @Test
    void edgeFiltersMakeARingOfOrientations() {
        // Section 7's scale: 6,400 filters, the densest 20 % (1,280) enter the Mapper
        double[][] filters = MapperFixtures.edgeFilters(6400, 0.1, 3);
        String[] ids = new String[filters.length];
        for (int i = 0; i < ids.length; i++) ids[i] = "m" + i / 64 + "_ch" + i % 64;
        MapperResult r = MapperGraph.ofFilters(filters, ids, MapperParameters.defaults());
        assertEquals(1280, r.points().length);
        assertEquals(1, r.components());
        assertEquals(1, r.betti1());
        double[] orientation = r.graph().nodeColumns().get("orientation").doubles();
        double min = Arrays.stream(orientation).min().orElse(0), max = Arrays.stream(orientation).max().orElse(0);
        assertTrue(min < 20 && max > 160, "the nodes turn through all orientations: " + min + " to " + max);
        assertTrue(r.graph().nodeColumns().get("members").strings()[0].startsWith("m"), "caller's ids");
        for (int v = 0; v < r.nodeCount(); v++) for (int i : r.members(v)) assertTrue(Arrays.binarySearch(r.points(), i) >= 0);
        assertTrue(((String) r.graph().graphAttributes().get("preprocessing")).contains("1280 of 6400"));
        // the ring is the primary circle: around the PCA plane in the order of the gradient direction
        assertTrue(r.lensCircle().r() > 0.95, "lens circle r = " + r.lensCircle().r());
        assertEquals(r.lensCircle().r(), (Double) r.graph().graphAttributes().get("lens_circle_r"), 0);
        double[] direction = r.graph().nodeColumns().get("gradient_direction").doubles();
        assertTrue(Arrays.stream(direction).min().orElse(0) < 30 && Arrays.stream(direction).max().orElse(0) > 330,
                "the nodes' gradient directions go round the whole circle");
        NeuralGraph g = r.graph();
        int[] ring = MainCycle.winding(g.nodeCount(), g.sources(), g.targets(), direction, 360, 60);
        assertTrue(ring.length >= 7, "a ring along which the direction winds once in small steps: " + ring.length + " nodes");
    }
}
