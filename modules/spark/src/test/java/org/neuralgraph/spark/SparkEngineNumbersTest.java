package org.neuralgraph.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuralgraph.core.backbone.DisparityFilter;
import org.neuralgraph.core.graph.Names;
import org.neuralgraph.core.graph.NeuralGraph;
import org.neuralgraph.core.progress.ProgressMonitor;
import org.neuralgraph.dl4j.TrainingRun;
import org.neuralgraph.pipeline.kind.CheckpointInputs;
import org.neuralgraph.pipeline.kind.GraphKind;
import org.neuralgraph.pipeline.kind.GraphKinds;
import org.neuralgraph.pipeline.kind.WeightGraphKind;
import org.neuralgraph.pipeline.model.ModelRequest;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every number of the Spark engine against the in-memory path on the same model, in local[2]: the edge table against the
 * weights study's graph (WeightGraphKind), degrees and strengths and per-layer statistics against sums over its arrays
 * (1e-9 relative), the backbone against core's DisparityFilter over the arrays (the same edge set), components against a
 * union-find. Two models: an ONNX MLP (the table streamed from its initializers) and an ONNX LeNet (convolution channels,
 * the table written from the in-memory graph).
 */
class SparkEngineNumbersTest {

    static final Path ONNX = Paths.get("../dl4j/src/test/resources/onnx");
    static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = SparkSessions.start("local[2]", false);
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    /** The in-memory path's weight graph of {@code file}: the weights study's own graph kind. */
    static NeuralGraph inMemory(Path file, Path dir) throws Exception {
        ModelRequest r = new ModelRequest(file.toString());
        TrainingRun run = r.open(dir.resolve("run"), ProgressMonitor.NONE);
        GraphKind kind = GraphKinds.get(WeightGraphKind.ID);
        return kind.build(new CheckpointInputs(run, 0, null, 42), kind.values(Collections.emptyMap()), ProgressMonitor.NONE);
    }

    @Test
    void anOnnxMlpStreamedLayerByLayerGivesTheInMemoryNumbers(@TempDir Path dir) throws Exception {
        Path file = ONNX.resolve("torch_mlp.onnx");
        NeuralGraph g = inMemory(file, dir);
        OnnxDenseStream stream = OnnxDenseStream.plan(file);
        assertNotNull(stream, "an MLP is streamed");
        String root = dir.resolve("table").toUri().toString();
        try (EdgeTable t = EdgeTable.create(root, spark.sparkContext().hadoopConfiguration())) {
            stream.write(t);
        }
        sameTable(g, root);
        sameNumbers(g, root);
    }

    @Test
    void aCnnWrittenFromTheInMemoryGraphGivesTheInMemoryNumbers(@TempDir Path dir) throws Exception {
        Path file = ONNX.resolve("torch_lenet.onnx");
        assertNull(OnnxDenseStream.plan(file), "a convolution is not streamed");
        NeuralGraph g = inMemory(file, dir);
        String root = dir.resolve("table").toUri().toString();
        try (EdgeTable t = EdgeTable.create(root, spark.sparkContext().hadoopConfiguration())) {
            GraphEdgeSource.write(g, t);
        }
        sameTable(g, root);
        sameNumbers(g, root);
    }

    /** The table holds the graph's nodes (id, layer) and edges (weight, value) exactly. */
    static void sameTable(NeuralGraph g, String root) {
        List<Row> nodes = spark.read().parquet(root + "/nodes").select("id", "node_id", "layer").orderBy("id").collectAsList();
        assertEquals(g.nodeCount(), nodes.size());
        int[] layer = g.nodeColumns().get(Names.LAYER).ints();
        for (int v = 0; v < g.nodeCount(); v++) {
            assertEquals(g.nodeId(v), nodes.get(v).getString(1));
            assertEquals(layer[v], nodes.get(v).getInt(2));
        }
        Map<Long, double[]> edges = new HashMap<>();
        double[] value = g.edgeColumns().get(Names.VALUE).doubles();
        for (int e = 0; e < g.edgeCount(); e++) edges.put(key(g.source(e), g.target(e)), new double[]{g.weight(e), value[e], layer[g.target(e)]});
        List<Row> rows = spark.read().parquet(root + "/edges").select("src", "dst", "weight", "value", "layer").collectAsList();
        assertEquals(g.edgeCount(), rows.size());
        for (Row r : rows) {
            double[] x = edges.get(key(r.getInt(0), r.getInt(1)));
            assertNotNull(x, "edge " + r);
            assertEquals(x[0], r.getDouble(2), 0.0);
            assertEquals(x[1], r.getDouble(3), 0.0);
            assertEquals((int) x[2], r.getInt(4));
        }
    }

