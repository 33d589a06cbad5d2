package org.neuralgraph.dl4j;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DepthwiseConvolution2D;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.neuralgraph.core.dag.DagLayer;
import org.neuralgraph.core.dag.NetworkDag;
import org.neuralgraph.core.dag.Source;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A DL4J {@link ComputationGraph} as a {@link NetworkDag}, so that a residual CNN has a weight graph
 * ({@link org.neuralgraph.core.dag.DagWeightGraph}). Vertices in DL4J's topological order become:
 * <ul>
 *   <li>a {@link ConvolutionLayer}: a convolution ({@code W [out, in, kH, kW]}, DL4J's order and the DAG's);</li>
 *   <li>a {@link DepthwiseConvolution2D}: a convolution of as many groups as input channels (DL4J's
 *       {@code W [kH, kW, in, multiplier]} reordered; output channel {@code c * multiplier + m} reads channel c);</li>
 *   <li>a dense or output layer: a dense layer ({@code W [nIn, nOut]}); reading flattened maps, it groups its
 *       {@code nIn / channels} consecutive inputs by channel;</li>
 *   <li>an {@link ElementWiseVertex} Add: an addition (He et al. 2016, Eq. 1), which makes no units;</li>
 *   <li>a {@link BatchNormalization} right after a convolution or dense layer that feeds nothing else: folded into it, as
 *       at inference (Ioffe and Szegedy 2015, Sec. 3.1: y = gamma (x - mean) / sqrt(var + eps) + beta, so
 *       w' = w gamma / sqrt(var + eps) per output unit and b' = (b - mean) gamma / sqrt(var + eps) + beta); anywhere else
 *       passed over;</li>
 *   <li>activation, pooling and global pooling layers: passed over (their units are those of the layer they read).</li>
 * </ul>
 * Other vertices (merges, subsets, ...) are refused naming the vertex. A layer's block is its vertex name up to the first
 * {@code _} ({@code L3} for {@code L3_conv1}, the residual block of {@link GraphModelFactory}).
 */
public final class Dl4jDag {

    private Dl4jDag() { }

    /**
     * The network DAG of {@code graph} (weights copied as doubles).
     *
     * @throws IllegalArgumentException naming the vertex that cannot be converted, or a layer with a non-finite weight
     */
    public static NetworkDag of(ComputationGraph graph, String modelName) {
        ComputationGraphConfiguration conf = graph.getConfiguration();
        if (conf.getNetworkInputs().size() != 1) throw new IllegalArgumentException("model " + modelName + " has " + conf.getNetworkInputs().size() + " inputs; one is read");
        Map<String, Integer> consumers = new HashMap<>();
        for (List<String> ins : conf.getVertexInputs().values()) for (String in : ins) consumers.merge(in, 1, Integer::sum);
        List<DagLayer> layers = new ArrayList<>();
        Map<String, Integer> at = new HashMap<>(); // vertex -> the DAG layer whose units it carries
        Set<String> passedOver = new TreeSet<>();
        String inputName = conf.getNetworkInputs().get(0);
        for (int index : graph.topologicalSortOrder()) {
            String name = graph.getVertices()[index].getVertexName();
            if (name.equals(inputName)) continue; // added with the first layer that reads it, whose nIn gives its units
            GraphVertex v = conf.getVertices().get(name);
            List<String> ins = conf.getVertexInputs().get(name);
            if (v instanceof ElementWiseVertex) {
                if (((ElementWiseVertex) v).getOp() != ElementWiseVertex.Op.Add) {
                    throw new IllegalArgumentException("vertex '" + name + "' (ElementWiseVertex " + ((ElementWiseVertex) v).getOp() + ") is not supported in a weight graph; only Add (a residual connection)");
                }
                DagLayer.Builder b = null;
                for (String in : ins) {
                    DagLayer from = layers.get(at.get(in));
                    if (b == null) b = new DagLayer.Builder(name, "ElementWiseVertex(Add)", DagLayer.Kind.ADD, from.units()).block(block(name));
                    b.input(Source.all(at.get(in), from.units()));
                }
                at.put(name, layers.size());
                layers.add(b.build());
                continue;
            }
            if (!(v instanceof LayerVertex)) {
                throw new IllegalArgumentException("vertex '" + name + "' (" + v.getClass().getSimpleName() + ") is not supported in a weight graph");
            }
            org.deeplearning4j.nn.conf.layers.Layer lc = ((LayerVertex) v).getLayerConf().getLayer();
            String in = ins.get(0);
            boolean weighted = lc instanceof ConvolutionLayer || (lc instanceof FeedForwardLayer && !(lc instanceof BatchNormalization)
                    && graph.getLayer(name).getParam("W") != null);
            if (!weighted) {
                if (lc instanceof BatchNormalization && at.containsKey(in) && folds(name, in, conf, consumers)) {
                    at.put(name, at.get(in)); // folded when the layer it follows was built
                } else {
                    String act = lc instanceof org.deeplearning4j.nn.conf.layers.ActivationLayer
                            ? ((org.deeplearning4j.nn.conf.layers.ActivationLayer) lc).getActivationFn().toString().toLowerCase(Locale.ROOT) : null;
                    passedOver.add(lc.getClass().getSimpleName() + (act == null ? "" : "(" + act + ")"));
                    at.put(name, at.get(in));
                }
                continue;
            }
            if (!at.containsKey(in)) { // the network's input
                long nIn = ((FeedForwardLayer) lc).getNIn();
                at.put(in, layers.size());
                layers.add(new DagLayer.Builder(in, "input", DagLayer.Kind.INPUT, (int) nIn).build());
            }
            int src = at.get(in);
            DagLayer from = layers.get(src);
            String bn = foldedBatchNorm(name, conf, consumers);
            at.put(name, layers.size());
            layers.add(layer(graph, name, lc, src, from, bn == null ? null : graph.getLayer(bn), modelName));
        }
        return new NetworkDag(modelName, "input of " + layers.get(0).units() + " channels or values", layers, passedOver);
    }

