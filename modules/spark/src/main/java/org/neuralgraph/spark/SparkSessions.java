package org.neuralgraph.spark;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.spark.sql.SparkSession;

import java.util.regex.Pattern;

/**
 * The Spark session of one run: the master from {@code --master}, else the one spark-submit set ({@code spark.master}),
 * else {@code local[*]}. A master that is no Spark master URL, or one Spark cannot start on, ends with one line naming
 * {@code --master}. Spark's own log lines stay off standard error unless {@code --verbose}.
 */
final class SparkSessions {

    static final String DEFAULT_MASTER = "local[*]";

    /** The master URL forms Spark 4 takes (SparkContext.createTaskScheduler). */
    private static final Pattern MASTER = Pattern.compile(
            "local|local\\[(\\*|[1-9][0-9]*)(,[0-9]+)?\\]|local-cluster\\[[0-9]+,[0-9]+,[0-9]+\\]|spark://[^\\s/]+(:[0-9]+)?(,[^\\s/]+(:[0-9]+)?)*|yarn|k8s://\\S+");

    private SparkSessions() { }

    /**
     * The master to use.
     *
     * @throws IllegalArgumentException naming --master when {@code given} is no Spark master URL
     */
    static String master(String given) {
        if (given == null) {
            String submitted = System.getProperty("spark.master");
            return submitted != null ? submitted : DEFAULT_MASTER;
        }
        if (!MASTER.matcher(given).matches()) {
            throw new IllegalArgumentException("--master '" + given + "' is not a Spark master URL: use local[*], local[N], "
                    + "spark://HOST:PORT, yarn or k8s://https://HOST:PORT");
        }
        return given;
    }

    static boolean isLocal(String master) {
        return master.startsWith("local");
    }

    /**
     * A session on {@code master}.
     *
     * @throws IllegalArgumentException naming --master when Spark does not start there
     */
    static SparkSession start(String master, boolean verbose) {
        try {
            Configurator.setRootLevel(verbose ? Level.INFO : Level.ERROR); // log4j2.properties of this jar starts at ERROR
        } catch (ClassCastException e) {
            // log4j's simple context (the command line's default): Spark cannot start on it, the builder says so below
        }
        SparkSession.Builder b = SparkSession.builder().appName("neuralgraph").master(master);
        if (isLocal(master)) {
            b.config("spark.ui.enabled", "false")
                    .config("spark.sql.shuffle.partitions", "4") // the default 200 is for clusters; node tables are small
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1");
        }
        try {
            return b.getOrCreate();
        } catch (RuntimeException | ExceptionInInitializerError e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) root = root.getCause();
            throw new IllegalArgumentException("--master " + master + ": Spark did not start: " + root, e);
        }
    }
}
