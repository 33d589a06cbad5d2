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
            LabeledImages train = pair(trainImages, require(dir, "train-labels-idx1-ubyte"));
            LabeledImages test = pair(require(dir, "t10k-images-idx3-ubyte"), require(dir, "t10k-labels-idx1-ubyte"));
            return new TrainTestData(train, test, dir + ": " + train.size() + " training and " + test.size()
                    + " test images of " + train.rows() + "x" + train.cols() + " (the set's own split)");
        }
        Path images = find(dir, "images-idx3-ubyte");
        if (images == null) {
            throw new DataFileException(dir, "holds neither train-images-idx3-ubyte[.gz] (standard MNIST layout) "
                    + "nor images-idx3-ubyte[.gz] (single-pair layout)", null);
        }
        LabeledImages all = pair(images, require(dir, "labels-idx1-ubyte"));
        LabeledImages[] split = all.split(testFraction, seed);
        return new TrainTestData(split[0], split[1], dir + ": " + all.size() + " images of " + all.rows() + "x" + all.cols()
                + " split " + split[0].size() + "/" + split[1].size() + " (test fraction " + testFraction + ", seed " + seed + ")");
    }

    private static LabeledImages pair(Path images, Path labels) throws IOException {
        try {
            return LabeledImages.fromIdx(IdxFile.read(images), IdxFile.read(labels), 10);
        } catch (IllegalArgumentException e) {
            throw new DataFileException(images, e.getMessage() + " (labels: " + labels.getFileName() + ")", e);
        }
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
