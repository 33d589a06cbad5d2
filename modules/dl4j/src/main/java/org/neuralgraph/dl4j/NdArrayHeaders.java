package org.neuralgraph.dl4j;

import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.buffer.DataType;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Checks the headers of the ND4J arrays in a DL4J model zip ({@code coefficients.bin}, {@code updaterState.bin}) before
 * ND4J reads them. {@code Nd4j.read} allocates each of an array's two buffers (shape and values) at the length its
 * header announces, off the Java heap, before it reads a value: a 180 KB zip whose header announced a billion floats
 * cost 4 GB before it ended on an EOFException. Each buffer is written as its allocation mode (UTF), its length (an int
 * for the old modes DIRECT, HEAP and JAVACPP, a long since), its data type (UTF) and the values; a length whose values
 * do not fit in the rest of the entry is refused.
 */
final class NdArrayHeaders {

    /** The entries ND4J reads with {@code Nd4j.read}. */
    static final String[] ARRAY_ENTRIES = {"coefficients.bin", "updaterState.bin"};

    private NdArrayHeaders() { }

    /**
     * @throws ModelFileException naming the zip and entry when a buffer announces more values than the entry holds, or
     *                            its header is not one ND4J writes
     */
    static void check(Path zip, ZipFile zf) throws ModelFileException {
        for (String name : ARRAY_ENTRIES) {
            ZipEntry e = zf.getEntry(name);
            if (e == null) continue;
            long left = e.getSize(); // checked against what the entry inflates to by ModelLoader
            try (DataInputStream in = new DataInputStream(zf.getInputStream(e))) {
                for (String buffer : new String[]{"shape", "values"}) {
                    String modeName = in.readUTF();
                    DataBuffer.AllocationMode mode = DataBuffer.AllocationMode.valueOf(modeName);
                    boolean intLength = mode.ordinal() < 3;
                    long length = intLength ? in.readInt() : in.readLong();
                    String typeName = in.readUTF();
                    DataType type = DataType.valueOf(typeName);
                    left -= 2 + modeName.length() + (intLength ? 4 : 8) + 2 + typeName.length();
                    int width = type.width();
                    if (width <= 0) throw new ModelFileException(zip, "entry '" + name + "' holds an array of type " + type + ", which is not read");
                    if (length < 0 || length > left / width) {
                        throw new ModelFileException(zip, "entry '" + name + "' announces " + length + " " + type + " values in its " + buffer
                                + " buffer but holds " + Math.max(left, 0) + " bytes after its header (forged or damaged file?); refused");
                    }
                    left -= length * width;
                    skip(in, length * width);
                }
            } catch (ModelFileException ex) {
                throw ex;
            } catch (IOException | IllegalArgumentException ex) {
                throw new ModelFileException(zip, "entry '" + name + "' is not an array as DL4J writes it (" + ex + ")", ex);
            }
        }
    }

    private static void skip(InputStream in, long n) throws IOException {
        for (long left = n; left > 0; ) {
            long k = in.skip(left);
            if (k <= 0) {
                if (in.read() < 0) throw new java.io.EOFException("the entry ends " + left + " bytes early");
                k = 1;
            }
            left -= k;
        }
    }
}
