package org.neuralgraph.cli;

import org.neuralgraph.pipeline.model.ModelRequest;
import org.neuralgraph.pipeline.study.Study;
import org.neuralgraph.pipeline.study.WeightGraphStudy;

import java.util.ServiceLoader;

/**
 * An engine that runs the weights study's edge-level work somewhere other than this JVM's arrays ({@code weights --engine
 * NAME}). Engines are found with {@link ServiceLoader} ({@code META-INF/services/org.neuralgraph.cli.WeightsEngine}), so
 * an engine and its libraries are on the class path only when its own launcher puts them there: the Spark engine lives
 * in {@code modules/spark} and {@code bin/neuralgraph-spark}, never in {@code neuralgraph.jar} or the Gephi plugins.
 */
public interface WeightsEngine {

    /** The in-memory engine: the weights study itself, no service needed. */
    String MEMORY = "memory";

    /** The word after {@code --engine}. */
    String name();

    /** The study this engine runs for the weights command's model, settings and engine options. */
    Study study(ModelRequest model, WeightGraphStudy.Settings settings, Options options);

    /** The engine options of the weights command ({@code --master}, {@code --table}, {@code --alpha}). */
    final class Options {
        /** A cluster's master URL, or null for the engine's default. */
        public String master;
        /** Where the engine's tables go (a directory or a URL such as hdfs://...), or null for {@code OUT/table}. */
        public String table;
        /** The disparity backbone's significance level. */
        public double alpha = 0.05;
    }

    /**
     * The engine called {@code name} on the class path.
     *
     * @throws IllegalArgumentException naming --engine and saying how to get the engine when it is not there
     */
    static WeightsEngine find(String name) {
        for (WeightsEngine e : ServiceLoader.load(WeightsEngine.class)) {
            if (e.name().equals(name)) return e;
        }
        if (name.equals("spark")) {
            throw new IllegalArgumentException("--engine spark: Spark is not on this launcher's class path; build it with "
                    + "'mvn -pl modules/spark -am package -DskipTests' and run bin/neuralgraph-spark (see docs/spark.md)");
        }
        throw new IllegalArgumentException("--engine: unknown engine '" + name + "'; use " + MEMORY + " or spark");
    }
}
