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
}
