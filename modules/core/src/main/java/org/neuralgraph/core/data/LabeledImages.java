package org.neuralgraph.core.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Grey-scale images with class labels: {@code size()} images of {@code rows x cols} pixels in [0, 1], stored
 * flat ({@code pixels()[i * rows * cols + r * cols + c]}), and one label in {@code 0..classes-1} per image.
 */
public final class LabeledImages {

    private final float[] pixels;
    private final int[] labels;
    private final int rows;
    private final int cols;
    private final int classes;

    public LabeledImages(float[] pixels, int[] labels, int rows, int cols, int classes) {
        if (rows <= 0 || cols <= 0) throw new IllegalArgumentException("image size must be positive, got " + rows + "x" + cols);
        if (classes < 2) throw new IllegalArgumentException("classes must be >= 2, got " + classes);
        if ((long) labels.length * rows * cols != pixels.length) {
            throw new IllegalArgumentException(labels.length + " labels for " + pixels.length / ((long) rows * cols) + " images");
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException("label of image " + i + " is " + labels[i] + ", outside 0.." + (classes - 1));
            }
        }
        this.pixels = pixels;
        this.labels = labels;
        this.rows = rows;
        this.cols = cols;
        this.classes = classes;
    }

    /** Images from an IDX image file (n x rows x cols) and an IDX label file (n), pixels scaled by 1/255. */
    public static LabeledImages fromIdx(IdxFile images, IdxFile labels, int classes) {
        if (images.rank() != 3) throw new IllegalArgumentException("image file has " + images.rank() + " dimensions, expected 3 (n, rows, cols)");
        if (labels.rank() != 1) throw new IllegalArgumentException("label file has " + labels.rank() + " dimensions, expected 1");
        if (images.dim(0) != labels.dim(0)) {
            throw new IllegalArgumentException("the image file holds " + images.dim(0) + " images but the label file " + labels.dim(0) + " labels");
        }
        byte[] b = images.data();
        float[] px = new float[b.length];
        for (int i = 0; i < b.length; i++) px[i] = (b[i] & 0xff) / 255f;
        int[] lab = new int[labels.dim(0)];
        for (int i = 0; i < lab.length; i++) lab[i] = labels.data()[i] & 0xff;
        return new LabeledImages(px, lab, images.dim(1), images.dim(2), classes);
    }

    public int size() { return labels.length; }
    public int rows() { return rows; }
    public int cols() { return cols; }
    public int classes() { return classes; }
    /** Pixels, flat; must not be modified. */
    public float[] pixels() { return pixels; }
    /** Labels; must not be modified. */
    public int[] labels() { return labels; }

    /** Number of images of each class. */
    public int[] classCounts() {
        int[] c = new int[classes];
        for (int l : labels) c[l]++;
        return c;
    }

    /** The images at these indices, in this order. */
    public LabeledImages subset(int[] indices) {
        int px = rows * cols;
        float[] p = new float[indices.length * px];
        int[] l = new int[indices.length];
        for (int k = 0; k < indices.length; k++) {
            System.arraycopy(pixels, indices[k] * px, p, k * px, px);
            l[k] = labels[indices[k]];
        }
        return new LabeledImages(p, l, rows, cols, classes);
    }

    /** A seeded random sample of {@code n} images without replacement ({@code n} >= size returns all, shuffled). */
    public LabeledImages sample(int n, long seed) {
        if (n < 1) throw new IllegalArgumentException("sample size must be >= 1, got " + n);
        int[] idx = Permutations.random(size(), new Random(seed));
        return subset(Arrays.copyOf(idx, Math.min(n, size())));
    }

    /**
     * Splits into train and test sets, stratified by class: from each class a seeded random
     * {@code round(testFraction * count)} images go to the test set.
     *
     * @return {train, test}
     */
    public LabeledImages[] split(double testFraction, long seed) {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("test fraction must be in (0, 1), got " + testFraction);
        }
        Random rnd = new Random(seed);
        List<Integer> train = new ArrayList<>(), test = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < labels.length; i++) if (labels[i] == c) members.add(i);
            java.util.Collections.shuffle(members, rnd);
            int nTest = (int) Math.round(testFraction * members.size());
            test.addAll(members.subList(0, nTest));
            train.addAll(members.subList(nTest, members.size()));
        }
        java.util.Collections.shuffle(train, rnd);
        java.util.Collections.shuffle(test, rnd);
        return new LabeledImages[]{subset(toArray(train)), subset(toArray(test))};
    }

    /**
     * The random-label control of Mostafa and Mondal ("MNIST Mixed", "Fashion MNIST Mixed", Section 4: "randomizing the
     * labels of the respective datasets"): the same images with the labels permuted by a seeded shuffle, so the
     * class sizes stay as they were while the link between image and label is destroyed.
     */
    public LabeledImages withShuffledLabels(long seed) {
        int[] l = labels.clone();
        Random rnd = new Random(seed);
        for (int i = l.length - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = l[i]; l[i] = l[j]; l[j] = t;
        }
        return new LabeledImages(pixels, l, rows, cols, classes);
    }

    private static int[] toArray(List<Integer> list) {
        int[] a = new int[list.size()];
        for (int i = 0; i < a.length; i++) a[i] = list.get(i);
        return a;
    }
}
