package org.neuralgraph.core.data;

import org.neuralgraph.core.io.AtomicFiles;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;

/**
 * An IDX file, the format of MNIST and Fashion-MNIST: two zero bytes, a type code, the number of dimensions,
 * then each dimension as a big-endian 32-bit integer, then the values. Only unsigned bytes (type 0x08), the type
 * of every MNIST-style file, are supported. Files may be gzip-compressed (recognised by their content, not name).
 */
public final class IdxFile {

    /** Type code of unsigned bytes. */
    public static final int UNSIGNED_BYTE = 0x08;

    /**
     * Most values a file may announce: 2^30, about 20 times MNIST's 60,000 training images of 28x28 (47 million bytes),
     * so that a forged or mistaken header is refused before it costs gigabytes.
     */
    public static final long MAX_VALUES = 1L << 30;

    /**
     * Bytes of Java heap one value costs as a pixel: the byte read here, its float in {@link LabeledImages} and the float
     * of a copy (a train/test split or a sample); {@link #maxValues()} allows only what the heap can hold so.
     */
    public static final int HEAP_BYTES_PER_VALUE = 9;

    private final int[] dims;
    private final byte[] data;

    /**
     * @param dims dimensions, outermost first
     * @param data values in row-major order, {@code product(dims)} bytes, read as unsigned
     */
    public IdxFile(int[] dims, byte[] data) {
        long n = count(dims);
        if (n != data.length) throw new IllegalArgumentException("IDX data has " + data.length + " bytes for dimensions " + Arrays.toString(dims));
        this.dims = dims.clone();
        this.data = data;
    }

    public int[] dims() { return dims.clone(); }
    public int dim(int i) { return dims[i]; }
    public int rank() { return dims.length; }
    /** The values, unsigned: use {@code data()[i] & 0xff}. Not copied. */
    public byte[] data() { return data; }

    /** The product of the dimensions; Long.MAX_VALUE when it overflows (four forged dimensions can wrap it to 0). */
    private static long count(int[] dims) {
        long n = 1;
        for (int d : dims) {
            if (d < 0) throw new IllegalArgumentException("negative IDX dimension " + d);
            if (d == 0) return 0;
        }
        for (int d : dims) {
            if (n > Long.MAX_VALUE / d) return Long.MAX_VALUE;
            n *= d;
        }
        return n;
    }

    /**
     * Reads an IDX file, gzip-compressed or raw, of any rank from 1 to 4 and at most {@link #maxValues()} values.
     *
     * @throws DataFileException naming the file when it is missing, not IDX, of another type, truncated, larger than
     *                           its header says, or announces too many values
     */
    public static IdxFile read(Path file) throws IOException {
        return read(file, 0, maxValues());
    }

    /**
     * Most values a file may announce: {@link #MAX_VALUES}, or fewer when the Java heap cannot hold that many as images
     * ({@link #HEAP_BYTES_PER_VALUE} bytes each).
     */
    public static long maxValues() {
        return Math.min(MAX_VALUES, Runtime.getRuntime().maxMemory() / HEAP_BYTES_PER_VALUE);
    }

