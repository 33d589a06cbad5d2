package org.neuralgraph.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.util.List;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

/**
 * Weakly connected components by label propagation on DataFrames (the min-label rule of Pregel-style connected
 * components, as GraphX's {@code connectedComponents} computes it): every node starts with its own id; each round every
 * edge offers the smaller of its ends' labels to both ends and a node keeps the smallest label it sees; the rounds end
 * when no label changes (at most the graph's diameter + 1 rounds, a few for a layered network). One scan of the edge
 * table per round; labels are checkpointed each round so that the plan does not grow. Needs no class of this project
 * on the executors.
 */
final class WeakComponents {

    /** Component count, largest component, nodes alone, and the rounds it took. */
    static final class Result {
        long components, largest, isolated;
        int rounds;
    }

    private WeakComponents() { }

    /** The components of the graph of {@code nodes} (column id) and {@code edges} (src, dst); label = smallest id. */
    static Dataset<Row> labels(Dataset<Row> nodes, Dataset<Row> edges, int[] rounds) {
        Dataset<Row> labels = nodes.select(col("id"), col("id").as("label")).localCheckpoint();
        Dataset<Row> e = edges.select("src", "dst");
        int r = 0;
        while (true) {
            r++;
            Dataset<Row> m = e.join(labels.select(col("id").as("src"), col("label").as("ls")), "src")
                    .join(labels.select(col("id").as("dst"), col("label").as("ld")), "dst")
                    .where(col("ls").notEqual(col("ld")))
                    .select(col("src"), col("dst"), least(col("ls"), col("ld")).as("m"));
            Dataset<Row> offers = m.select(col("src").as("id"), col("m").as("label"))
                    .union(m.select(col("dst").as("id"), col("m").as("label")));
            Dataset<Row> next = labels.union(offers).groupBy("id").agg(min("label").as("label")).localCheckpoint();
            long changed = next.join(labels.select(col("id"), col("label").as("old")), "id")
                    .where(col("label").notEqual(col("old"))).count();
            labels = next;
            if (changed == 0) break;
        }
        if (rounds != null) rounds[0] = r;
        return labels;
    }

    /** The figures of {@link #labels}; a node is isolated when it is a component of its own (weight graphs have no self-loops). */
    static Result of(Dataset<Row> nodes, Dataset<Row> edges) {
        int[] rounds = new int[1];
        Dataset<Row> labels = labels(nodes, edges, rounds);
        List<Row> r = labels.groupBy("label").agg(count(lit(1)).as("size"))
                .agg(count(lit(1)), max("size"), sum(when(col("size").equalTo(1), 1).otherwise(0))).collectAsList();
        Result out = new Result();
        out.components = r.get(0).getLong(0);
        out.largest = r.get(0).isNullAt(1) ? 0 : r.get(0).getLong(1);
        out.rounds = rounds[0];
        out.isolated = r.get(0).isNullAt(2) ? 0 : r.get(0).getLong(2);
        return out;
    }
}
