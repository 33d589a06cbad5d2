package org.neuralgraph.core.featuremap;

/**
 * The composite feature maps of one convolution layer (Darnell and Leonard, Section 4: "we collect the individual feature maps
 * in a list and average them all to have a single composite feature map representing the entire testing dataset",
 * and one per digit class): the mean over images of every channel's map, for all images and for each class. A map
 * can be read per channel or averaged over the channels (the paper does not say which it drew; both are offered).
 */
public final class CompositeMaps {

    private final String layerName;
    private final int channels, height, width;
    private final double[] all;
    private final double[][] perClass;

    /**
     * @param all      channels x height x width means over all images (channel-major)
     * @param perClass the same per class; null for a class without images
     */
    public CompositeMaps(String layerName, int channels, int height, int width, double[] all, double[][] perClass) {
        if (channels < 1 || height < 1 || width < 1) throw new IllegalArgumentException("map shape must be positive, got " + channels + "x" + height + "x" + width);
        if (all.length != channels * height * width) throw new IllegalArgumentException("all has " + all.length + " values, not " + channels + "x" + height + "x" + width);
        for (double[] m : perClass) {
            if (m != null && m.length != all.length) throw new IllegalArgumentException("a class map has " + m.length + " values, not " + all.length);
        }
        this.layerName = layerName;
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.all = all;
        this.perClass = perClass;
    }

    public String layerName() { return layerName; }
    public int channels() { return channels; }
    public int height() { return height; }
    public int width() { return width; }
    public int classes() { return perClass.length; }

    /**
     * One height x width map.
     *
     * @param cls     a class, or -1 for all images
     * @param channel a channel, or -1 for the mean over channels
     * @throws IllegalArgumentException for a class or channel out of range, or a class without images
     */
    public double[] map(int cls, int channel) {
        if (cls < -1 || cls >= perClass.length) throw new IllegalArgumentException("class " + cls + " is out of range 0.." + (perClass.length - 1) + " (or -1 for all)");
        if (channel < -1 || channel >= channels) throw new IllegalArgumentException("channel " + channel + " is out of range 0.." + (channels - 1) + " (or -1 for their mean)");
        double[] source = cls < 0 ? all : perClass[cls];
        if (source == null) throw new IllegalArgumentException("class " + cls + " has no images, so it has no composite map");
        int px = height * width;
        double[] out = new double[px];
        if (channel >= 0) {
            System.arraycopy(source, channel * px, out, 0, px);
            return out;
        }
        for (int c = 0; c < channels; c++) for (int p = 0; p < px; p++) out[p] += source[c * px + p];
        for (int p = 0; p < px; p++) out[p] /= channels;
        return out;
    }
}
