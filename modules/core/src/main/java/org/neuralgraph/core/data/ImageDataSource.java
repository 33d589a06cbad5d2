package org.neuralgraph.core.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Loads an MNIST-style data set from a directory. Two layouts are recognised:
 * <ul>
 *   <li>the standard one, {@code train-images-idx3-ubyte[.gz]}, {@code train-labels-idx1-ubyte[.gz]},
 *       {@code t10k-images-idx3-ubyte[.gz]}, {@code t10k-labels-idx1-ubyte[.gz]} (MNIST, and Fashion-MNIST as
 *       Debian's {@code dataset-fashion-mnist} installs it): its own train/test split is used;</li>
 *   <li>the shipped sample, one pair {@code images-idx3-ubyte[.gz]} and {@code labels-idx1-ubyte[.gz]}: split
 *       by {@link LabeledImages#split(double, long)} with the given seed.</li>
 * </ul>
 */
public final class ImageDataSource {

    /** Where Debian's dataset-fashion-mnist package puts Fashion-MNIST. */
    public static final Path FASHION_MNIST = Paths.get("/usr/share/datasets/fashion-mnist");

    /** Classes of an MNIST-style data set. */
    public static final int CLASSES = 10;

    /**
     * Most pixels an image may have: 65,536 (256x256), 84 times MNIST's 784. Larger images are no MNIST-style data; a
     * forged size would give first layers of millions of weights.
     */
    public static final int MAX_PIXELS = 1 << 16;

    private ImageDataSource() { }

    /**
     * @param dir          the data directory
     * @param testFraction fraction held out for testing in the single-pair layout
     * @param seed         seed of that split
     */
    public static TrainTestData load(Path dir, double testFraction, long seed) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new DataFileException(dir, "data directory not found. Pass --data DIR with MNIST-style IDX files "
                    + "(train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz, t10k-labels-idx1-ubyte.gz), "
                    + "or install Debian's dataset-fashion-mnist for " + FASHION_MNIST, null);
        }
        Path trainImages = find(dir, "train-images-idx3-ubyte");
        if (trainImages != null) {
            Path trainLabels = require(dir, "train-labels-idx1-ubyte");
            LabeledImages train = pair(trainImages, trainLabels);
            Path testImages = require(dir, "t10k-images-idx3-ubyte"), testLabels = require(dir, "t10k-labels-idx1-ubyte");
            LabeledImages test = pair(testImages, testLabels);
            return new TrainTestData(train, test, dir + ": " + train.size() + " training and " + test.size()
                    + " test images of " + train.rows() + "x" + train.cols() + " (the set's own split)", trainLabels, testLabels);
        }
        Path images = find(dir, "images-idx3-ubyte");
        if (images == null) {
            throw new DataFileException(dir, "holds neither train-images-idx3-ubyte[.gz] (standard MNIST layout) "
                    + "nor images-idx3-ubyte[.gz] (single-pair layout)", null);
        }
        Path labels = require(dir, "labels-idx1-ubyte");
        LabeledImages all = pair(images, labels);
        LabeledImages[] split = all.split(testFraction, seed);
        for (int part = 0; part < 2; part++) {
            if (split[part].size() == 0) {
                throw new DataFileException(images, "a test fraction of " + testFraction + " of its " + all.size() + " images leaves 0 "
                        + (part == 0 ? "training" : "test") + " images; give more images or another --test-fraction", null);
            }
        }
        return new TrainTestData(split[0], split[1], dir + ": " + all.size() + " images of " + all.rows() + "x" + all.cols()
                + " split " + split[0].size() + "/" + split[1].size() + " (test fraction " + testFraction + ", seed " + seed + ")", labels, labels);
    }

    /**
     * An images file and its labels file, each checked for what it must be before the next is read: the images of rank 3,
     * at least one, of 1 to {@link #MAX_PIXELS} pixels; the labels of rank 1, as many, each a class 0..9. Each refusal
     * names the file at fault.
     */
    private static LabeledImages pair(Path images, Path labels) throws IOException {
        IdxFile img = IdxFile.read(images, 3, IdxFile.maxValues());
        int n = img.dim(0), rows = img.dim(1), cols = img.dim(2);
        if (n == 0) throw new DataFileException(images, "holds 0 images; a data set needs at least one", null);
        if (rows < 1 || cols < 1 || (long) rows * cols > MAX_PIXELS) {
            throw new DataFileException(images, "holds images of " + rows + "x" + cols + " pixels; read are images of 1 to " + MAX_PIXELS
                    + " pixels (MNIST's are 28x28)", null);
        }
        IdxFile lab = IdxFile.read(labels, 1, IdxFile.maxValues());
        if (lab.dim(0) == 0) throw new DataFileException(labels, "holds 0 labels; a data set needs at least one", null);
        if (lab.dim(0) != n) {
            throw new DataFileException(images, "the image file holds " + n + " images but the label file " + labels.getFileName()
                    + " holds " + lab.dim(0) + " labels", null);
        }
        byte[] l = lab.data();
        for (int i = 0; i < l.length; i++) {
            if ((l[i] & 0xff) >= CLASSES) {
                throw new DataFileException(labels, "label " + i + " is " + (l[i] & 0xff) + ", outside the classes 0.." + (CLASSES - 1), null);
            }
        }
        return LabeledImages.fromIdx(img, lab, CLASSES);
    }

    private static Path find(Path dir, String base) {
        for (String name : new String[]{base, base + ".gz"}) {
            Path p = dir.resolve(name);
            if (Files.isRegularFile(p)) return p;
        }
        return null;
    }

    private static Path require(Path dir, String base) throws DataFileException {
        Path p = find(dir, base);
        if (p == null) throw new DataFileException(dir.resolve(base + ".gz"), "missing: put " + base + ".gz (or uncompressed) into " + dir, null);
        return p;
    }
}
