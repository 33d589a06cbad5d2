package org.neuralgraph.dl4j;

import onnx.Onnx;

import java.util.ArrayList;
import java.util.List;

/**
 * How the project's images (grey, {@code rows x cols}, pixels in [0, 1]) are fed to an ONNX model's one float input:
 * {@code [batch, features]} takes the flattened image, {@code [batch, height, width]} the image, and
 * {@code [batch, channels, height, width]} the image placed in the middle of a zero border of at most
 * {@value #MAX_PAD} pixels a side and repeated over 1 or 3 channels. So a CIFAR-sized model ({@code 3x32x32}, the
 * ResNet and MobileNet fixtures) reads a 28x28 MNIST digit as a grey 32x32 image with 2 black pixels around it, as
 * torchvision's {@code Pad(2)} and {@code Grayscale(3)} would give; nothing is resized or normalised (pixels stay in
 * [0, 1]). A symbolic dimension other than the batch takes the images' size.
 */
public final class OnnxImageInput {

    /** Largest border added on a side: enough for 28 -> 32; a model of larger images would see a small digit in a void. */
    public static final int MAX_PAD = 4;

    private final String name;
    private final int rank, channels, height, width, top, left;

    private OnnxImageInput(String name, int rank, int channels, int height, int width, int top, int left) {
        this.name = name;
        this.rank = rank;
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.top = top;
        this.left = left;
    }

    /** The graph's input tensors (inputs that are not initializers). */
    static List<Onnx.ValueInfoProto> inputs(Onnx.GraphProto g) {
        java.util.Set<String> init = new java.util.HashSet<>();
        for (Onnx.TensorProto t : g.getInitializerList()) init.add(t.getName());
        List<Onnx.ValueInfoProto> out = new ArrayList<>();
        for (Onnx.ValueInfoProto v : g.getInputList()) if (!init.contains(v.getName())) out.add(v);
        return out;
    }

    /**
     * How {@code rows x cols} grey images go into {@code g}'s input.
     *
     * @throws IllegalArgumentException naming the model's input shape and the images' when they do not fit
     */
    public static OnnxImageInput of(Onnx.GraphProto g, int rows, int cols) {
        List<Onnx.ValueInfoProto> in = inputs(g);
        if (in.size() != 1) throw new IllegalArgumentException("the model has " + in.size() + " inputs; one image input is read");
        Onnx.ValueInfoProto v = in.get(0);
        Onnx.TypeProto.Tensor t = v.getType().getTensorType();
        if (t.getElemType() != Onnx.TensorProto.DataType.FLOAT_VALUE) {
            throw new IllegalArgumentException("the model's input '" + v.getName() + "' is not float32 (ONNX element type " + t.getElemType() + ")");
        }
        List<Onnx.TensorShapeProto.Dimension> dims = t.getShape().getDimList();
        int rank = dims.size();
        long[] d = new long[rank];
        for (int i = 1; i < rank; i++) d[i] = dims.get(i).hasDimValue() ? dims.get(i).getDimValue() : -1;
        String reads = describe(d);
        String images = " but the images are " + rows + "x" + cols + " (" + rows * cols + " values, one channel)";
        if (rank == 2) {
            if (d[1] > 0 && d[1] != (long) rows * cols) throw new IllegalArgumentException("the model reads " + reads + images + "; choose data of the model's size");
            return new OnnxImageInput(v.getName(), 2, 1, rows, cols, 0, 0);
        }
        if (rank == 3 || rank == 4) {
            int c = rank == 4 ? (d[1] > 0 ? (int) Math.min(d[1], Integer.MAX_VALUE) : 1) : 1;
            long h = d[rank - 2] > 0 ? d[rank - 2] : rows, w = d[rank - 1] > 0 ? d[rank - 1] : cols;
            boolean fits = (c == 1 || c == 3) && h >= rows && w >= cols && h - rows <= 2 * MAX_PAD && w - cols <= 2 * MAX_PAD
                    && (rank == 4 || (h == rows && w == cols));
            if (!fits) {
                throw new IllegalArgumentException("the model reads " + reads + images + "; images are padded by at most " + MAX_PAD
                        + " pixels a side and repeated to 3 channels, not resized: choose data of the model's size");
            }
            return new OnnxImageInput(v.getName(), rank, c, (int) h, (int) w, (int) (h - rows) / 2, (int) (w - cols) / 2);
        }
        throw new IllegalArgumentException("the model reads " + reads + "; images go into an input [batch, features], [batch, height, width] or [batch, channels, height, width]");
    }

    private static String describe(long[] d) {
        if (d.length == 4) return dim(d[1]) + "x" + dim(d[2]) + "x" + dim(d[3]) + " images (channels x height x width)";
        if (d.length == 3) return dim(d[1]) + "x" + dim(d[2]) + " images (height x width)";
        if (d.length == 2) return dim(d[1]) + " values per sample";
        return "a tensor of rank " + d.length;
    }

    private static String dim(long v) { return v > 0 ? Long.toString(v) : "?"; }

    public String name() { return name; }

    /** The shape of a batch of {@code n}. */
    public long[] shape(int n) {
        if (rank == 2) return new long[]{n, (long) height * width};
        if (rank == 3) return new long[]{n, height, width};
        return new long[]{n, channels, height, width};
    }

    /** Values per sample. */
    public int size() { return channels * height * width; }

    /** What the adaptation does, for a report; null when images go in as they are. */
    public String adaptation(int rows, int cols) {
        if (channels == 1 && height == rows && width == cols) return null;
        String s = "the " + rows + "x" + cols + " grey images are fed to a model of " + channels + "x" + height + "x" + width + " images";
        if (height != rows || width != cols) s += " in a zero border (" + top + " pixels above, " + left + " left)";
        if (channels > 1) s += (height != rows || width != cols ? " and" : "") + " repeated over its " + channels + " channels";
        return s;
    }

    /** Writes samples {@code from .. from + n} of {@code pixels} ({@code rows x cols} each) into {@code out}, laid out for the input. */
    public void fill(float[] pixels, int rows, int cols, int from, int n, float[] out) {
        int size = size();
        java.util.Arrays.fill(out, 0, n * size, 0f);
        int plane = height * width;
        for (int s = 0; s < n; s++) {
            int src = (from + s) * rows * cols;
            for (int c = 0; c < channels; c++) {
                int base = s * size + c * plane;
                for (int r = 0; r < rows; r++) {
                    System.arraycopy(pixels, src + r * cols, out, base + (r + top) * width + left, cols);
                }
            }
        }
    }
}
