package org.neuralgraph.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.stddev_pop;
import static org.apache.spark.sql.functions.sum;

/**
 * Every node's out- and in-degree and out- and in-strength (the sum of |w| over its edges; Darnell and Leonard's
 * weighted degree is out + in), over all edges of the table as Gephi counts them, skip and attention edges included;
 * nodes without edges get 0. Beside the table: the degree distributions and the strengths' mean, standard deviation
 * (population), minimum and maximum.
 */
final class NodeStatistics {

    private NodeStatistics() { }

    /** Columns id, layer, out_degree, in_degree (long), out_strength, in_strength (double), one row per node. */
    static Dataset<Row> of(Dataset<Row> nodes, Dataset<Row> edges) {
        Dataset<Row> out = edges.groupBy(col("src").as("id")).agg(count(lit(1)).as("out_degree"), sum("weight").as("out_strength"));
        Dataset<Row> in = edges.groupBy(col("dst").as("id")).agg(count(lit(1)).as("in_degree"), sum("weight").as("in_strength"));
        return nodes.select("id", "layer").join(out, "id", "left").join(in, "id", "left")
                .na().fill(0L, new String[]{"out_degree", "in_degree"})
                .na().fill(0.0, new String[]{"out_strength", "in_strength"})
                .select("id", "layer", "out_degree", "in_degree", "out_strength", "in_strength");
    }

    /** {@code degree -> number of nodes} for the column {@code degreeColumn} of {@link #of}, in increasing degree. */
    static Map<Long, Long> distribution(Dataset<Row> stats, String degreeColumn) {
        Map<Long, Long> d = new LinkedHashMap<>();
        for (Row r : stats.groupBy(degreeColumn).count().orderBy(degreeColumn).collectAsList()) d.put(r.getLong(0), r.getLong(1));
        return d;
    }

    /** Mean, std (population), min and max of {@code column}. */
    static Map<String, Double> summary(Dataset<Row> stats, String column) {
        List<Row> r = stats.agg(avg(column), stddev_pop(column), min(column), max(column)).collectAsList();
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("mean", r.get(0).getDouble(0));
        m.put("std", r.get(0).getDouble(1));
        m.put("min", ((Number) r.get(0).get(2)).doubleValue());
        m.put("max", ((Number) r.get(0).get(3)).doubleValue());
        return m;
    }
}
