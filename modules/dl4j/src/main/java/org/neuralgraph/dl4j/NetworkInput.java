package org.neuralgraph.dl4j;

import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToCnnPreProcessor;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * What a network reads, as the recorders feed it: flattened images {@code [n, channels * height * width]}. A CNN built
 * with {@code InputType.convolutionalFlat} (ModelFactory's, a converted ONNX model's) knows its image shape from its
 * first preprocessor; a dense first layer knows only how many values it takes.
 */
public final class NetworkInput {

    private final int channels, height, width, values;

    private NetworkInput(int channels, int height, int width, int values) {
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.values = values;
    }

    /** The input of {@code net}; unknown (every image fits) when its first layer is neither of the two kinds. */
    public static NetworkInput of(MultiLayerNetwork net) {
        InputPreProcessor pp = net.getLayerWiseConfigurations().getInputPreProcess(0);
        if (pp instanceof FeedForwardToCnnPreProcessor) {
            FeedForwardToCnnPreProcessor f = (FeedForwardToCnnPreProcessor) pp;
            int c = (int) f.getNumChannels(), h = (int) f.getInputHeight(), w = (int) f.getInputWidth();
            return new NetworkInput(c, h, w, c * h * w);
        }
        Layer first = net.getLayer(0).conf().getLayer();
        if (pp == null && first instanceof FeedForwardLayer && !(first instanceof org.deeplearning4j.nn.conf.layers.ConvolutionLayer)) {
            return new NetworkInput(0, 0, 0, (int) ((FeedForwardLayer) first).getNIn());
        }
        return new NetworkInput(0, 0, 0, 0);
    }

    /** True when one-channel images of {@code rows x cols} pixels fit (or the input is unknown). */
    public boolean fits(int rows, int cols) {
        if (height > 0) return channels == 1 && height == rows && width == cols;
        return values <= 0 || values == rows * cols;
    }

    /** E.g. {@code 1x28x28 images (channels x height x width)} or {@code 784 values}. */
    @Override
    public String toString() {
        if (height > 0) return channels + "x" + height + "x" + width + " images (channels x height x width)";
        return values > 0 ? values + " values per sample" : "an input of unknown size";
    }
}
