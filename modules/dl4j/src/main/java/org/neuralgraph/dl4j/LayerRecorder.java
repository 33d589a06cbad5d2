package org.neuralgraph.dl4j;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.neuralgraph.core.activation.LayerActivations;
import org.neuralgraph.core.data.LabeledImages;
import org.neuralgraph.core.featuremap.CompositeMaps;
import org.neuralgraph.core.progress.ProgressMonitor;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * What the studies record from a model over images: its hidden layers' activations (Mostafa and Mondal, Section 5.1)
 * and its composite feature maps (Darnell and Leonard, Section 4). A DL4J, Keras or converted network records them in
 * DL4J ({@link #of}); an ONNX model in onnxruntime ({@link OnnxRuntimeActivations}). {@link ModelReader#recorder} gives a
 * file's.
 */
public interface LayerRecorder {

    /**
     * Checks that {@code rows x cols} grey images can be fed to the model.
     *
     * @throws ModelFileException naming the file, the input the model reads and the images' size when they cannot
     */
    void checkInput(int rows, int cols) throws IOException;

    /** How the images are adapted to the model's input, in words for a report; null when they go in as they are. */
    default String inputAdaptation(int rows, int cols) { return null; }

    /** One {@link LayerActivations} (samples x units) per hidden layer, in the network's order. */
    List<LayerActivations> activations(LabeledImages images, ProgressMonitor monitor) throws IOException;

    /** One {@link CompositeMaps} per convolutional hidden layer, in the network's order. */
    List<CompositeMaps> featureMaps(LabeledImages images, ProgressMonitor monitor) throws IOException;

    /** The recorders of a DL4J network loaded from {@code file}: {@link ActivationRecorder} and {@link FeatureMapRecorder}. */
    static LayerRecorder of(MultiLayerNetwork net, Path file) {
        return new LayerRecorder() {
            @Override
            public void checkInput(int rows, int cols) throws IOException {
                NetworkInput in = NetworkInput.of(net);
                if (!in.fits(rows, cols)) {
                    throw new ModelFileException(file, "the model reads " + in + " but the images are " + rows + "x" + cols
                            + " (" + rows * cols + " values, one channel); choose data of the model's size");
                }
            }

            @Override
            public List<LayerActivations> activations(LabeledImages images, ProgressMonitor monitor) {
                return ActivationRecorder.record(net, images, monitor);
            }

            @Override
            public List<CompositeMaps> featureMaps(LabeledImages images, ProgressMonitor monitor) {
                return FeatureMapRecorder.record(net, images, monitor);
            }
        };
    }
}
