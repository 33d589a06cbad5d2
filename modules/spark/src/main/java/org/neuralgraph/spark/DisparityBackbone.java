package org.neuralgraph.spark;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pow;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

/**
 * The disparity backbone (Serrano, Boguñá and Vespignani, PNAS 106 (2009) 6483, Eq. 2) as DataFrame expressions, with
 * the conventions of core's {@link org.neuralgraph.core.backbone.DisparityFilter}: an edge u -> v of weight w = |w| has alpha = (1 - w/s)^(k - 1) at
 * its source (out-degree k, out-strength s) and at its target (in-degree, in-strength); an end with k &lt;= 1 or s = 0
 * gives 1 (it cannot judge the edge); the edge's alpha is the smaller of the two and it is kept when alpha &lt; level
 * (strict). Only edges of kind {@code weight} are judged and counted in degrees and strengths; skip and attention
 * edges are kept whole with alpha NaN. Pure column expressions: executors need no class of this project.
 */
final class DisparityBackbone {

    private DisparityBackbone() { }

    /** Every edge of {@code edges} with its {@code alpha} column (NaN for structural edges). */
    static Dataset<Row> scored(Dataset<Row> edges) {
        Dataset<Row> w = edges.where(col("kind").equalTo(lit("weight")));
        Dataset<Row> out = w.groupBy("src").agg(count(lit(1)).as("k_out"), sum("weight").as("s_out"));
        Dataset<Row> in = w.groupBy("dst").agg(count(lit(1)).as("k_in"), sum("weight").as("s_in"));
        Column alpha = least(end(col("k_out"), col("s_out")), end(col("k_in"), col("s_in")));
        Dataset<Row> judged = w.join(out, "src").join(in, "dst")
                .select(col("src"), col("dst"), col("weight"), col("value"), col("kind"), col("layer"), alpha.as("alpha"));
        Dataset<Row> structural = edges.where(col("kind").notEqual(lit("weight")))
                .select(col("src"), col("dst"), col("weight"), col("value"), col("kind"), col("layer"), lit(Double.NaN).as("alpha"));
        return judged.unionByName(structural);
    }

    /** The backbone at {@code level}: judged edges with alpha &lt; level, and every structural edge. */
    static Dataset<Row> keep(Dataset<Row> scored, double level) {
        return scored.where(col("alpha").lt(lit(level)).or(col("kind").notEqual(lit("weight"))));
    }

    /** (1 - w/s)^(k - 1) at one end, 1 when k &lt;= 1 or s &lt;= 0. */
    private static Column end(Column k, Column s) {
        return when(k.leq(1).or(s.leq(0)), lit(1.0)).otherwise(pow(lit(1.0).minus(col("weight").divide(s)), k.minus(1)));
    }
}