    /**
     * Reads an IDX file, gzip-compressed or raw. The header is data from elsewhere, so nothing is allocated on its word:
     * a raw file must hold exactly the values its dimensions announce, and a compressed one is inflated in chunks as
     * bytes arrive and is refused as soon as it gives more bytes than announced (a gzip bomb) or ends with fewer (a
     * forged header).
     *
     * @param rank      the number of dimensions the file must have, or 0 for any of 1 to 4
     * @param maxValues most values the dimensions may announce
     * @throws DataFileException naming the file when it is missing, not IDX, of another type or rank, truncated, larger
     *                           than its header says, or announces more than {@code maxValues} values
     */
    public static IdxFile read(Path file, int rank, long maxValues) throws IOException {
        if (!Files.isRegularFile(file)) throw new DataFileException(file, "no such file", new NoSuchFileException(file.toString()));
        long fileSize = Files.size(file);
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            raw.mark(2);
            int b0 = raw.read(), b1 = raw.read();
            raw.reset();
            boolean gzip = b0 == 0x1f && b1 == 0x8b;
            InputStream in = gzip ? new GZIPInputStream(raw, 1 << 16) : raw;
            return read(file, new DataInputStream(in), gzip ? -1 : fileSize, rank, maxValues);
        } catch (EOFException | ZipException e) {
            throw new DataFileException(file, "truncated or corrupt (" + e.getMessage() + ")", e);
        }
    }

    /** @param fileSize the raw file's size, or -1 for a compressed file */
    private static IdxFile read(Path file, DataInputStream in, long fileSize, int expectedRank, long maxValues) throws IOException {
        int z0 = in.read(), z1 = in.read(), type = in.read(), rank = in.read();
        if (rank < 0) throw new DataFileException(file, "too short to be an IDX file", null);
        if (z0 != 0 || z1 != 0) {
            throw new DataFileException(file, String.format("not an IDX file: magic number starts 0x%02x%02x, expected 0x0000", z0, z1), null);
        }
        if (type != UNSIGNED_BYTE) {
            throw new DataFileException(file, String.format("IDX type 0x%02x is not supported; only unsigned bytes (0x08), as in MNIST", type), null);
        }
        if (rank < 1 || rank > 4) throw new DataFileException(file, "IDX file has " + rank + " dimensions; expected 1 to 4", null);
        if (expectedRank > 0 && rank != expectedRank) {
            throw new DataFileException(file, "IDX file has " + rank + " dimensions; expected " + expectedRank, null);
        }
        int[] dims = new int[rank];
        for (int i = 0; i < rank; i++) {
            dims[i] = in.readInt();
            if (dims[i] < 0) throw new DataFileException(file, "dimension " + i + " is negative (" + dims[i] + ")", null);
        }
        long n = count(dims);
        if (n > maxValues || n > Integer.MAX_VALUE - 8) {
            throw new DataFileException(file, "dimensions " + Arrays.toString(dims) + " announce "
                    + (n == Long.MAX_VALUE ? "over 2^63" : String.valueOf(n)) + " values, more than the limit of " + Math.min(maxValues, Integer.MAX_VALUE - 8)
                    + " (2^30, lowered to what the Java heap holds at " + HEAP_BYTES_PER_VALUE + " bytes per value); refused", null);
        }
        if (fileSize >= 0) {
            long held = fileSize - 4 - 4L * rank;
            if (held < n) throw truncated(file, dims, n, held);
            if (held > n) throw new DataFileException(file, "has bytes after the " + n + " values its dimensions " + Arrays.toString(dims) + " announce", null);
        }
        return new IdxFile(dims, values(file, in, dims, (int) n, fileSize < 0));
    }

    /**
     * The {@code n} values, then a check that nothing follows. A raw file's size was checked against {@code n} already; a
     * compressed one is inflated in chunks of 1 MB that are joined only once all {@code n} values have arrived, so a
     * forged count costs no more than the bytes that really inflate.
     */
    private static byte[] values(Path file, InputStream in, int[] dims, int n, boolean compressed) throws IOException {
        byte[] values;
        if (compressed) {
            List<byte[]> chunks = new ArrayList<>();
            long found = 0;
            while (found < n) {
                byte[] chunk = new byte[(int) Math.min(1 << 20, n - found)];
                int k = in.readNBytes(chunk, 0, chunk.length);
                found += k;
                if (k < chunk.length) throw truncated(file, dims, n, found);
                chunks.add(chunk);
            }
            values = new byte[n];
            int at = 0;
            for (byte[] c : chunks) {
                System.arraycopy(c, 0, values, at, c.length);
                at += c.length;
            }
        } else {
            values = new byte[n];
            int k = in.readNBytes(values, 0, n);
            if (k < n) throw truncated(file, dims, n, k);
        }
        if (in.read() != -1) {
            throw new DataFileException(file, (compressed ? "inflates to more than" : "has bytes after") + " the " + n
                    + " values its dimensions " + Arrays.toString(dims) + " announce" + (compressed ? "; refused" : ""), null);
        }
        return values;
    }

    private static DataFileException truncated(Path file, int[] dims, long n, long found) {
        return new DataFileException(file, "truncated: dimensions " + Arrays.toString(dims) + " announce " + n + " values, found " + found, null);
    }

    /** Writes this file atomically (temporary file, then move), gzip-compressed when {@code gzip}. */
    public void write(Path file, boolean gzip) throws IOException {
        AtomicFiles.write(file, tmp -> {
            try (OutputStream fo = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16);
                 OutputStream o = gzip ? new GZIPOutputStream(fo, 1 << 16) : fo;
                 DataOutputStream out = new DataOutputStream(o)) {
                out.write(new byte[]{0, 0, UNSIGNED_BYTE, (byte) dims.length});
                for (int d : dims) out.writeInt(d);
                out.write(data);
            }
        });
    }
}
