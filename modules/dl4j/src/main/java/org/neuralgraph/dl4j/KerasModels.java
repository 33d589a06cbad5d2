package org.neuralgraph.dl4j;

import org.bytedeco.hdf5.DataSet;
import org.bytedeco.hdf5.DataSpace;
import org.bytedeco.hdf5.Group;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;
import org.deeplearning4j.nn.modelimport.keras.Hdf5Archive;
import org.deeplearning4j.nn.modelimport.keras.KerasSequentialModel;
import org.deeplearning4j.nn.modelimport.keras.exceptions.InvalidKerasConfigurationException;
import org.deeplearning4j.nn.modelimport.keras.exceptions.UnsupportedKerasConfigurationException;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.neuralgraph.core.weights.LayerWeights;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Opens a Keras Sequential model saved as HDF5 ({@code model.save("model.h5")} in Keras 2: Dense, Conv2D,
 * MaxPooling2D, AveragePooling2D, Dropout, Flatten and Activation layers) through DL4J's Keras import
 * ({@code KerasSequentialModel} of deeplearning4j-modelimport 1.0.0-M2.1, as {@code KerasModelImport} uses it), then
 * rebuilds the imported network in the project's form with {@link LayerChain}, as {@link OnnxNetworks} does for ONNX:
 * DL4J's import keeps Keras's channels-last maps (NHWC layers, a flatten in height, width, channel order), takes 4-D
 * input and leaves the last Dense a hidden {@code DenseLayer}, while every recorder of the project feeds flattened
 * images to NCHW layers and takes the last dense layer as the output. The rebuilt network has the same kernels
 * (DL4J's import has already turned Keras's {@code [kH, kW, in, out]} into {@code [out, in, kH, kW]}), the first dense
 * layer after a channels-last flatten has its input rows reordered from (row, column, channel) to (channel, row,
 * column), and it computes the same function.
 *
 * <p>A model file is data from elsewhere. Before the HDF5 library (native code, bytedeco's HDF5 1.12.1) opens it, the
 * file must exist, be at most {@value #MAX_FILE_BYTES} bytes and start with the HDF5 signature; then the weight datasets'
 * declared sizes are added up and must fit in the file (a forged header cannot make the import allocate gigabytes),
 * before DL4J reads the JSON configuration (Jackson into maps, no Java deserialization) and the weights. A functional
 * (non-Sequential) model, a file without {@code model_config}, an unsupported layer and a truncated file give a
 * {@link ModelFileException} naming the file.
 */
public final class KerasModels {

    /** Largest .h5 file that is opened. */
    public static final long MAX_FILE_BYTES = 1L << 30;

    /** Counts of declared values saturate here, far above any file this reads. */
    private static final long CAP = 1L << 40;

    private static final byte[] HDF5_SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};

    static {
        // the HDF5 library prints its error stack to stderr; the errors reach the user as ModelFileExceptions instead
        org.bytedeco.hdf5.Exception.dontPrint();
    }

    private KerasModels() { }

    /** True when {@code file}'s name ends in {@code .h5} or {@code .hdf5} (any case). */
    public static boolean isKerasName(Path file) {
        Path name = file.getFileName();
        String n = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".h5") || n.endsWith(".hdf5");
    }

    /**
     * The DL4J network that computes what the Keras model in {@code file} computes.
     *
     * @throws ModelFileException naming the file when it is missing, too large, not HDF5, truncated, not a Keras
     *                            Sequential model, or has a layer that is not read
     */
    public static MultiLayerNetwork load(Path file) throws IOException {
        check(file);
        KerasSequentialModel keras;
        MultiLayerNetwork imported;
        try {
            keras = new KerasSequentialModel().modelBuilder().modelHdf5Filename(file.toString()).enforceTrainingConfig(false).buildSequential();
            imported = keras.getMultiLayerNetwork();
        } catch (InvalidKerasConfigurationException | UnsupportedKerasConfigurationException e) {
            String why = firstLine(e.getMessage());
            if (why.contains("must be Sequential") || why.contains("incompatible with MultiLayerNetwork")) {
                throw new ModelFileException(file, "a Keras functional-API model (" + why + "); only Sequential models are read", e);
            }
            if (why.contains("Model configuration attribute missing")) {
                throw new ModelFileException(file, "an HDF5 file without a Keras model_config: not a Keras model saved with model.save()", e);
            }
            throw new ModelFileException(file, "DL4J's Keras import cannot read this model: " + why, e);
        } catch (IOException | RuntimeException e) {
            throw new ModelFileException(file, "not a readable Keras HDF5 file (truncated or damaged?): " + firstLine(e.getMessage()), e);
        }
        InputType input = keras.getOutputTypes().get(keras.getInputLayerNames().get(0));
        return chain(imported, input, file).network();
    }

    /**
     * Checks existence, size and signature, then that the weights the file declares fit in it.
     *
     * @throws ModelFileException naming the file when it fails one of them
     */
    static void check(Path file) throws IOException {
        if (!Files.exists(file)) throw new ModelFileException(file, "no such model file");
        if (!Files.isRegularFile(file)) throw new ModelFileException(file, "not a file");
        long size = Files.size(file);
        if (size > MAX_FILE_BYTES) throw new ModelFileException(file, "Keras file of " + size + " bytes is larger than the limit " + MAX_FILE_BYTES + "; refused");
        byte[] head = new byte[HDF5_SIGNATURE.length];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(head, 0, head.length);
        }
        if (read < head.length || !Arrays.equals(head, HDF5_SIGNATURE)) {
            throw new ModelFileException(file, "not an HDF5 file (no HDF5 signature at its start); a Keras model is read from model.save(\"model.h5\")");
        }
        long declared;
        try {
            declared = declaredWeights(file);
        } catch (RuntimeException e) {
            throw new ModelFileException(file, "not a readable HDF5 file (truncated or damaged?): " + firstLine(e.getMessage()), e);
        }
        if (declared * 4 > size) {
            throw new ModelFileException(file, "its weight datasets declare " + declared + " values, more than its " + size
                    + " bytes can hold (forged or truncated file?); refused");
        }
    }

    /** Values declared by the datasets under {@code model_weights} (or the whole file when it has none), at most 4 groups deep. */
    private static long declaredWeights(Path file) {
        try (Hdf5Archive h5 = new Hdf5Archive(file.toString())) {
            boolean keras = h5.getGroups().contains("model_weights");
            return keras ? declared(h5, new String[]{"model_weights"}) : declared(h5, new String[0]);
        }
    }

    private static long declared(Hdf5Archive h5, String[] path) {
        long total = 0;
        synchronized (Hdf5Archive.LOCK_OBJECT) {
            for (String d : h5.getDataSets(path)) {
                Group[] groups = path.length == 0 ? null : h5.openGroups(path);
                try {
                    DataSet ds = groups == null ? null : groups[groups.length - 1].openDataSet(d);
                    if (ds == null) continue; // a dataset at the root of a file without model_weights: not read
                    DataSpace space = ds.getSpace();
                    long[] dims = new long[Math.max(space.getSimpleExtentNdims(), 0)];
                    space.getSimpleExtentDims(dims);
                    long n = 1;
                    for (long x : dims) n = x <= 0 ? 0 : x > CAP / Math.max(n, 1) ? CAP : n * x;
                    total = Math.min(CAP, total + n);
                    space.deallocate();
                    ds.deallocate();
                } finally {
                    if (groups != null) h5.closeGroups(groups);
                }
            }
            if (path.length < 4) {
                for (String g : h5.getGroups(path)) {
                    String[] deeper = Arrays.copyOf(path, path.length + 1);
                    deeper[path.length] = g;
                    total = Math.min(CAP, total + declared(h5, deeper));
                }
            }
        }
        return total;
    }

    /** The imported network's layers as a {@link LayerChain}. */
    private static LayerChain chain(MultiLayerNetwork imported, InputType input, Path file) throws ModelFileException {
        LayerChain chain;
        if (input instanceof InputType.InputTypeConvolutional) {
            InputType.InputTypeConvolutional c = (InputType.InputTypeConvolutional) input;
            chain = LayerChain.ofImages((int) c.getChannels(), (int) c.getHeight(), (int) c.getWidth());
        } else if (input instanceof InputType.InputTypeFeedForward) {
            chain = LayerChain.ofFeatures((int) ((InputType.InputTypeFeedForward) input).getSize());
        } else {
            throw new ModelFileException(file, "the model's input " + input + " is neither images [height, width, channels] nor a vector of features");
        }
        int[] flattened = null; // channels, height, width of a channels-last map a flatten made, until the next dense layer
        if (input instanceof InputType.InputTypeConvolutional && ((InputType.InputTypeConvolutional) input).getFormat() == org.deeplearning4j.nn.conf.CNN2DFormat.NHWC) {
            InputType.InputTypeConvolutional c = (InputType.InputTypeConvolutional) input;
            flattened = new int[]{(int) c.getChannels(), (int) c.getHeight(), (int) c.getWidth()}; // a dense first layer reads it flattened
        }
        for (int i = 0; i < imported.getnLayers(); i++) {
            Layer conf = imported.getLayer(i).conf().getLayer();
            String where = "layer '" + conf.getLayerName() + "' (DL4J " + conf.getClass().getSimpleName() + ")";
            InputPreProcessor pp = imported.getLayerWiseConfigurations().getInputPreProcess(i);
            if (pp instanceof CnnToFeedForwardPreProcessor) {
                CnnToFeedForwardPreProcessor f = (CnnToFeedForwardPreProcessor) pp;
                flattened = f.getFormat() == org.deeplearning4j.nn.conf.CNN2DFormat.NHWC
                        ? new int[]{(int) f.getNumChannels(), (int) f.getInputHeight(), (int) f.getInputWidth()} : null;
            } else if (pp != null) {
                throw new ModelFileException(file, where + " takes its input through " + pp.getClass().getSimpleName()
                        + "; read are Flatten of a Conv2D or pooling map and Dense on a vector");
            }
            Class<?> type = conf.getClass();
            if (type == ConvolutionLayer.class) {
                ConvolutionLayer c = (ConvolutionLayer) conf;
                LayerWeights w = LayerWeights.convolution(conf.getLayerName(), (int) c.getNIn(), (int) c.getNOut(), c.getKernelSize()[0],
                        c.getKernelSize()[1], values(imported, i, "W"), c.hasBias() ? values(imported, i, "b") : null, null);
                LayerChain.Step s = LayerChain.convolution(conf.getLayerName(), w, c.getStride(), c.getPadding(), c.getDilation(), c.getConvolutionMode());
                s.activation = c.getActivationFn();
                chain.add(s);
            } else if (type == SubsamplingLayer.class) {
                SubsamplingLayer p = (SubsamplingLayer) conf;
                boolean max = p.getPoolingType() == PoolingType.MAX;
                if (!max && (p.getPoolingType() != PoolingType.AVG || p.getConvolutionMode() == ConvolutionMode.Same || p.getPadding()[0] != 0 || p.getPadding()[1] != 0)) {
                    throw new ModelFileException(file, where + ": " + p.getPoolingType() + " pooling" + (max ? "" : " with padding") + " is not read; "
                            + "read are max pooling and average pooling with padding='valid'");
                }
                chain.add(LayerChain.pooling(conf.getLayerName(), max, p.getKernelSize(), p.getStride(), p.getConvolutionMode()));
            } else if (type == DenseLayer.class || type == OutputLayer.class) {
                BaseLayer d = (BaseLayer) conf;
                int nIn = (int) ((DenseLayer.class == type) ? ((DenseLayer) d).getNIn() : ((OutputLayer) d).getNIn());
                int nOut = (int) ((DenseLayer.class == type) ? ((DenseLayer) d).getNOut() : ((OutputLayer) d).getNOut());
                double[] w = values(imported, i, "W");
                if (flattened != null) w = channelsFirst(w, flattened, nIn, nOut);
                flattened = null;
                LayerChain.Step s = LayerChain.dense(conf.getLayerName(), LayerWeights.dense(conf.getLayerName(), nIn, nOut, w,
                        imported.getLayer(i).paramTable().containsKey("b") ? values(imported, i, "b") : null, null));
                s.activation = d.getActivationFn();
                chain.add(s);
            } else if (type == ActivationLayer.class) {
                LayerChain.Step last = chain.last();
                if (last == null || last.pooling() || (last.activation != null && !(last.activation instanceof ActivationIdentity))) {
                    throw new ModelFileException(file, where + ": an Activation layer is read only right after a Dense or Conv2D layer without activation");
                }
                last.activation = ((ActivationLayer) conf).getActivationFn();
            } else if (type != DropoutLayer.class && type != LossLayer.class) { // dropout: nothing at inference; loss: at the end
                throw new ModelFileException(file, where + " is not read; read are Dense, Conv2D, MaxPooling2D, AveragePooling2D, Dropout, Flatten and Activation");
            }
        }
        if (chain.steps().isEmpty()) throw new ModelFileException(file, "the model has no Dense or Conv2D layer");
        return chain;
    }

    /** Dense weights {@code [c*h*w, nOut]} with rows in (row, column, channel) order, reordered to (channel, row, column). */
    private static double[] channelsFirst(double[] w, int[] chw, int nIn, int nOut) {
        int c = chw[0], h = chw[1], wd = chw[2];
        if (c * h * wd != nIn || c == 1) return w;
        double[] out = new double[w.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < wd; x++) {
                for (int ch = 0; ch < c; ch++) {
                    System.arraycopy(w, ((y * wd + x) * c + ch) * nOut, out, ((ch * h + y) * wd + x) * nOut, nOut);
                }
            }
        }
        return out;
    }

    private static double[] values(MultiLayerNetwork net, int layer, String param) {
        INDArray a = net.getLayer(layer).getParam(param);
        return a.castTo(DataType.DOUBLE).dup('c').data().asDouble();
    }

    private static String firstLine(String message) {
        if (message == null) return "no detail";
        String m = message.split("\n", 2)[0].replace(". For more information, see https://deeplearning4j.konduit.ai/keras-import/overview", "");
        return m.length() > 300 ? m.substring(0, 300) + "..." : m;
    }
}
