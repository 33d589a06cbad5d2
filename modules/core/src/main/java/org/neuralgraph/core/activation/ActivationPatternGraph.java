package org.neuralgraph.core.activation;

import org.neuralgraph.core.graph.Names;
import org.neuralgraph.core.graph.NeuralGraph;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The activation pattern graph of one fully connected layer (Mostafa and Mondal, Section 5.1, Eq. 6-7).
 * <ol>
 *   <li>V_i(q), the mean activation of neuron q over the samples D_i of class i (Eq. 6).</li>
 *   <li>N_i, the S neurons with the highest V_i (ties: the lower neuron index first). The vertex set is the union of
 *       the N_i; a neuron's classes {i : q in N_i} are its overlapping cover (Section 7.1's "representative"
 *       neurons), written as the node column {@code classes}, e.g. {@code 3|7}.</li>
 *   <li>For class i and two neurons p != q of N_i, delta_pq = the number of samples d in D_i on which <em>both</em>
 *       v(p, d) &gt; V_i(p) and v(q, d) &gt; V_i(q). The paper's formula names only p, but its text says "both p and q
 *       obtain activation values that are larger than their individual average activation values", and only the
 *       two-sided count measures simultaneous activation, so we follow the text.</li>
 *   <li>a_pq = delta_pq / |D_i| (Eq. 7), and the graph's weight is A = sum_i A_i: the sum over the classes whose N_i
 *       hold both neurons. Pairs with A = 0 get no edge.</li>
 * </ol>
 * Our choices where the paper is silent: the graph is undirected and has no self-loops (Eq. 7's diagonal,
 * delta_pp, is how often p alone is above its mean; it says nothing about a pair, and as a self-loop it would only
 * inflate p's strength in Eq. 2-4); the comparison is strict ({@code >}), so a neuron that is constant on a class,
 * dead ones included, is never "above its mean" and has no edges from that class.
 *
 * <p>Errors rather than guesses: a class with no samples (V_i is 0/0) and S larger than the layer are refused with
 * a message naming them. Activations that are all zero give the documented result of a graph with the N_i as nodes
 * (chosen by index, as all means tie) and no edges.
 *
 * <p>Cost: one pass over the matrix for the means, then per class a bit set of "above the mean" over its samples for
 * each of its S neurons and a popcount of their intersection per pair: O(|D| n + |D| S + classes S^2 |D_i| / 64).
 */
public final class ActivationPatternGraph {

    /** The paper's S (Section 7: "we took 50 neurons per class"; 25 and 100 gave similar results). */
    public static final int DEFAULT_S = 50;

    private final NeuralGraph graph;
    private final int[] neuronOfNode;
    private final int[][] cover;
    private final int[][] representatives;
    private final double[][] classMeans;
    private final int[] classSizes;

    private ActivationPatternGraph(NeuralGraph graph, int[] neuronOfNode, int[][] cover, int[][] representatives,
                                   double[][] classMeans, int[] classSizes) {
        this.graph = graph;
        this.neuronOfNode = neuronOfNode;
        this.cover = cover;
        this.representatives = representatives;
        this.classMeans = classMeans;
        this.classSizes = classSizes;
    }

    /**
     * Builds the graph of Eq. 7.
     *
     * @param s neurons per class, 1 &lt;= S &lt;= the layer's width
     * @throws IllegalArgumentException for S out of range or a class without samples
     */
    public static ActivationPatternGraph build(LayerActivations a, int s) {
        int n = a.neurons(), classes = a.classes();
        if (s < 1 || s > n) {
            throw new IllegalArgumentException("S (neurons per class) must be between 1 and the width of layer " + a.layerName()
                    + " (" + n + " neurons), got " + s);
        }
        int[] size = a.classSizes();
        for (int i = 0; i < classes; i++) {
            if (size[i] == 0) {
                throw new IllegalArgumentException("class " + i + " has no samples in the recorded data, so its mean activation "
                        + "V_i (Eq. 6) is undefined; record on data that holds every class");
            }
        }
        double[][] mean = classMeans(a, size);
        int[][] top = new int[classes][];
        for (int i = 0; i < classes; i++) top[i] = topS(mean[i], s);

        // vertex set: the union of the N_i, in neuron order
        TreeMap<Integer, java.util.List<Integer>> classesOf = new TreeMap<>();
        for (int i = 0; i < classes; i++) for (int q : top[i]) classesOf.computeIfAbsent(q, k -> new java.util.ArrayList<>()).add(i);
        int u = classesOf.size();
        int[] neuron = new int[u];
        int[][] cover = new int[u][];
        Map<Integer, Integer> node = new HashMap<>();
        int v = 0;
        for (Map.Entry<Integer, java.util.List<Integer>> e : classesOf.entrySet()) {
            neuron[v] = e.getKey();
            cover[v] = e.getValue().stream().mapToInt(Integer::intValue).toArray();
            node.put(e.getKey(), v++);
        }

        // A = sum_i delta^(i) / |D_i| over the pairs of N_i, accumulated per unordered node pair
        Map<Long, double[]> weight = new HashMap<>();
        int[][] rowsOf = rowsByClass(a.labels(), size);
        for (int i = 0; i < classes; i++) {
            long[][] above = aboveMean(a, rowsOf[i], top[i], mean[i]);
            for (int x = 0; x < s; x++) {
                for (int y = x + 1; y < s; y++) {
                    int delta = intersection(above[x], above[y]);
                    if (delta == 0) continue;
                    int p = node.get(top[i][x]), q = node.get(top[i][y]);
                    long key = p < q ? (long) p * u + q : (long) q * u + p;
                    weight.computeIfAbsent(key, k -> new double[1])[0] += delta / (double) size[i];
                }
            }
        }
        return new ActivationPatternGraph(toGraph(a, s, neuron, cover, mean, weight), neuron, cover, top, mean, size);
    }

    /** Eq. 6 for every class and neuron, in one pass over the rows. */
    static double[][] classMeans(LayerActivations a, int[] size) {
        int n = a.neurons();
        double[][] sum = new double[a.classes()][n];
        float[] f = a.values();
        int[] y = a.labels();
        for (int d = 0; d < a.samples(); d++) {
            double[] row = sum[y[d]];
            for (int q = 0, o = d * n; q < n; q++, o++) row[q] += f[o];
        }
        for (int i = 0; i < sum.length; i++) for (int q = 0; q < n; q++) sum[i][q] /= size[i];
        return sum;
    }

    /** The S neurons with the highest mean, highest first; ties broken by the lower index. */
    static int[] topS(double[] mean, int s) {
        Integer[] order = new Integer[mean.length];
        for (int q = 0; q < order.length; q++) order[q] = q;
        Arrays.sort(order, (p, q) -> mean[p] != mean[q] ? Double.compare(mean[q], mean[p]) : Integer.compare(p, q));
        int[] top = new int[s];
        for (int k = 0; k < s; k++) top[k] = order[k];
        return top;
    }

    private static int[][] rowsByClass(int[] labels, int[] size) {
        int[][] rows = new int[size.length][];
        int[] fill = new int[size.length];
        for (int i = 0; i < size.length; i++) rows[i] = new int[size[i]];
        for (int d = 0; d < labels.length; d++) rows[labels[d]][fill[labels[d]]++] = d;
        return rows;
    }

    /** For each neuron of N_i, the bit set over D_i of the samples where it is above its class mean. */
    private static long[][] aboveMean(LayerActivations a, int[] rows, int[] top, double[] mean) {
        int words = (rows.length + 63) >>> 6, n = a.neurons();
        float[] f = a.values();
        long[][] bits = new long[top.length][words];
        for (int r = 0; r < rows.length; r++) {
            int o = rows[r] * n;
            for (int x = 0; x < top.length; x++) {
                if (f[o + top[x]] > mean[top[x]]) bits[x][r >>> 6] |= 1L << (r & 63);
            }
        }
        return bits;
    }

    private static int intersection(long[] p, long[] q) {
        int c = 0;
        for (int w = 0; w < p.length; w++) c += Long.bitCount(p[w] & q[w]);
        return c;
    }

    private static NeuralGraph toGraph(LayerActivations a, int s, int[] neuron, int[][] cover, double[][] mean, Map<Long, double[]> weight) {
        int u = neuron.length, classes = a.classes();
        NeuralGraph.Builder b = new NeuralGraph.Builder(false).capacity(u, weight.size());
        int[] layer = new int[u];
        String[] coverText = new String[u];
        int[] overlap = new int[u];
        double[][] meanCol = new double[classes][u];
        for (int v = 0; v < u; v++) {
            b.addNode("L" + a.layer() + "N" + neuron[v], a.layerName() + " #" + neuron[v]);
            layer[v] = a.layer();
            coverText[v] = coverLabel(cover[v]);
            overlap[v] = cover[v].length;
            for (int i = 0; i < classes; i++) meanCol[i][v] = mean[i][neuron[v]];
        }
        long[] keys = weight.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
        for (long k : keys) b.addEdge((int) (k / u), (int) (k % u), weight.get(k)[0]);
        b.nodeColumn(Names.LAYER, NeuralGraph.Column.ofInts("Layer", layer));
        b.nodeColumn("neuron", NeuralGraph.Column.ofInts("Neuron index", neuron));
        b.nodeColumn(Names.CLASSES, NeuralGraph.Column.ofStrings("Classes represented (cover)", coverText));
        b.nodeColumn("class_count", NeuralGraph.Column.ofInts("Number of classes represented", overlap));
        for (int i = 0; i < classes; i++) b.nodeColumn("mean_class_" + i, NeuralGraph.Column.ofDoubles("Mean activation, class " + i, meanCol[i]));
        b.graphAttribute(Names.GRAPH_KIND, "activation pattern graph (Mostafa and Mondal, Eq. 6-7)");
        b.graphAttribute(Names.LAYER, a.layer());
        b.graphAttribute(Names.LAYER_NAME, a.layerName());
        b.graphAttribute("neurons_per_class_S", s);
        b.graphAttribute("samples", a.samples());
        b.graphAttribute(Names.CLASSES, classes);
        return b.build();
    }

    /** A node's classes as the {@code classes} column writes them, e.g. {@code 3|7}. */
    public static String coverLabel(int[] classes) {
        StringBuilder sb = new StringBuilder();
        for (int c : classes) sb.append(sb.length() == 0 ? "" : "|").append(c);
        return sb.toString();
    }

    public NeuralGraph graph() { return graph; }
    /** The layer's neuron index of each node. */
    public int[] neuronOfNode() { return neuronOfNode.clone(); }
    /** The classes each node represents, ascending: the overlapping cover of Eq. 3-4, communities = classes. */
    public int[][] cover() { return cover; }
    /** N_i: the S neurons of class i, highest mean first. */
    public int[] representatives(int classIndex) { return representatives[classIndex].clone(); }
    /** V_i(q) (Eq. 6), {@code [class][neuron]}. */
    public double[][] classMeans() { return classMeans; }
    public int[] classSizes() { return classSizes.clone(); }
    public int classes() { return classMeans.length; }
}
