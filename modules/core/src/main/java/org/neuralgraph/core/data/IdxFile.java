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
import java.util.Arrays;
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

    private static long count(int[] dims) {
        long n = 1;
        for (int d : dims) {
            if (d < 0) throw new IllegalArgumentException("negative IDX dimension " + d);
            n *= d;
        }
        return n;
    }

    /**
     * Reads an IDX file, gzip-compressed or raw.
     *
     * @throws DataFileException naming the file when it is missing, not IDX, of another type, or truncated
     */
    public static IdxFile read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw new DataFileException(file, "no such file", new NoSuchFileException(file.toString()));
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            raw.mark(2);
            int b0 = raw.read(), b1 = raw.read();
            raw.reset();
            InputStream in = (b0 == 0x1f && b1 == 0x8b) ? new GZIPInputStream(raw, 1 << 16) : raw;
            return read(file, new DataInputStream(in));
        } catch (EOFException | ZipException e) {
            throw new DataFileException(file, "truncated or corrupt (" + e.getMessage() + ")", e);
        }
    }

    private static IdxFile read(Path file, DataInputStream in) throws IOException {
        int z0 = in.read(), z1 = in.read(), type = in.read(), rank = in.read();
        if (rank < 0) throw new DataFileException(file, "too short to be an IDX file", null);
        if (z0 != 0 || z1 != 0) {
            throw new DataFileException(file, String.format("not an IDX file: magic number starts 0x%02x%02x, expected 0x0000", z0, z1), null);
        }
        if (type != UNSIGNED_BYTE) {
            throw new DataFileException(file, String.format("IDX type 0x%02x is not supported; only unsigned bytes (0x08), as in MNIST", type), null);
        }
        if (rank < 1 || rank > 4) throw new DataFileException(file, "IDX file has " + rank + " dimensions; expected 1 to 4", null);
        int[] dims = new int[rank];
        for (int i = 0; i < rank; i++) {
            dims[i] = in.readInt();
            if (dims[i] < 0) throw new DataFileException(file, "dimension " + i + " is negative (" + dims[i] + ")", null);
        }
        long n = count(dims);
        if (n > Integer.MAX_VALUE - 8) throw new DataFileException(file, "IDX file announces " + n + " values; too large", null);
        byte[] data = new byte[(int) n];
        int read = in.readNBytes(data, 0, data.length);
        if (read < data.length) {
            throw new DataFileException(file, "truncated: dimensions " + Arrays.toString(dims) + " announce " + n
                    + " values, found " + read, null);
        }
        if (in.read() != -1) {
            throw new DataFileException(file, "has bytes after the " + n + " values its dimensions " + Arrays.toString(dims) + " announce", null);
        }
        return new IdxFile(dims, data);
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
