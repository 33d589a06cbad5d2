package org.neuralgraph.gephi;

import org.gephi.project.api.Workspace;
import org.gephi.project.spi.WorkspaceBytesPersistenceProvider;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Saves the {@link RecordedActivations} of a workspace with its {@code .gephi} project and puts them back into the
 * workspace's lookup when the project is opened (Gephi's workspace persistence, registered in
 * {@code META-INF/services}), so that Activation pattern entropy runs on a saved project, from Gephi or from the
 * command line. The entry {@code Workspace_<id>_neuralgraph-activations_bytes} holds: the format version, whether
 * there are activations, then rows, columns, each column's node id and layer, each row's class, and the
 * {@code rows x columns} values as big-endian floats (8,000 samples of a 50-neuron layer: 1.6 MB). An entry that does
 * not read back (a file from elsewhere, cut short) is skipped with a warning: the graph opens, without activations.
 */
public final class RecordedActivationsPersistence implements WorkspaceBytesPersistenceProvider {

    static final String IDENTIFIER = "neuralgraph-activations";
    private static final int VERSION = 1;
    /** More values than this (1 GiB of floats) is not a file we wrote. */
    private static final long MAX_VALUES = 1L << 28;
    private static final Logger LOG = Logger.getLogger(RecordedActivationsPersistence.class.getName());

    @Override
    public String getIdentifier() {
        return IDENTIFIER;
    }

    @Override
    public void writeBytes(DataOutputStream out, Workspace workspace) {
        RecordedActivations a = workspace.getLookup().lookup(RecordedActivations.class);
        try {
            out.writeInt(VERSION);
            out.writeBoolean(a != null);
            if (a == null) return;
            out.writeInt(a.rows());
            out.writeInt(a.columns());
            for (int c = 0; c < a.columns(); c++) {
                out.writeUTF(a.nodeId(c));
                out.writeInt(a.layer(c));
            }
            for (int r = 0; r < a.rows(); r++) out.writeInt(a.rowClass(r));
            ByteBuffer values = ByteBuffer.allocate(Math.multiplyExact(a.values().length, Float.BYTES));
            values.asFloatBuffer().put(a.values());
            out.write(values.array());
        } catch (IOException e) {
            throw new UncheckedIOException("saving the recorded activations of workspace '" + workspace.getName() + "'", e);
        }
    }

    @Override
    public void readBytes(DataInputStream in, Workspace workspace) {
        try {
            RecordedActivations a = read(in);
            if (a != null) workspace.add(a);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "The recorded activations of workspace '" + workspace.getName() + "' could not be read ("
                    + e.getMessage() + "); Activation pattern entropy will not run on it", e);
        }
    }

    static RecordedActivations read(DataInputStream in) throws IOException {
        int version = in.readInt();
        if (version != VERSION) throw new IOException("format version " + version + ", expected " + VERSION);
        if (!in.readBoolean()) return null;
        int rows = in.readInt(), columns = in.readInt();
        if (rows < 0 || columns < 0 || (long) rows * columns > MAX_VALUES) throw new IOException(rows + " x " + columns + " values");
        String[] ids = new String[columns];
        int[] layer = new int[columns];
        for (int c = 0; c < columns; c++) {
            ids[c] = in.readUTF();
            layer[c] = in.readInt();
        }
        int[] rowClass = new int[rows];
        for (int r = 0; r < rows; r++) rowClass[r] = in.readInt();
        byte[] bytes = new byte[rows * columns * Float.BYTES];
        in.readFully(bytes);
        float[] values = new float[rows * columns];
        ByteBuffer.wrap(bytes).asFloatBuffer().get(values);
        return new RecordedActivations(values, rows, ids, layer, rowClass);
    }
}
