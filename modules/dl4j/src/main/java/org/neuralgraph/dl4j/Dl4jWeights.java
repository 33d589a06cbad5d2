package org.neuralgraph.dl4j;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.neuralgraph.core.weights.LayerWeights;
import org.neuralgraph.core.weights.ModelWeights;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Copies the weights of a DL4J network into the plain arrays of {@link ModelWeights}. */
public final class Dl4jWeights {

    private Dl4jWeights() { }

    /**
     * Dense and output layers ({@code W} is {@code [nIn, nOut]}) and convolution layers ({@code W} is
     * {@code [nOut, nIn, kH, kW]}); layers without parameters (pooling, dropout) are skipped. Layers are named
     * {@code dense_1}, {@code conv_1}, {@code output} in order.
     *
     * @throws IllegalArgumentException naming the layer when a weight is NaN or infinite
     */
    public static ModelWeights extract(MultiLayerNetwork net, String modelName) {
        List<LayerWeights> out = new ArrayList<>();
        int inputUnits = -1, dense = 0, conv = 0;
        for (int i = 0; i < net.getnLayers(); i++) {
            Layer layer = net.getLayer(i);
            Map<String, INDArray> params = layer.paramTable();
            INDArray w = params.get("W");
            if (w == null) continue;
            INDArray b = params.get("b");
            org.deeplearning4j.nn.conf.layers.Layer conf = layer.conf().getLayer();
            String activation = conf instanceof org.deeplearning4j.nn.conf.layers.BaseLayer
                    && ((org.deeplearning4j.nn.conf.layers.BaseLayer) conf).getActivationFn() != null
                    ? ((org.deeplearning4j.nn.conf.layers.BaseLayer) conf).getActivationFn().toString().toLowerCase(Locale.ROOT) : null;
            double[] bias = b == null ? null : b.castTo(DataType.DOUBLE).dup().data().asDouble();
            if (conf instanceof ConvolutionLayer) {
                long[] s = w.shape();
                String name = "conv_" + (++conv);
                out.add(LayerWeights.convolution(name, (int) s[1], (int) s[0], (int) s[2], (int) s[3],
                        w.castTo(DataType.DOUBLE).dup('c').data().asDouble(), bias, activation));
                if (inputUnits < 0) inputUnits = (int) s[1];
            } else if (conf instanceof FeedForwardLayer && w.rank() == 2) {
                long nIn = w.size(0), nOut = w.size(1);
                boolean isOutput = conf instanceof org.deeplearning4j.nn.conf.layers.BaseOutputLayer;
                String name = isOutput ? "output" : "dense_" + (++dense);
                out.add(LayerWeights.dense(name, (int) nIn, (int) nOut,
                        w.castTo(DataType.DOUBLE).dup('c').data().asDouble(), bias, activation));
                if (inputUnits < 0) inputUnits = (int) nIn;
            } else {
                throw new IllegalArgumentException("layer " + i + " (" + conf.getClass().getSimpleName() + ") is not supported for weight graphs");
            }
        }
        return new ModelWeights(modelName, Math.max(inputUnits, 1), out);
    }

    /**
     * Checks that every parameter of {@code net} is finite. A network with a NaN or infinite weight (a diverged training,
     * a damaged or hand-made file) computes NaN everywhere, so nothing is measured on it; the check costs one pass over
     * the parameters, and copies them only to name the first bad value.
     *
     * @throws IllegalArgumentException naming the layer and the first bad value as {@link #extract} does (W[i][j] as weight i * nOut + j)
     */
    public static void checkFinite(MultiLayerNetwork net) {
        int dense = 0, conv = 0;
        for (int i = 0; i < net.getnLayers(); i++) {
            Layer layer = net.getLayer(i);
            org.deeplearning4j.nn.conf.layers.Layer conf = layer.conf().getLayer();
            Map<String, INDArray> params = layer.paramTable();
            String name = "layer " + i;
            if (params.get("W") != null) {
                if (conf instanceof ConvolutionLayer) name = "layer conv_" + (++conv);
                else if (conf instanceof org.deeplearning4j.nn.conf.layers.BaseOutputLayer) name = "layer output";
                else if (conf instanceof FeedForwardLayer) name = "layer dense_" + (++dense);
            }
            for (Map.Entry<String, INDArray> p : params.entrySet()) {
                INDArray v = p.getValue();
                if (!v.isNaN().any() && !v.isInfinite().any()) continue;
                double[] values = v.castTo(DataType.DOUBLE).dup('c').data().asDouble();
                int at = 0;
                while (Double.isFinite(values[at])) at++;
                String what = p.getKey().equals("W") ? "weight " : p.getKey().equals("b") ? "bias " : "parameter " + p.getKey() + " value ";
                throw new IllegalArgumentException(name + ": " + what + at + " is " + values[at] + " (the model has non-finite parameters; was training diverging?)");
            }
        }
    }
}
