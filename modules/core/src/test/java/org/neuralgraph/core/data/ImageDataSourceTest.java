package org.neuralgraph.core.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;

import static org.junit.jupiter.api.Assertions.*;

class ImageDataSourceTest {

    static final Path SAMPLE = Paths.get("../../sample-models/mnist");

    @Test
    void shippedSampleHoldsTenThousandDigits() throws IOException {
        TrainTestData d = ImageDataSource.load(SAMPLE, 0.2, 42);
        assertEquals(10_000, d.train().size() + d.test().size());
        assertEquals(28, d.train().rows());
        assertEquals(28, d.train().cols());
        int[] counts = new int[10];
        for (LabeledImages part : new LabeledImages[]{d.train(), d.test()}) {
            int[] c = part.classCounts();
            for (int i = 0; i < 10; i++) counts[i] += c[i];
        }
        assertArrayEquals(new int[]{1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978}, counts);
        assertEquals(2000, d.test().size(), 5, "stratified 20 % test split");
        float max = 0;
        for (float p : d.train().pixels()) max = Math.max(max, p);
        assertTrue(max > 0.99f && max <= 1f);
    }

    @Test
    void splitIsSeeded() throws IOException {
        TrainTestData a = ImageDataSource.load(SAMPLE, 0.2, 1), b = ImageDataSource.load(SAMPLE, 0.2, 1), c = ImageDataSource.load(SAMPLE, 0.2, 2);
        assertArrayEquals(a.test().labels(), b.test().labels());
        assertArrayEquals(a.test().pixels(), b.test().pixels());
        assertFalse(java.util.Arrays.equals(a.test().pixels(), c.test().pixels()));
    }

    @Test
    void shuffledLabelsKeepClassSizes() throws IOException {
        LabeledImages train = ImageDataSource.load(SAMPLE, 0.2, 1).train();
        LabeledImages mixed = train.withShuffledLabels(5);
        assertArrayEquals(train.classCounts(), mixed.classCounts());
        assertSame(train.pixels(), mixed.pixels());
        int same = 0;
        for (int i = 0; i < train.size(); i++) if (train.labels()[i] == mixed.labels()[i]) same++;
        assertTrue(same < train.size() * 0.2, "labels are mostly moved: " + same);
        assertArrayEquals(mixed.labels(), train.withShuffledLabels(5).labels());
    }

    @Test
    void missingDirectoryAndFilesAreExplained(@TempDir Path tmp) throws IOException {
        DataFileException e = assertThrows(DataFileException.class, () -> ImageDataSource.load(tmp.resolve("nowhere"), 0.2, 1));
        assertTrue(e.getMessage().contains("nowhere") && e.getMessage().contains("dataset-fashion-mnist"), e.getMessage());
        DataFileException empty = assertThrows(DataFileException.class, () -> ImageDataSource.load(tmp, 0.2, 1));
        assertTrue(empty.getMessage().contains("train-images-idx3-ubyte"), empty.getMessage());
        IdxFileTest.images(3).write(tmp.resolve("train-images-idx3-ubyte.gz"), true);
        DataFileException labels = assertThrows(DataFileException.class, () -> ImageDataSource.load(tmp, 0.2, 1));
        assertTrue(labels.getMessage().contains("train-labels-idx1-ubyte"), labels.getMessage());
    }

    @Test
    void countMismatchNamesBothFiles(@TempDir Path tmp) throws IOException {
        IdxFileTest.images(3).write(tmp.resolve("images-idx3-ubyte.gz"), true);
        new IdxFile(new int[]{4}, new byte[]{0, 1, 2, 3}).write(tmp.resolve("labels-idx1-ubyte.gz"), true);
        DataFileException e = assertThrows(DataFileException.class, () -> ImageDataSource.load(tmp, 0.2, 1));
        assertTrue(e.getMessage().contains("3 images") && e.getMessage().contains("4 labels") && e.getMessage().contains("labels-idx1-ubyte"), e.getMessage());
    }

