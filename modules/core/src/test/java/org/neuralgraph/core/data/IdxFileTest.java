package org.neuralgraph.core.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.*;

class IdxFileTest {

    static IdxFile images(int n) {
        byte[] b = new byte[n * 2 * 3];
        for (int i = 0; i < b.length; i++) b[i] = (byte) (i * 37);
        return new IdxFile(new int[]{n, 2, 3}, b);
    }

    @Test
    void roundTripRawAndGzip(@TempDir Path tmp) throws IOException {
        IdxFile f = images(4);
        for (boolean gz : new boolean[]{false, true}) {
            Path p = tmp.resolve("x" + gz);
            f.write(p, gz);
            byte[] head = Arrays.copyOf(Files.readAllBytes(p), 2);
            assertEquals(gz, head[0] == (byte) 0x1f && head[1] == (byte) 0x8b);
            IdxFile back = IdxFile.read(p);
            assertArrayEquals(f.dims(), back.dims());
            assertArrayEquals(f.data(), back.data());
        }
    }

    @Test
    void wrongMagicIsNamed(@TempDir Path tmp) throws IOException {
        Path p = tmp.resolve("foreign.bin");
        Files.write(p, new byte[]{0x50, 0x4b, 3, 4, 0, 0, 0, 1});
        DataFileException e = assertThrows(DataFileException.class, () -> IdxFile.read(p));
        assertTrue(e.getMessage().contains("foreign.bin") && e.getMessage().contains("not an IDX file"), e.getMessage());
    }

    @Test
    void otherTypesAreUnsupported(@TempDir Path tmp) throws IOException {
        Path p = tmp.resolve("floats.idx");
        Files.write(p, new byte[]{0, 0, 0x0d, 1, 0, 0, 0, 1, 0, 0, 0, 0});
        DataFileException e = assertThrows(DataFileException.class, () -> IdxFile.read(p));
        assertTrue(e.getMessage().contains("0x0d is not supported"), e.getMessage());
    }

    @Test
    void truncatedFileSaysWhatIsMissing(@TempDir Path tmp) throws IOException {
        Path full = tmp.resolve("full");
        images(4).write(full, false);
        byte[] all = Files.readAllBytes(full);
        Path cut = tmp.resolve("cut");
        Files.write(cut, Arrays.copyOf(all, all.length - 5));
        DataFileException e = assertThrows(DataFileException.class, () -> IdxFile.read(cut));
        assertTrue(e.getMessage().contains("truncated") && e.getMessage().contains("24 values, found 19"), e.getMessage());

        Path gz = tmp.resolve("gz");
        images(4).write(gz, true);
        byte[] g = Files.readAllBytes(gz);
        Path gzCut = tmp.resolve("gzcut");
        Files.write(gzCut, Arrays.copyOf(g, g.length / 2));
        assertThrows(DataFileException.class, () -> IdxFile.read(gzCut));
    }

    @Test
    void missingFileIsNamed(@TempDir Path tmp) {
        DataFileException e = assertThrows(DataFileException.class, () -> IdxFile.read(tmp.resolve("none.gz")));
        assertTrue(e.getMessage().contains("none.gz"));
    }
}