    /** True when batch normalisation {@code bn} reads a weighted layer {@code in} that feeds it alone. */
    private static boolean folds(String bn, String in, ComputationGraphConfiguration conf, Map<String, Integer> consumers) {
        return bn.equals(foldedBatchNorm(in, conf, consumers));
    }

    /** The batch normalisation that is the only reader of weighted layer {@code name}, or null. */
    private static String foldedBatchNorm(String name, ComputationGraphConfiguration conf, Map<String, Integer> consumers) {
        if (consumers.getOrDefault(name, 0) != 1) return null;
        for (Map.Entry<String, List<String>> e : conf.getVertexInputs().entrySet()) {
            if (!e.getValue().contains(name)) continue;
            GraphVertex v = conf.getVertices().get(e.getKey());
            boolean weighted = v instanceof LayerVertex && (((LayerVertex) v).getLayerConf().getLayer() instanceof ConvolutionLayer
                    || ((LayerVertex) v).getLayerConf().getLayer() instanceof org.deeplearning4j.nn.conf.layers.DenseLayer);
            boolean isBn = v instanceof LayerVertex && ((LayerVertex) v).getLayerConf().getLayer() instanceof BatchNormalization;
            GraphVertex self = conf.getVertices().get(name);
            boolean selfWeighted = self instanceof LayerVertex && (((LayerVertex) self).getLayerConf().getLayer() instanceof ConvolutionLayer
                    || ((LayerVertex) self).getLayerConf().getLayer() instanceof org.deeplearning4j.nn.conf.layers.DenseLayer);
            return isBn && selfWeighted && !weighted && e.getValue().size() == 1 ? e.getKey() : null;
        }
        return null;
    }

