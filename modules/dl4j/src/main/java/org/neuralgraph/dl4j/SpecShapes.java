package org.neuralgraph.dl4j;

/**
 * The signal's shape after each layer of a residual-CNN spec ({@link ModelSpec#needsGraph()}): channels and map size
 * through convolutions, depthwise convolutions, residual blocks and pooling, and the shortcut each residual block gets.
 * Built while the spec is validated, so that a block whose channels or stride do not fit is refused naming the field
 * before anything is built or trained. Plain and pooling convolutions are not padded ({@code (n - k) / s + 1}, as
 * {@link ModelFactory}); depthwise convolutions and residual blocks are zero-padded ({@code ceil(n / s)}), as MobileNet
 * and ResNet are.
 */
final class SpecShapes {

    /** Channels (or units, after global pooling or a dense layer) after layer i. */
    final int[] channels;
    /** Map height and width after layer i (1 once the signal is flat). */
    final int[] heights, widths;
    /** Channels (or units) entering layer i. */
    final int[] inputs;
    /** For a residual layer: true when its shortcut is a projection. */
    final boolean[] projection;

    SpecShapes(ModelSpec spec) {
        int n = spec.layers.size();
        channels = new int[n];
        heights = new int[n];
        widths = new int[n];
        inputs = new int[n];
        projection = new boolean[n];
        int c = spec.channels, h = spec.height, w = spec.width;
        boolean spatial = true;
        String flattenedBy = null;
        for (int i = 0; i < n; i++) {
            ModelSpec.LayerSpec l = spec.layers.get(i);
            String at = "layers[" + i + "]";
            inputs[i] = c;
            boolean needsMap = l.type.equals("conv") || l.type.equals("maxpool") || l.type.equals("depthwise")
                    || l.type.equals("residual") || l.type.equals("globalavgpool");
            if (needsMap && !spatial) {
                throw new IllegalArgumentException(at + ": a " + l.type + " layer needs a feature map, but the " + flattenedBy + " before it made the signal flat");
            }
            if (l.fixedKernels != null) throw new IllegalArgumentException(at + ".fixedKernels: fixed kernels are not supported in a residual network's spec");
            switch (l.type) {
                case "conv":
                case "maxpool":
                    if (l.kernel > h || l.kernel > w) {
                        throw new IllegalArgumentException(at + ".kernel: " + l.kernel + " is larger than the " + h + "x" + w + " map it reads");
                    }
                    h = (h - l.kernel) / l.stride + 1;
                    w = (w - l.kernel) / l.stride + 1;
                    if (l.type.equals("conv")) c = l.units;
                    break;
                case "depthwise":
                    if (l.units != 0 && l.units != c) {
                        throw new IllegalArgumentException(at + ".units: a depthwise convolution (depth multiplier 1) keeps its " + c
                                + " input channels, got " + l.units + " (follow it by a 1x1 conv to change them)");
                    }
                    h = ceilDiv(h, l.stride);
                    w = ceilDiv(w, l.stride);
                    break;
                case "residual": {
                    boolean fits = l.units == c && l.stride == 1;
                    if ("identity".equals(l.shortcut) && l.units != c) {
                        throw new IllegalArgumentException(at + ".units: a residual block with an identity shortcut keeps its " + c
                                + " input channels, got " + l.units + " (use \"shortcut\": \"projection\")");
                    }
                    if ("identity".equals(l.shortcut) && l.stride != 1) {
                        throw new IllegalArgumentException(at + ".stride: a residual block with an identity shortcut needs stride 1, got "
                                + l.stride + " (use \"shortcut\": \"projection\")");
                    }
                    projection[i] = l.shortcut == null ? !fits : l.shortcut.equals("projection");
                    h = ceilDiv(h, l.stride);
                    w = ceilDiv(w, l.stride);
                    c = l.units;
                    break;
                }
                case "batchnorm":
                    if (l.units != 0 && l.units != c) {
                        throw new IllegalArgumentException(at + ".units: batch normalisation keeps its " + c + " inputs, got " + l.units);
                    }
                    break;
                case "globalavgpool":
                    h = w = 1;
                    spatial = false;
                    flattenedBy = "globalavgpool layer (" + at + ")";
                    break;
                default: // dense, output
                    c = l.units;
                    h = w = 1;
                    spatial = false;
                    flattenedBy = l.type + " layer (" + at + ")";
            }
            channels[i] = c;
            heights[i] = h;
            widths[i] = w;
        }
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