    @Test
    void labelsOutOfRangeAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new LabeledImages(new float[4], new int[]{12}, 2, 2, 10));
    }

    /** Writes a single-pair data set: images {@code dims}, labels {@code labels}. */
    private static void pairOf(Path dir, int[] dims, byte[] labels) throws IOException {
        long n = 1;
        for (int d : dims) n *= d;
        new IdxFile(dims, new byte[(int) n]).write(dir.resolve("images-idx3-ubyte"), false);
        new IdxFile(new int[]{labels.length}, labels).write(dir.resolve("labels-idx1-ubyte"), false);
    }

    private static DataFileException refused(Path dir, double testFraction, Path file, String part) {
        DataFileException e = assertThrows(DataFileException.class, () -> ImageDataSource.load(dir, testFraction, 1));
        assertTrue(e.getMessage().startsWith(file + ": ") && e.getMessage().contains(part), e.getMessage());
        return e;
    }

    /** A data set of no images is refused naming the file, instead of training to NaN accuracies. */
    @Test
    void emptyImageOrLabelFilesAreRefused(@TempDir Path tmp) throws IOException {
        pairOf(tmp, new int[]{0, 28, 28}, new byte[0]);
        refused(tmp, 0.2, tmp.resolve("images-idx3-ubyte"), "holds 0 images; a data set needs at least one");
        new IdxFile(new int[]{0}, new byte[0]).write(tmp.resolve("labels-idx1-ubyte"), false);
        IdxFileTest.images(3).write(tmp.resolve("images-idx3-ubyte"), false);
        refused(tmp, 0.2, tmp.resolve("labels-idx1-ubyte"), "holds 0 labels; a data set needs at least one");
    }

    /** The standard layout's test files are checked as its training files are. */
    @Test
    void emptyTestFilesOfTheStandardLayoutAreRefused(@TempDir Path tmp) throws IOException {
        IdxFileTest.images(3).write(tmp.resolve("train-images-idx3-ubyte.gz"), true);
        new IdxFile(new int[]{3}, new byte[]{0, 1, 2}).write(tmp.resolve("train-labels-idx1-ubyte.gz"), true);
        new IdxFile(new int[]{0, 2, 3}, new byte[0]).write(tmp.resolve("t10k-images-idx3-ubyte.gz"), true);
        new IdxFile(new int[]{0}, new byte[0]).write(tmp.resolve("t10k-labels-idx1-ubyte.gz"), true);
        refused(tmp, 0.2, tmp.resolve("t10k-images-idx3-ubyte.gz"), "holds 0 images");
    }

    /** A split that leaves one part without images is refused naming the file and the option that split it. */
    @Test
    void aSplitLeavingAnEmptyPartIsRefused(@TempDir Path tmp) throws IOException {
        pairOf(tmp, new int[]{3, 2, 3}, new byte[]{0, 1, 2});
        Path images = tmp.resolve("images-idx3-ubyte");
        refused(tmp, 0.2, images, "a test fraction of 0.2 of its 3 images leaves 0 test images; give more images or another --test-fraction");
        refused(tmp, 0.9, images, "a test fraction of 0.9 of its 3 images leaves 0 training images");
    }

    /** A labels file of the wrong rank or with a label past 9 is named itself, not its images file. */
    @Test
    void badLabelFilesAreNamedThemselves(@TempDir Path tmp) throws IOException {
        IdxFileTest.images(4).write(tmp.resolve("images-idx3-ubyte"), false);
        Path labels = tmp.resolve("labels-idx1-ubyte");
        new IdxFile(new int[]{2, 2}, new byte[]{0, 1, 2, 3}).write(labels, false);
        refused(tmp, 0.5, labels, "IDX file has 2 dimensions; expected 1");
        new IdxFile(new int[]{4}, new byte[]{0, 1, 12, 3}).write(labels, false);
        refused(tmp, 0.5, labels, "label 2 is 12, outside the classes 0..9");
    }

    /** Images must be of rank 3 and of a plausible size, checked before their labels are read. */
    @Test
    void imagesOfAnotherRankOrAnImplausibleSizeAreRefused(@TempDir Path tmp) throws IOException {
        Path images = tmp.resolve("images-idx3-ubyte");
        pairOf(tmp, new int[]{4, 6}, new byte[]{0, 1, 2, 3});
        refused(tmp, 0.5, images, "IDX file has 2 dimensions; expected 3");
        pairOf(tmp, new int[]{2, 1, 100_000}, new byte[]{0, 1});
        refused(tmp, 0.5, images, "holds images of 1x100000 pixels; read are images of 1 to 65536 pixels");
    }
}
