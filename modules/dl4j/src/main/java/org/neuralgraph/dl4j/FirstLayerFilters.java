package org.neuralgraph.dl4j;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.neuralgraph.core.weights.LayerWeights;
import org.neuralgraph.core.weights.ModelWeights;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The point cloud of Brüel Gabrielsson (Section 4): the first convolution layer's filters, one point per output channel
 * ("each of the 512 hidden nodes in the first convolutional layer has its own 5 x 5 filter ... a point cloud of 512
 * points w in R^25"), optionally pooled over several networks: Section 7 trains the improved model 100 times and
 * pools the 64 filters of every run. A point holds the filter's {@code inChannels x k x k} weights in (channel, row,
 * column) order; its id is {@code run<r>/f<o>}, run {@code r} the network's index in the pool (0 for a single
 * network) and {@code o} its output channel. The weights are raw: the paper's mean-centring and scaling and its
 * density filtration are later steps.
 */
public final class FirstLayerFilters {

    private final double[][] points;
    private final List<String> ids;
    private final int inChannels;
    private final int kernelH;
    private final int kernelW;

    private FirstLayerFilters(double[][] points, List<String> ids, int inChannels, int kernelH, int kernelW) {
        this.points = points;
        this.ids = Collections.unmodifiableList(ids);
        this.inChannels = inChannels;
        this.kernelH = kernelH;
        this.kernelW = kernelW;
    }

    /** The filters of one network, ids {@code run0/f<o>}; {@code modelName} names the model in errors. */
    public static FirstLayerFilters of(MultiLayerNetwork net, String modelName) {
        return fromWeights(Collections.singletonList(Dl4jWeights.extract(net, modelName)));
    }

    /**
     * The filters of several networks pooled, network {@code r} giving ids {@code run<r>/f<o>}; each network is
     * named {@code modelName + " run " + r} in errors.
     */
    public static FirstLayerFilters pooled(List<MultiLayerNetwork> nets, String modelName) {
        List<ModelWeights> ws = new ArrayList<>(nets.size());
        for (int r = 0; r < nets.size(); r++) ws.add(Dl4jWeights.extract(nets.get(r), modelName + " run " + r));
        return fromWeights(ws);
    }

    /**
     * The filters of models already copied out of the framework (trained, loaded or checkpointed), pooled in this
     * order.
     *
     * @throws IllegalArgumentException naming the model when it has no convolution layer, or when its first
     *                                  convolution's filters differ in shape from the first model's
     */
    public static FirstLayerFilters fromWeights(List<ModelWeights> models) {
        if (models.isEmpty()) throw new IllegalArgumentException("no model to take first-layer filters from");
        List<double[]> pts = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        LayerWeights shape = null;
        for (int r = 0; r < models.size(); r++) {
            LayerWeights conv = firstConvolution(models.get(r));
            if (shape == null) {
                shape = conv;
            } else if (conv.nIn() != shape.nIn() || conv.kernelH() != shape.kernelH() || conv.kernelW() != shape.kernelW()) {
                throw new IllegalArgumentException("model " + models.get(r).modelName() + ": first-layer filters are " + describe(conv)
                        + " but those of " + models.get(0).modelName() + " are " + describe(shape) + "; they cannot share a point cloud");
            }
            for (int o = 0; o < conv.nOut(); o++) {
                double[] p = new double[conv.nIn() * conv.kernelH() * conv.kernelW()];
                int k = 0;
                for (int c = 0; c < conv.nIn(); c++) {
                    for (int y = 0; y < conv.kernelH(); y++) {
                        for (int x = 0; x < conv.kernelW(); x++) p[k++] = conv.kernel(o, c, y, x);
                    }
                }
                pts.add(p);
                ids.add(id(r, o));
            }
        }
        return new FirstLayerFilters(pts.toArray(new double[0][]), ids, shape.nIn(), shape.kernelH(), shape.kernelW());
    }

    /** The id of filter {@code o} of run {@code r}. */
    public static String id(int run, int filter) {
        return "run" + run + "/f" + filter;
    }

    private static LayerWeights firstConvolution(ModelWeights m) {
        StringBuilder names = new StringBuilder();
        for (LayerWeights l : m.layers()) {
            if (l.kind() == LayerWeights.Kind.CONVOLUTION) return l;
            names.append(names.length() == 0 ? "" : ", ").append(l.name());
        }
        throw new IllegalArgumentException("model " + m.modelName() + " has no convolution layer (its layers: " + names
                + "), so it has no first-layer filters to take as a point cloud");
    }

    private static String describe(LayerWeights l) {
        return l.nIn() + " x " + l.kernelH() + " x " + l.kernelW();
    }

    /** The points, one row per filter; must not be modified. */
    public double[][] points() { return points; }
    /** Ids, parallel to {@link #points()}. */
    public List<String> ids() { return ids; }
    /** Number of points. */
    public int size() { return points.length; }
    /** Values per point: {@code inChannels * kernelH * kernelW} (25 for a 5 x 5 filter on grey-scale images). */
    public int dimension() { return inChannels * kernelH * kernelW; }
    public int inChannels() { return inChannels; }
    public int kernelH() { return kernelH; }
    public int kernelW() { return kernelW; }
}
