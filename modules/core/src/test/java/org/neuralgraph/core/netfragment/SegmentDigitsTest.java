package org.neuralgraph.core.netfragment;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuralgraph.core.data.DataFileException;
import org.neuralgraph.core.data.LabeledImages;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

class SegmentDigitsTest {

    static final Path SHIPPED = Paths.get("../../sample-models/net-fragments");
    static final SegmentDigits STD = SegmentDigits.standard();

    @Test
    void containmentsStatedInThePaper() {
        assertTrue(STD.contains(3, 7), "7 in 3");
        assertTrue(STD.contains(9, 3), "3 in 9");
        assertTrue(STD.contains(8, 9), "9 in 8");
        assertTrue(STD.contains(8, 7), "and so 7 in 8");
        assertFalse(STD.contains(7, 3));
        assertFalse(STD.contains(9, 8));
        assertTrue(STD.contains(4, 4));
    }

    @Test
    void pairsDifferingInTwoPixels() {
        assertEquals(2, STD.pixelDifference(5, 6));
        assertEquals(2, STD.pixelDifference(8, 9));
        assertEquals(2, STD.pixelDifference(0, 8));
        assertEquals(2, STD.pixelDifference(3, 9));
        assertEquals(STD.pixelDifference(9, 3), STD.pixelDifference(3, 9));
        assertEquals(0, STD.pixelDifference(2, 2));
    }

    @Test
    void oneAndFourShareNoSegmentAndOnlyPixelFourFour() {
        Set<Character> one = STD.segments(1), four = STD.segments(4);
        assertTrue(Collections.disjoint(one, four), one + " vs " + four);
        int[] a = STD.pixels(1), b = STD.pixels(4);
        int shared = 0, where = -1;
        for (int p = 0; p < a.length; p++) if (a[p] == 1 && b[p] == 1) { shared++; where = p; }
        assertEquals(1, shared);
        assertEquals(4 * 9 + 4, where, "the stem of the 1 crosses the middle bar of the 4 at (4,4)");
    }

    @Test
    void everyDigitDiffersFromEveryOther() {
        for (int x = 0; x < 10; x++) {
            for (int y = x + 1; y < 10; y++) {
                assertTrue(STD.pixelDifference(x, y) > 0, x + " vs " + y);
                assertNotEquals(STD.segments(x), STD.segments(y));
            }
        }
    }

    @Test
    void segmentsAndDigitsAsDesigned() {
        assertEquals(List.of('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'), List.copyOf(STD.segmentLetters()));
        assertArrayEquals(new int[]{11, 12, 13, 14}, STD.segmentPixels('a'));
        assertArrayEquals(new int[]{14, 23, 32, 41}, STD.segmentPixels('b'));
        assertArrayEquals(new int[]{13, 21}, STD.segmentPixels('i'));
        assertEquals("middle", STD.segmentName('g'));
        assertEquals(List.of('a', 'b', 'c', 'd', 'e', 'f', 'g'), List.copyOf(STD.segments(8)));
        assertEquals(List.of('h', 'i'), List.copyOf(STD.segments(1)));
        int[] eight = STD.pixels(8);
        assertEquals(20, sum(eight), "the 8 is the whole 4x7 box outline plus the middle bar");
        for (int p = 0; p < 81; p++) {
            int r = p / 9, c = p % 9;
            if (r < 1 || r > 7 || c < 2 || c > 5) assertEquals(0, eight[p], "outside the box at " + r + ":" + c);
        }
        assertEquals(8, sum(STD.pixels(1)));
        assertThrows(IllegalArgumentException.class, () -> STD.pixels(10));
        assertThrows(IllegalArgumentException.class, () -> STD.segmentPixels('z'));
    }