    static void sameNumbers(NeuralGraph g, String root) {
        Dataset<Row> edges = spark.read().parquet(root + "/edges");
        Dataset<Row> nodes = spark.read().parquet(root + "/nodes");
        int n = g.nodeCount(), m = g.edgeCount();
        int[] src = g.sources(), dst = g.targets();
        double[] w = g.weights(), value = g.edgeColumns().get(Names.VALUE).doubles();
        int[] layer = g.nodeColumns().get(Names.LAYER).ints();

        // degrees and strengths
        long[] kOut = new long[n], kIn = new long[n];
        double[] sOut = new double[n], sIn = new double[n];
        for (int e = 0; e < m; e++) { kOut[src[e]]++; kIn[dst[e]]++; sOut[src[e]] += w[e]; sIn[dst[e]] += w[e]; }
        List<Row> stats = NodeStatistics.of(nodes, edges).orderBy("id").collectAsList();
        assertEquals(n, stats.size());
        for (int v = 0; v < n; v++) {
            Row r = stats.get(v);
            assertEquals(v, r.getInt(0));
            assertEquals(kOut[v], r.getLong(2), "out-degree of " + v);
            assertEquals(kIn[v], r.getLong(3), "in-degree of " + v);
            close(sOut[v], r.getDouble(4), "out-strength of " + v);
            close(sIn[v], r.getDouble(5), "in-strength of " + v);
        }
        Map<Long, Long> dist = NodeStatistics.distribution(NodeStatistics.of(nodes, edges), "out_degree");
        Map<Long, Long> want = new HashMap<>();
        for (long k : kOut) want.merge(k, 1L, Long::sum);
        assertEquals(want, new HashMap<>(dist));

        // per-layer statistics of the weights
        for (LayerStatistics.Layer l : LayerStatistics.of(edges)) {
            long count = 0;
            double sum = 0, sumV = 0, min = Double.MAX_VALUE, max = -Double.MAX_VALUE, minV = Double.MAX_VALUE, maxV = -Double.MAX_VALUE;
            for (int e = 0; e < m; e++) {
                if (layer[dst[e]] != l.layer) continue;
                count++; sum += w[e]; sumV += value[e];
                min = Math.min(min, w[e]); max = Math.max(max, w[e]); minV = Math.min(minV, value[e]); maxV = Math.max(maxV, value[e]);
            }
            double mean = sum / count, meanV = sumV / count, ss = 0, ssV = 0;
            for (int e = 0; e < m; e++) {
                if (layer[dst[e]] != l.layer) continue;
                ss += (w[e] - mean) * (w[e] - mean);
                ssV += (value[e] - meanV) * (value[e] - meanV);
            }
            assertEquals(count, l.count);
            close(mean, l.meanAbs, "mean |w|");
            close(Math.sqrt(ss / count), l.stdAbs, "std |w|");
            close(sum, l.sumAbs, "sum |w|");
            assertEquals(min, l.minAbs, 0.0);
            assertEquals(max, l.maxAbs, 0.0);
            close(meanV, l.mean, "mean w");
            close(Math.sqrt(ssV / count), l.std, "std w");
            assertEquals(minV, l.min, 0.0);
            assertEquals(maxV, l.max, 0.0);
        }

        // the disparity backbone: the same edge set
        for (double level : new double[]{0.05}) {
            boolean[] keep = DisparityFilter.at(level).filter(src, dst, w, n, true).keep();
            Set<Long> want2 = new HashSet<>();
            for (int e = 0; e < m; e++) if (keep[e]) want2.add(key(src[e], dst[e]));
            Set<Long> got = new HashSet<>();
            for (Row r : DisparityBackbone.keep(DisparityBackbone.scored(edges), level).select("src", "dst").collectAsList()) {
                got.add(key(r.getInt(0), r.getInt(1)));
            }
            assertTrue(!want2.isEmpty() && want2.size() < m, "a backbone between empty and whole at " + level + ": " + want2.size());
            assertEquals(want2, got, "backbone at alpha " + level);

            // components of the backbone and of the whole graph against a union-find
            int[] bs = new int[want2.size()], bd = new int[want2.size()];
            int i = 0;
            for (int e = 0; e < m; e++) if (keep[e]) { bs[i] = src[e]; bd[i++] = dst[e]; }
            WeakComponents.Result c = WeakComponents.of(nodes, DisparityBackbone.keep(DisparityBackbone.scored(edges), level));
            assertEquals(UnionFind.components(n, bs, bd), c.components, "backbone components at " + level);
        }
        assertEquals(UnionFind.components(n, src, dst), WeakComponents.of(nodes, edges).components);
    }

    static long key(int s, int d) { return ((long) s << 32) | (d & 0xffffffffL); }

    static void close(double want, double got, String what) {
        assertEquals(want, got, 1e-9 * Math.max(1e-12, Math.abs(want)), what);
    }

    /** Weakly connected components by union-find with path halving. */
    static final class UnionFind {
        static long components(int n, int[] src, int[] dst) {
            int[] p = new int[n];
            for (int i = 0; i < n; i++) p[i] = i;
            int c = n;
            for (int e = 0; e < src.length; e++) {
                int a = find(p, src[e]), b = find(p, dst[e]);
                if (a != b) { p[a] = b; c--; }
            }
            return c;
        }

        static int find(int[] p, int x) {
            while (p[x] != x) { p[x] = p[p[x]]; x = p[x]; }
            return x;
        }
    }
}
