package org.neuralgraph.core.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

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

    /** Values of a compressed file arrive in chunks of 1 MB; more than one of them come back in order. */
    @Test
    void compressedValuesOverSeveralChunksRoundTrip(@TempDir Path tmp) throws IOException {
        IdxFile f = images(400_000);
        Path p = tmp.resolve("big.gz");
        f.write(p, true);
        assertArrayEquals(f.data(), IdxFile.read(p).data());
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

    /** An IDX header of unsigned bytes with these dimensions. */
    static byte[] header(int... dims) {
        byte[] h = new byte[4 + 4 * dims.length];
        h[2] = IdxFile.UNSIGNED_BYTE;
        h[3] = (byte) dims.length;
        for (int i = 0; i < dims.length; i++) {
            for (int b = 0; b < 4; b++) h[4 + 4 * i + b] = (byte) (dims[i] >>> (24 - 8 * b));
        }
        return h;
    }

    /** A gzip file of {@code header} and {@code zeros} zero bytes, written as it is compressed (about 1000:1). */
    static Path gzipOfZeros(Path file, byte[] header, long zeros) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file), 1 << 16)) {
            out.write(header);
            byte[] chunk = new byte[1 << 20];
            for (long left = zeros; left > 0; left -= chunk.length) out.write(chunk, 0, (int) Math.min(left, chunk.length));
        }
        return file;
    }

    /** Bytes of heap this thread allocates while {@code read} is refused with a DataFileException, and its message. */
    static long allocatedWhileRefused(Path file, StringBuilder message) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId(), before = threads.getThreadAllocatedBytes(id);
        DataFileException e = assertThrows(DataFileException.class, () -> IdxFile.read(file));
        long allocated = threads.getThreadAllocatedBytes(id) - before;
        message.append(e.getMessage());
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        return allocated;
    }

    /** A raw file whose header announces 78 million values but holds one million is refused by its size, before any allocation. */
    @Test
    void forgedRawHeaderIsRefusedWithoutAllocatingWhatItAnnounces(@TempDir Path tmp) throws IOException {
        byte[] h = header(100_000, 28, 28);
        byte[] file = Arrays.copyOf(h, h.length + 1_000_000);
        Path p = Files.write(tmp.resolve("forged-idx3-ubyte"), file);
        StringBuilder m = new StringBuilder();
        long allocated = allocatedWhileRefused(p, m);
        assertTrue(m.toString().contains("truncated: dimensions [100000, 28, 28] announce 78400000 values, found 1000000"), m.toString());
        assertTrue(allocated < 2_000_000, "allocated " + allocated + " bytes for a file of 1 MB");
    }

    /** A compressed file that announces 400 million values but inflates to 20 MB costs what it inflates to, not what it announces. */
    @Test
    void forgedCompressedHeaderCostsOnlyWhatInflates(@TempDir Path tmp) throws IOException {
        Path p = gzipOfZeros(tmp.resolve("forged-idx3-ubyte.gz"), header(510_204, 28, 28), 20_000_000);
        assertTrue(Files.size(p) < 100_000, "compressed: " + Files.size(p));
        StringBuilder m = new StringBuilder();
        long allocated = allocatedWhileRefused(p, m);
        assertTrue(m.toString().contains("truncated: dimensions [510204, 28, 28] announce 399999936 values, found 20000000"), m.toString());
        assertTrue(allocated < 20_000_000L + 4_000_000, "allocated " + allocated + " bytes for 20 MB of values");
    }

    /** A gzip bomb whose header announces 2 GB is refused by its header, before anything is inflated. */
    @Test
    void gzipBombAnnouncingGigabytesIsRefusedByItsHeader(@TempDir Path tmp) throws IOException {
        Path p = gzipOfZeros(tmp.resolve("bomb-idx3-ubyte.gz"), header(2_551_020, 28, 28), 20_000_000);
        StringBuilder m = new StringBuilder();
        long allocated = allocatedWhileRefused(p, m);
        assertTrue(m.toString().contains("dimensions [2551020, 28, 28] announce 1999999680 values, more than the limit of "), m.toString());
        assertTrue(allocated < 2_000_000, "allocated " + allocated);
    }

    /** A gzip file that inflates to more than its header announces is refused at the first byte too many. */
    @Test
    void gzipInflatingPastItsHeaderStopsThere(@TempDir Path tmp) throws IOException {
        Path p = gzipOfZeros(tmp.resolve("more-idx3-ubyte.gz"), header(10, 28, 28), 50_000_000);
        StringBuilder m = new StringBuilder();
        long start = System.nanoTime();
        long allocated = allocatedWhileRefused(p, m);
        assertTrue(m.toString().contains("inflates to more than the 7840 values its dimensions [10, 28, 28] announce; refused"), m.toString());
        assertTrue(allocated < 2_000_000, "allocated " + allocated);
        assertTrue(System.nanoTime() - start < 2_000_000_000L, "stops at once, without inflating 50 MB");
    }

    /** Four dimensions whose product wraps a long to 0 are refused, not read as an empty file. */
    @Test
    void dimensionsWhoseProductOverflowsAreRefused(@TempDir Path tmp) throws IOException {
        Path p = Files.write(tmp.resolve("wrap-idx4-ubyte"), header(65_536, 65_536, 65_536, 65_536));
        DataFileException e = assertThrows(DataFileException.class, () -> IdxFile.read(p));
        assertTrue(e.getMessage().contains("announce over 2^63 values"), e.getMessage());
    }
}
