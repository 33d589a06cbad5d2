package org.neuralgraph.pipeline.study;

import java.util.Locale;

/**
 * The correlations that Mostafa and Mondal report for the four experiments we can repeat (MLP 784-512-512-10 on MNIST and
 * Fashion-MNIST, with and without shuffled labels), copied from the paper: Table 4 (modularity against training
 * accuracy, layers L1 and L2), Table 5 (model entropy) and Table 6 (entropy per class; the paper numbers classes
 * 1-10, we 0-9). Each figure is {PCC, SCC}. Table 3's correlations are only in a figure and are not listed.
 */
final class MostafaMondalTables {

    /** The paper's experiments. */
    enum Dataset {
        MNIST("MNIST", 0), MNIST_MIXED("MNIST Mixed", 1), FASHION_MNIST("Fashion MNIST", 2), FASHION_MNIST_MIXED("Fashion MNIST Mixed", 3);

        final String title;
        final int column;

        Dataset(String title, int column) {
            this.title = title;
            this.column = column;
        }

        /** Which experiment a run repeats: by the data directory's name and the Mixed flag; null when neither MNIST. */
        static Dataset of(String dataDescription, boolean mixed) {
            String d = dataDescription.toLowerCase(Locale.ROOT);
            if (d.contains("fashion")) return mixed ? FASHION_MNIST_MIXED : FASHION_MNIST;
            if (d.contains("mnist")) return mixed ? MNIST_MIXED : MNIST;
            return null;
        }
    }

    /** Table 4 row names in our metric keys' order: KLB, no-overlap (Eq. 2), unweighted overlap (Eq. 3), weighted overlap (Eq. 4). */
    static final String[] TABLE4_METRICS = {"klb", "no_overlap", "unweighted_overlap", "weighted_overlap"};

    /** [metric][dataset][layer L1, L2][PCC, SCC]. */
    private static final double[][][][] TABLE4 = {
            {{{0.24, 0.16}, {0.50, 0.61}}, {{-0.76, -0.81}, {-0.73, -0.84}}, {{-0.04, -0.10}, {0.42, 0.44}}, {{-0.03, -0.07}, {-0.44, -0.38}}},
            {{{0.22, 0.19}, {0.23, 0.19}}, {{-0.44, -0.55}, {0.46, 0.37}}, {{0.42, 0.46}, {0.62, 0.61}}, {{0.28, 0.40}, {0.14, 0.29}}},
            {{{0.53, 0.37}, {0.78, 0.68}}, {{-0.70, -0.73}, {0.36, 0.37}}, {{0.71, 0.67}, {0.77, 0.72}}, {{0.43, 0.51}, {0.22, 0.35}}},
            {{{0.36, 0.33}, {0.77, 0.57}}, {{-0.63, -0.69}, {0.48, 0.47}}, {{0.56, 0.46}, {0.78, 0.79}}, {{0.43, 0.51}, {0.26, 0.38}}},
    };

    /** Table 5: [dataset][PCC, SCC]. */
    private static final double[][] TABLE5 = {{-0.87, -0.94}, {0.22, 0.51}, {-0.95, -0.99}, {0.57, 0.67}};

    /** Table 6: [class 0-9][dataset][PCC, SCC]. */
    private static final double[][][] TABLE6 = {
            {{-0.55, -0.67}, {-0.06, -0.29}, {0.1, 0.21}, {-0.13, -0.4}},
            {{-0.54, -0.71}, {0.18, -0.16}, {-0.24, -0.45}, {0.77, -0.15}},
            {{-0.22, -0.31}, {0.47, -0.02}, {0.37, 0.22}, {0.47, 0.31}},
            {{-0.35, -0.7}, {0.36, 0.11}, {-0.57, -0.84}, {0.25, -0.18}},
            {{-0.71, -0.73}, {0.33, -0.1}, {-0.41, -0.30}, {0.48, 0.11}},
            {{-0.55, -0.52}, {-0.14, -0.07}, {-0.67, -0.67}, {0.33, -0.17}},
            {{0, 0.16}, {0.19, 0.44}, {-0.83, -0.95}, {0.67, 0.17}},
            {{-0.09, -0.29}, {0.09, 0.33}, {-0.43, -0.62}, {0.7, 0.3}},
            {{-0.67, -0.8}, {0.46, 0.62}, {-0.9, -0.96}, {0.63, 0.33}},
            {{-0.39, -0.77}, {0.09, 0.01}, {-0.67, -0.60}, {0.90, 0.86}},
    };

    private MostafaMondalTables() { }

    /** Table 4, or null for a layer the paper has no figure for. */
    static double[] table4(String metric, Dataset d, int layer) {
        int m = java.util.Arrays.asList(TABLE4_METRICS).indexOf(metric);
        if (m < 0 || d == null || layer < 1 || layer > 2) return null;
        return TABLE4[m][d.column][layer - 1];
    }

    static double[] table5(Dataset d) {
        return d == null ? null : TABLE5[d.column];
    }

    static double[] table6(Dataset d, int classIndex) {
        return d == null || classIndex < 0 || classIndex >= TABLE6.length ? null : TABLE6[classIndex][d.column];
    }
}