    @Test
    void imagesShapeAndLabels() {
        LabeledImages im = STD.images();
        assertEquals(10, im.size());
        assertEquals(9, im.rows());
        assertEquals(9, im.cols());
        assertEquals(10, im.classes());
        assertArrayEquals(new int[]{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, im.labels());
        for (int d = 0; d < 10; d++) {
            int[] px = STD.pixels(d);
            for (int p = 0; p < 81; p++) assertEquals(px[p], im.pixels()[d * 81 + p], 0f);
        }
        for (float v : im.pixels()) assertTrue(v == 0f || v == 1f);
    }

    @Test
    void shippedFilesEqualStandard() throws IOException {
        SegmentDigits shipped = SegmentDigits.read(SHIPPED);
        assertEquals(STD, shipped);
        assertEquals(STD.hashCode(), shipped.hashCode());
        for (int d = 0; d < 10; d++) assertArrayEquals(STD.pixels(d), shipped.pixels(d));
    }

    @Test
    void oneRowPerLineIsReadAndOrderOfLettersDoesNotMatter(@TempDir Path tmp) throws IOException {
        copyShipped(tmp);
        replace(tmp.resolve("digits.csv"), "2,abdeg", "2,\"gedba\"");
        replace(tmp.resolve("segments.csv"), "\"1:2 1:3 1:4 1:5\"", "1:5 1:4  1:3 1:2");
        assertEquals(STD, SegmentDigits.read(tmp));
        replace(tmp.resolve("segments.csv"), "1:5 1:4  1:3 1:2", "1:5 1:4 1:3 1:1");
        assertNotEquals(STD, SegmentDigits.read(tmp));
    }

    @Test
    void missingFilesAreNamed(@TempDir Path tmp) throws IOException {
        DataFileException e = assertThrows(DataFileException.class, () -> SegmentDigits.read(tmp));
        assertTrue(e.getMessage().contains("segments.csv") && e.getMessage().contains("not found"), e.getMessage());
        Files.copy(SHIPPED.resolve("segments.csv"), tmp.resolve("segments.csv"));
        e = assertThrows(DataFileException.class, () -> SegmentDigits.read(tmp));
        assertTrue(e.getMessage().contains("digits.csv") && e.getMessage().contains("not found"), e.getMessage());
    }

    @Test
    void pixelOutsideTheImageNamesFileAndLine(@TempDir Path tmp) throws IOException {
        copyShipped(tmp);
        replace(tmp.resolve("segments.csv"), "4:5 5:5 6:5 7:5", "4:5 5:5 6:5 9:5");
        assertError(tmp, "segments.csv", "line 4:", "9:5", "outside 0..8");
        replace(tmp.resolve("segments.csv"), "9:5", "7:-1");
        assertError(tmp, "segments.csv", "line 4:", "7:-1");
        replace(tmp.resolve("segments.csv"), "7:-1", "7x5");
        assertError(tmp, "segments.csv", "line 4:", "7x5", "row:col");
    }

    @Test
    void unknownSegmentLetterNamesFileAndLine(@TempDir Path tmp) throws IOException {
        copyShipped(tmp);
        replace(tmp.resolve("digits.csv"), "7,abc", "7,abz");
        assertError(tmp, "digits.csv", "line 9:", "unknown segment 'z'", "digit 7");
    }

    @Test
    void duplicateDigitNamesBothLines(@TempDir Path tmp) throws IOException {
        copyShipped(tmp);
        replace(tmp.resolve("digits.csv"), "9,abcdfg", "3,abcdfg");
        assertError(tmp, "digits.csv", "line 11:", "digit 3 listed twice", "line 5");
    }

    @Test
    void missingDigitIsNamed(@TempDir Path tmp) throws IOException {
        copyShipped(tmp);
        replace(tmp.resolve("digits.csv"), "6,acdefg\n", "");
        assertError(tmp, "digits.csv", "digit 6 missing");
    }

    @Test
    void otherMalformedLinesNameFileAndLine(@TempDir Path tmp) throws IOException {
        copyShipped(tmp);
        Path seg = tmp.resolve("segments.csv");
        replace(seg, "segment,name,pixels", "letter,name,pixels");
        assertError(tmp, "segments.csv", "line 1:", "header");
        replace(seg, "letter,name,pixels", "segment,name,pixels");
        replace(seg, "h,stem", "a,stem");
        assertError(tmp, "segments.csv", "line 9:", "segment a defined twice");
        replace(seg, "a,stem", "h,stem");
        replace(seg, "i,flag of the one,\"1:4 2:3\"", "i,flag of the one");
        assertError(tmp, "segments.csv", "line 10:", "expected 3 fields");
        Path dig = tmp.resolve("digits.csv");
        copyShipped(tmp);
        replace(dig, "0,abcdef", "ten,abcdef");
        assertError(tmp, "digits.csv", "line 2:", "'ten'");
        replace(dig, "ten,abcdef", "0,abcdefa");
        assertError(tmp, "digits.csv", "line 2:", "segment a listed twice");
    }

    private static void assertError(Path dir, String... parts) {
        DataFileException e = assertThrows(DataFileException.class, () -> SegmentDigits.read(dir));
        for (String part : parts) assertTrue(e.getMessage().contains(part), "'" + part + "' in: " + e.getMessage());
    }

    private static void copyShipped(Path dir) throws IOException {
        for (String f : new String[]{"segments.csv", "digits.csv"}) {
            Files.copy(SHIPPED.resolve(f), dir.resolve(f), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void replace(Path file, String from, String to) throws IOException {
        String s = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        assertTrue(s.contains(from), from + " in " + file);
        Files.write(file, s.replace(from, to).getBytes(StandardCharsets.UTF_8));
    }

    private static int sum(int[] a) { return Arrays.stream(a).sum(); }
}