    private static DagLayer layer(ComputationGraph graph, String name, org.deeplearning4j.nn.conf.layers.Layer lc, int src, DagLayer from,
                                  Layer bn, String modelName) {
        Layer layer = graph.getLayer(name);
        INDArray w = layer.getParam("W");
        INDArray b = layer.getParam("b");
        double[] bias = b == null ? null : doubles(b);
        DagLayer.Builder out;
        int units;
        double[] weights;
        int perUnit; // weights per output unit, contiguous in the DAG's order when the unit is the leading index
        if (lc instanceof DepthwiseConvolution2D) {
            long kh = w.size(0), kw = w.size(1), in = w.size(2), mult = w.size(3);
            units = (int) (in * mult);
            weights = doubles(w.permute(2, 3, 0, 1)); // [in, mult, kH, kW]: output channel c * mult + m
            out = new DagLayer.Builder(name, "DepthwiseConvolution2D", DagLayer.Kind.CONVOLUTION, units).kernel((int) kh, (int) kw, (int) in);
            perUnit = (int) (kh * kw);
        } else if (lc instanceof ConvolutionLayer) {
            units = (int) w.size(0);
            weights = doubles(w);
            out = new DagLayer.Builder(name, "ConvolutionLayer", DagLayer.Kind.CONVOLUTION, units).kernel((int) w.size(2), (int) w.size(3), 1);
            perUnit = (int) (w.size(1) * w.size(2) * w.size(3));
        } else {
            units = (int) w.size(1);
            weights = doubles(w);
            out = new DagLayer.Builder(name, lc.getClass().getSimpleName(), DagLayer.Kind.DENSE, units);
            if (w.size(0) % from.units() != 0) {
                throw new IllegalArgumentException("model " + modelName + ": layer '" + name + "' takes " + w.size(0) + " inputs, not a multiple of the "
                        + from.units() + " units of '" + from.name() + "'");
            }
            out.inputGroup((int) (w.size(0) / from.units()));
            perUnit = -1;
        }
        if (bn != null) {
            double[][] ab = batchNorm(bn, units);
            for (int o = 0; o < units; o++) {
                if (perUnit > 0) {
                    for (int i = 0; i < perUnit; i++) weights[o * perUnit + i] *= ab[0][o];
                } else {
                    for (int j = 0; j < weights.length / units; j++) weights[j * units + o] *= ab[0][o];
                }
            }
            double[] folded = new double[units];
            for (int o = 0; o < units; o++) folded[o] = (bias == null ? 0 : bias[o]) * ab[0][o] + ab[1][o];
            bias = folded;
            out.folded("BatchNormalization folded");
        }
        out.input(Source.all(src, from.units())).weights(weights).block(block(name));
        if (bias != null) out.bias(bias);
        String act = activation(lc); // DL4J's BatchNormalization applies no activation of its own; an ActivationLayer after it is passed over
        if (act != null) out.folded(act);
        return out.build();
    }

    /** {scale, shift} per unit of an inference-mode batch normalisation: gamma / sd and beta - mean gamma / sd. */
    private static double[][] batchNorm(Layer bn, int units) {
        BatchNormalization c = (BatchNormalization) bn.conf().getLayer();
        double[] gamma = bn.getParam("gamma") == null ? filled(units, c.getGamma()) : doubles(bn.getParam("gamma"));
        double[] beta = bn.getParam("beta") == null ? filled(units, c.getBeta()) : doubles(bn.getParam("beta"));
        double[] mean = doubles(bn.getParam("mean"));
        double[] sd = new double[units];
        if (bn.getParam("log10stdev") != null) {
            double[] l = doubles(bn.getParam("log10stdev"));
            for (int o = 0; o < units; o++) sd[o] = Math.pow(10, l[o]);
        } else {
            double[] var = doubles(bn.getParam("var"));
            for (int o = 0; o < units; o++) sd[o] = Math.sqrt(var[o] + c.getEps());
        }
        double[][] ab = new double[2][units];
        for (int o = 0; o < units; o++) {
            ab[0][o] = gamma[o] / sd[o];
            ab[1][o] = beta[o] - mean[o] * gamma[o] / sd[o];
        }
        return ab;
    }

    private static String activation(org.deeplearning4j.nn.conf.layers.Layer lc) {
        if (!(lc instanceof BaseLayer) || ((BaseLayer) lc).getActivationFn() == null) return null;
        String a = ((BaseLayer) lc).getActivationFn().toString().toLowerCase(Locale.ROOT);
        return a.equals("identity") ? null : a;
    }

    private static String block(String vertex) {
        int u = vertex.indexOf('_');
        return u > 0 ? vertex.substring(0, u) : "";
    }

    private static double[] filled(int n, double v) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, v);
        return a;
    }

    private static double[] doubles(INDArray a) {
        return a.castTo(DataType.DOUBLE).dup('c').data().asDouble();
    }
}
