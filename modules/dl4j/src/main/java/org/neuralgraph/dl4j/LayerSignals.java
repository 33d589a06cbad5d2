package org.neuralgraph.dl4j;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToCnnPreProcessor;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.neuralgraph.core.data.LabeledImages;
import org.neuralgraph.core.netfragment.ClassActivity;
import org.neuralgraph.core.netfragment.ContributionGraph;
import org.neuralgraph.core.netfragment.LayerSignal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Records what the weight layers of a network built by {@link ModelFactory} receive and produce for an image, for a
 * {@link ContributionGraph} (issue 7, item 3b; the net-fragment study, Section 4.1: "the activations of each layer" are stored and
 * "investigated for net fragments"), and the per-class activity of every weight layer over a set of images (dead units
 * and class selectivity, the net-fragment study, Section 4.2 and Fig. 4.4).
 *
 * <p>Supported are networks of convolution (NCHW, no padding, no dilation, equal strides), max-pooling, dense and
 * output layers, as {@link NetFragmentModels} builds, the first a convolution or dense layer (its inputs are the
 * graph's pixel nodes); any other layer is refused by name. The forward pass is
 * {@code net.feedForward(input, false)} (inference mode). In its list of activations index 0 is the network input and
 * index {@code i + 1} the post-activation output of layer {@code i}, before the input pre-processor of the next layer;
 * a max-pooling layer has its own entry, so the layer after it receives the pooled maps. A convolution's input is
 * taken through its pre-processor as the network applies it (the first layer's reshapes the flat image to NCHW, as
 * {@code InputType.convolutionalFlat} sets up). A dense layer after a convolution receives the maps flattened in
 * channel, row, column order (DL4J's {@code CnnToFeedForwardPreProcessor}); its signal keeps them as
 * {@code {channels, height, width}} so that the graph groups its inputs by channel. Weight layers are named as
 * {@link Dl4jWeights} names them ({@code conv_1}, {@code dense_1}, {@code output}).
 */
public final class LayerSignals {

    private LayerSignals() { }

    /**
     * The signal of every weight layer, in order, for one image.
     *
     * @param image {@code channels * height * width} pixel values, channel-major then row-major
     * @throws IllegalArgumentException for an unsupported layer, an image of the wrong size for the network, or a
     *                                  NaN or infinite pixel
     */
    public static List<LayerSignal> record(MultiLayerNetwork net, float[] image, int channels, int height, int width) {
        List<Integer> weightLayers = weightLayers(net);
        if (channels < 1 || height < 1 || width < 1) {
            throw new IllegalArgumentException("image size must be positive, got " + channels + "x" + height + "x" + width);
        }
        int n = channels * height * width;
        if (image.length != n) {
            throw new IllegalArgumentException("the image has " + image.length + " values, not " + channels + "x" + height + "x" + width + " = " + n);
        }
        for (int i = 0; i < n; i++) {
            if (!Float.isFinite(image[i])) throw new IllegalArgumentException("pixel " + i + " is " + image[i]);
        }
        int[] imageShape = {channels, height, width};
        INDArray x = Nd4j.create(image, new long[]{1, n}, 'c').castTo(net.params().dataType());
        Layer first = net.getLayer(0).conf().getLayer();
        InputPreProcessor firstPp = net.getLayerWiseConfigurations().getInputPreProcess(0);
        if (first instanceof ConvolutionLayer) {
            if (firstPp instanceof FeedForwardToCnnPreProcessor) { // InputType.convolutionalFlat, as ModelFactory builds CNNs
                FeedForwardToCnnPreProcessor f = (FeedForwardToCnnPreProcessor) firstPp;
                int[] expected = {(int) f.getNumChannels(), (int) f.getInputHeight(), (int) f.getInputWidth()};
                if (!Arrays.equals(expected, imageShape)) {
                    throw new IllegalArgumentException("the network reads its input as " + Arrays.toString(expected)
                            + " (channels, height, width), not as the given " + Arrays.toString(imageShape));
                }
            } else if (firstPp == null) {
                x = x.reshape('c', 1, channels, height, width);
            }
        } else {
            long nIn = ((FeedForwardLayer) first).getNIn();
            if (nIn != n) throw new IllegalArgumentException("the network's first layer takes " + nIn + " inputs, the image has " + n);
        }
        List<INDArray> acts = net.feedForward(x, false);
        List<LayerSignal> out = new ArrayList<>();
        for (int i : weightLayers) {
            Layer conf = net.getLayer(i).conf().getLayer();
            INDArray in = acts.get(i);
            INDArray o = acts.get(i + 1);
            double[] outValues = values(o);
            if (conf instanceof ConvolutionLayer) {
                InputPreProcessor pp = net.getLayerWiseConfigurations().getInputPreProcess(i);
                if (pp != null) in = pp.preProcess(in.dup(), 1, LayerWorkspaceMgr.noWorkspaces());
                int[] inShape = spatialShape(in, i);
                if (i == weightLayers.get(0) && !Arrays.equals(inShape, imageShape)) {
                    throw new IllegalArgumentException("the network reads its input as " + Arrays.toString(inShape)
                            + " (channels, height, width), not as the given " + Arrays.toString(imageShape));
                }
                out.add(LayerSignal.convolution(inShape, values(in), spatialShape(o, i), outValues, ((ConvolutionLayer) conf).getStride()[0]));
            } else {
                int[] inShape;
                double[] inValues;
                if (i == weightLayers.get(0)) { // the image itself: its pixels are the graph's first nodes
                    if (in.length() != n) {
                        throw new IllegalArgumentException("the network's first layer takes " + in.length() + " inputs, the image has " + n);
                    }
                    inShape = imageShape;
                    inValues = values(in);
                } else {
                    inShape = in.rank() == 4 ? spatialShape(in, i) : new int[]{(int) in.length()};
                    inValues = values(in);
                }
                out.add(LayerSignal.dense(inShape, inValues, outValues));
            }
        }
        return out;
    }

    /**
     * The class activity of every weight layer, in order, over {@code images} (one channel; the net-fragment study's ten digits are
     * {@code SegmentDigits.standard().images()}): per unit and class the mean post-activation value (a channel's mean
     * over its map), and per unit its largest value, so that dead units and class selectivity follow.
     *
     * @throws IllegalArgumentException for an unsupported layer or images that do not fit the network
     * @throws IllegalStateException    when a class has no image
     */
    public static List<ClassActivity> classActivity(MultiLayerNetwork net, LabeledImages images) {
        List<String> names = layerNames(net);
        int px = images.rows() * images.cols();
        List<ClassActivity.Builder> builders = null;
        for (int s = 0; s < images.size(); s++) {
            float[] image = Arrays.copyOfRange(images.pixels(), s * px, (s + 1) * px);
            List<LayerSignal> signals = record(net, image, 1, images.rows(), images.cols());
            if (builders == null) {
                builders = new ArrayList<>();
                for (int l = 0; l < signals.size(); l++) {
                    LayerSignal sig = signals.get(l);
                    builders.add(new ClassActivity.Builder(names.get(l), sig.outputUnits(), sig.outputPositions(), images.classes()));
                }
            }
            for (int l = 0; l < signals.size(); l++) builders.get(l).add(images.labels()[s], signals.get(l).output());
        }
        if (builders == null) throw new IllegalArgumentException("no images");
        List<ClassActivity> out = new ArrayList<>();
        for (ClassActivity.Builder b : builders) out.add(b.build());
        return out;
    }

    /** The names of the weight layers, in order: {@code conv_<k>}, {@code dense_<k>}, {@code output}, as {@link Dl4jWeights}. */
    public static List<String> layerNames(MultiLayerNetwork net) {
        List<String> names = new ArrayList<>();
        int conv = 0, dense = 0;
        for (int i : weightLayers(net)) {
            Layer conf = net.getLayer(i).conf().getLayer();
            names.add(conf instanceof ConvolutionLayer ? "conv_" + (++conv) : conf instanceof OutputLayer ? "output" : "dense_" + (++dense));
        }
        return names;
    }

    /** The indices of the weight layers; refuses any layer that is not a plain convolution, max pooling, dense or output layer. */
    static List<Integer> weightLayers(MultiLayerNetwork net) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < net.getnLayers(); i++) {
            Layer conf = net.getLayer(i).conf().getLayer();
            String what = "layer " + i + " (" + conf.getClass().getSimpleName() + ")";
            if (conf.getClass() == ConvolutionLayer.class) {
                ConvolutionLayer c = (ConvolutionLayer) conf;
                if (c.getConvolutionMode() == ConvolutionMode.Same || c.getCnn2dDataFormat() == CNN2DFormat.NHWC
                        || any(c.getPadding(), 0) || any(c.getDilation(), 1) || c.getStride()[0] != c.getStride()[1]) {
                    throw new IllegalArgumentException(what + ": contribution graphs take convolutions in NCHW without padding or"
                            + " dilation and with equal strides, as ModelFactory builds them");
                }
                out.add(i);
            } else if (conf.getClass() == SubsamplingLayer.class) {
                if (i == 0) throw new IllegalArgumentException(what + ": the first layer must be a convolution or dense layer, whose inputs are the pixels");
                SubsamplingLayer p = (SubsamplingLayer) conf;
                if (p.getPoolingType() != PoolingType.MAX || p.getCnn2dDataFormat() == CNN2DFormat.NHWC) {
                    throw new IllegalArgumentException(what + ": only max pooling in NCHW is supported, got " + p.getPoolingType());
                }
            } else if (conf.getClass() == DenseLayer.class || conf.getClass() == OutputLayer.class) {
                out.add(i);
            } else {
                throw new IllegalArgumentException(what + " is not supported: contribution graphs take convolution, max-pooling,"
                        + " dense and output layers");
            }
        }
        if (out.isEmpty()) throw new IllegalArgumentException("the network has no weight layer");
        return out;
    }

    private static boolean any(int[] values, int allowed) {
        for (int v : values) if (v != allowed) return true;
        return false;
    }

    private static int[] spatialShape(INDArray a, int layer) {
        if (a.rank() != 4 || a.size(0) != 1) {
            throw new IllegalStateException("layer " + layer + ": expected one NCHW map, got shape " + Arrays.toString(a.shape()));
        }
        return new int[]{(int) a.size(1), (int) a.size(2), (int) a.size(3)};
    }

    private static double[] values(INDArray a) {
        return a.castTo(DataType.DOUBLE).dup('c').data().asDouble();
    }
}
