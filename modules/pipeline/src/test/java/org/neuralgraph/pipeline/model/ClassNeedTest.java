package org.neuralgraph.pipeline.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuralgraph.core.data.DataFileException;
import org.neuralgraph.core.data.IdxFile;

import java.io.IOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** A method that needs images of a class is refused when the data is loaded, naming the labels file or the option. */
class ClassNeedTest {

    /** Two 2x2 images of every class but {@code skip} (-1: none): half of each class goes to the test part. */
    private static Path twoOfEachClassBut(Path dir, int skip) throws IOException {
        int n = skip < 0 ? 20 : 18;
        byte[] labels = new byte[n];
        for (int i = 0, c = 0; c < 10; c++) {
            if (c == skip) continue;
            labels[i++] = (byte) c;
            labels[i++] = (byte) c;
        }
        new IdxFile(new int[]{n, 2, 2}, new byte[n * 4]).write(dir.resolve("images-idx3-ubyte"), false);
        new IdxFile(new int[]{n}, labels).write(dir.resolve("labels-idx1-ubyte"), false);
        return dir;
    }

    private static Path withoutClass3(Path dir) throws IOException {
        return twoOfEachClassBut(dir, 3);
    }

    private static ModelRequest request(Path data, ClassNeed need) {
        ModelRequest r = new ModelRequest("mlp-seed000");
        r.data = data;
        r.testFraction = 0.5;
        r.need(need);
        return r;
    }

    @Test
    void aClassMissingFromTheDataNamesTheLabelsFile(@TempDir Path tmp) throws IOException {
        Path dir = withoutClass3(tmp);
        DataFileException e = assertThrows(DataFileException.class,
                () -> request(dir, ClassNeed.everyTrainingClass("the study needs every class")).data());
        assertEquals(dir.resolve("labels-idx1-ubyte") + ": the training images hold no image of class 3 (of classes 0..9); the study needs every class",
                e.getMessage());
        DataFileException test = assertThrows(DataFileException.class, () -> request(dir, ClassNeed.testClass(3, "Feature map", "class 3 is averaged")).data());
        assertTrue(test.getMessage().contains("the test images hold no image of class 3"), test.getMessage());
        assertEquals(9, request(dir, ClassNeed.testClass(4, "Feature map", "class 4 is averaged")).data().test().size(), "a class the data holds is fine");
    }

    @Test
    void aClassLostByTheTrainSizeSampleNamesTheOption(@TempDir Path tmp) throws IOException {
        ModelRequest r = request(twoOfEachClassBut(tmp, -1), ClassNeed.everyTrainingClass("the study needs every class"));
        r.trainSize = 5;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::data);
        assertTrue(e.getMessage().startsWith("--train-size 5: the seeded sample of 5 training images holds no image of class "), e.getMessage());
        assertTrue(e.getMessage().endsWith("; the study needs every class; give a larger --train-size"), e.getMessage());
        r.trainSize = 10;
        assertEquals(10, r.data().train().size(), "a sample of every class is fine");
    }

    @Test
    void aClassThatDoesNotExistIsSaid(@TempDir Path tmp) throws IOException {
        ModelRequest r = request(withoutClass3(tmp), ClassNeed.testClass(12, "Feature map", "class 12 is averaged"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::data);
        assertEquals("Feature map: class 12 does not exist: the images have 10 classes", e.getMessage());
    }
}
