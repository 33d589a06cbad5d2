package org.neuralgraph.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.util.ArrayList;
import java.util.List;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.stddev_pop;
import static org.apache.spark.sql.functions.sum;

/**
 * Per-layer statistics of the trained weights (edges of kind {@code weight}; skip and attention edges carry no trained
 * weight): how many, the mean, population standard deviation, minimum and maximum of |w| and of the signed w, and
 * sum |w|, one group per partition of the edge table.
 */
final class LayerStatistics {

    /** One layer's figures. */
    static final class Layer {
        int layer;
        long count;
        double meanAbs, stdAbs, minAbs, maxAbs, sumAbs;
        double mean, std, min, max;
    }

    private LayerStatistics() { }

    static List<Layer> of(Dataset<Row> edges) {
        List<Layer> out = new ArrayList<>();
        for (Row r : edges.where(col("kind").equalTo(lit("weight"))).groupBy("layer")
                .agg(count(lit(1)), avg("weight"), stddev_pop("weight"), min("weight"), max("weight"), sum("weight"),
                        avg("value"), stddev_pop("value"), min("value"), max("value"))
                .orderBy("layer").collectAsList()) {
            Layer l = new Layer();
            l.layer = r.getInt(0);
            l.count = r.getLong(1);
            l.meanAbs = r.getDouble(2);
            l.stdAbs = r.getDouble(3);
            l.minAbs = r.getDouble(4);
            l.maxAbs = r.getDouble(5);
            l.sumAbs = r.getDouble(6);
            l.mean = r.getDouble(7);
            l.std = r.getDouble(8);
            l.min = r.getDouble(9);
            l.max = r.getDouble(10);
            out.add(l);
        }
        return out;
    }
}
