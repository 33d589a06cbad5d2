package org.neuralgraph.spark;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

import java.io.Closeable;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The weight graph as two Parquet tables, written row by row from the driver so that no step holds the whole graph:
 * {@code edges/} partitioned by layer (Hive style, {@code edges/layer=L/part-00000.parquet}; columns {@code src},
 * {@code dst}, {@code weight} = |w| (the Gephi weight), {@code value} = signed w, {@code kind}: weight, skip or attention
 * as {@code DagWeightGraph} names them) and {@code nodes/} ({@code id}, {@code node_id}, {@code label}, {@code layer},
 * {@code layer_name}, {@code index}, {@code bias}). An edge's layer is its target's layer. The root is any Hadoop path
 * (a local directory, hdfs://, s3a://) so that a cluster's executors read what the driver wrote.
 */
final class EdgeTable implements Closeable {

    static final String EDGES = "edges", NODES = "nodes";
    /** Row groups of 32 MB: a writer per open layer buffers one, so a 1 GB driver keeps several layers open. */
    private static final int ROW_GROUP_BYTES = 32 << 20;

    private static final MessageType EDGE_SCHEMA = MessageTypeParser.parseMessageType("message edge { required int32 src; "
            + "required int32 dst; required double weight; required double value; required binary kind (STRING); }");
    private static final MessageType NODE_SCHEMA = MessageTypeParser.parseMessageType("message node { required int32 id; "
            + "required binary node_id (STRING); required binary label (STRING); required int32 layer; "
            + "required binary layer_name (STRING); required int32 index; required double bias; }");

    private final String root;
    private final Configuration conf;
    private final Map<Integer, ParquetWriter<Group>> layers = new HashMap<>();
    private final SimpleGroupFactory edgeRows = new SimpleGroupFactory(EDGE_SCHEMA);
    private final SimpleGroupFactory nodeRows = new SimpleGroupFactory(NODE_SCHEMA);
    private ParquetWriter<Group> nodes;
    private long edgeCount, nodeCount;

    private EdgeTable(String root, Configuration conf) {
        this.root = root;
        this.conf = conf;
    }

    /**
     * A new table under {@code root}.
     *
     * @throws IllegalArgumentException naming --table when the directory exists already and is not empty
     */
    static EdgeTable create(String root, Configuration conf) throws IOException {
        Path p = new Path(root);
        FileSystem fs = p.getFileSystem(conf);
        if (fs.exists(p) && fs.listStatus(p).length > 0) {
            throw new IllegalArgumentException("--table: " + root + " exists and is not empty; name a new directory");
        }
        return new EdgeTable(root, conf);
    }

    String root() { return root; }
    String edges() { return root + "/" + EDGES; }
    String nodes() { return root + "/" + NODES; }
    long edgeCount() { return edgeCount; }
    long nodeCount() { return nodeCount; }

    /** Adds node {@code id} (nodes are numbered 0..n-1, the edges' src and dst). */
    void node(int id, String nodeId, String label, int layer, String layerName, int index, double bias) throws IOException {
        if (nodes == null) nodes = writer(nodes(), "part-00000.parquet", NODE_SCHEMA);
        nodes.write(nodeRows.newGroup().append("id", id).append("node_id", nodeId).append("label", label).append("layer", layer)
                .append("layer_name", layerName).append("index", index).append("bias", bias));
        nodeCount++;
    }

    /** Adds the edge {@code src -> dst} into layer {@code layer}'s partition. */
    void edge(int layer, int src, int dst, double weight, double value, String kind) throws IOException {
        ParquetWriter<Group> w = layers.get(layer);
        if (w == null) {
            w = writer(edges() + "/layer=" + layer, "part-00000.parquet", EDGE_SCHEMA);
            layers.put(layer, w);
        }
        w.write(edgeRows.newGroup().append("src", src).append("dst", dst).append("weight", weight).append("value", value)
                .append("kind", kind));
        edgeCount++;
    }

    /** Closes layer {@code layer}'s file, freeing its buffer; a streaming source calls it when a layer is done. */
    void closeLayer(int layer) throws IOException {
        ParquetWriter<Group> w = layers.remove(layer);
        if (w != null) w.close();
    }

    private ParquetWriter<Group> writer(String dir, String file, MessageType schema) throws IOException {
        return ExampleParquetWriter.builder(HadoopOutputFile.fromPath(new Path(dir, file), conf))
                .withConf(conf).withType(schema).withCompressionCodec(CompressionCodecName.SNAPPY)
                .withRowGroupSize(ROW_GROUP_BYTES).build();
    }

    @Override
    public void close() throws IOException {
        for (ParquetWriter<Group> w : layers.values()) w.close();
        layers.clear();
        if (nodes != null) nodes.close();
        nodes = null;
    }
}
