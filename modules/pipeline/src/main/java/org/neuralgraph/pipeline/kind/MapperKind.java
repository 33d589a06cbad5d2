package org.neuralgraph.pipeline.kind;

import org.neuralgraph.core.geometry.Metric;
import org.neuralgraph.core.graph.NeuralGraph;
import org.neuralgraph.core.mapper.Lens;
import org.neuralgraph.core.mapper.MapperGraph;
import org.neuralgraph.core.mapper.MapperParameters;
import org.neuralgraph.core.progress.ProgressMonitor;
import org.neuralgraph.dl4j.FirstLayerFilters;
import org.neuralgraph.dl4j.ModelSpec;

import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The Mapper graph of the first convolution layer's filters (Brüel Gabrielsson, Sections 3-4): one point per filter,
 * standardised, the densest {@code percent} % by distance to the k-th neighbour kept, then Mapper with the chosen lens,
 * an overlapping interval cover and single-linkage clusters ({@link MapperGraph#ofFilters}). Its nodes are clusters of
 * filters, which have no identity from one checkpoint to the next: no timeline.
 */
public final class MapperKind implements GraphKind {

    public static final String ID = "mapper";

    /** The lenses, Section 7's two PCA lenses first. */
    public static final String[] LENSES = {"pca-2", "pca-1", "neighbourhood", "density"};
    /** The metrics, the paper's first. */
    public static final String[] METRICS = {"variance-normalised", "euclidean"};

    private static final List<Parameter> PARAMETERS = Collections.unmodifiableList(Arrays.asList(
            Parameter.choice("lens", "Lens", "pca-2", LENSES)
                    .described("pca-2 and pca-1: principal components; neighbourhood: Laplacian eigenmap of the k-NN graph; "
                            + "density: 1/rho_k.", Papers.BRUEL_GABRIELSSON + ", Sections 3.1, 4 and 7"),
            Parameter.choice("metric", "Metric", "variance-normalised", METRICS)
                    .described("The distance of the clustering and of the neighbourhood and density lenses.", Papers.BRUEL_GABRIELSSON + ", Section 4"),
            Parameter.integer("intervals", "Intervals per lens coordinate", MapperParameters.DEFAULT_INTERVALS, 1, 1000)
                    .described("Cover intervals per lens coordinate.", ""),
            Parameter.decimal("overlap", "Overlap of neighbouring intervals", MapperParameters.DEFAULT_OVERLAP, 0, false, 1, true)
                    .described("The share of an interval that overlaps its neighbour.", ""),
            Parameter.integer("k", "Density k", MapperParameters.defaults().k(), 1, 10_000)
                    .described("The density filtration's k-th nearest neighbour, also the k of the neighbourhood and density lenses "
                            + "(the paper: 5).", Papers.BRUEL_GABRIELSSON + ", Section 4"),
            Parameter.decimal("percent", "Percent of filters kept", MapperParameters.defaults().percent(), 0, true, 100, false)
                    .described("The density filtration's p: the densest share of the filters kept (the paper: 20).", Papers.BRUEL_GABRIELSSON + ", Section 4")));

    @Override public String id() { return ID; }
    @Override public String title() { return "Mapper graph of convolution filters"; }
    @Override public String description() { return "clusters of first-layer filters, linked where they share filters"; }
    @Override public String reference() { return Papers.BRUEL_GABRIELSSON + ", Sections 3-4"; }
    @Override public List<Parameter> parameters() { return PARAMETERS; }
    @Override public String defaultModel() { return "cnn-mapper"; }
    @Override public boolean hasTimeline() { return false; }

    /** The Mapper's parameters as the values say, seeded. */
    public static MapperParameters mapperParameters(ParameterValues values, long seed) {
        Metric metric = values.text("metric").equals("euclidean") ? Metric.EUCLIDEAN : Metric.VARIANCE_NORMALISED_EUCLIDEAN;
        int k = values.integer("k");
        return MapperParameters.defaults().withMetric(metric).withIntervals(values.integer("intervals")).withOverlap(values.decimal("overlap"))
                .withK(k).withPercent(values.decimal("percent")).withLens(Lens.named(values.text("lens"), k)).withSeed(seed);
    }

    @Override
    public void checkBeforeTraining(ModelSpec spec, ParameterValues values) {
        ModelSpec.LayerSpec first = spec.layers.stream().filter(l -> l.type.equals("conv")).findFirst().orElse(null);
        if (first == null) {
            throw new IllegalArgumentException("Mapper: " + spec + " has 0 convolution layers; the Mapper graph takes the first convolution layer's filters");
        }
        checkFilterCount(first.units, String.valueOf(spec.name), values);
    }

    /**
     * The density filtration needs more than k filters (the k-th nearest neighbour of a filter is among the others), and
     * the Mapper more than k of the filters it keeps: fewer give a graph of a handful of points (one, for LeNet's 6
     * filters at p = 20 %), and the neighbourhood and density lenses cannot be computed on them at all.
     */
    static void checkFilterCount(int filters, String model, ParameterValues values) {
        int k = values.integer("k");
        double percent = values.decimal("percent");
        if (filters <= k) {
            throw new IllegalArgumentException("Mapper: " + model + "'s first convolution layer has " + filters + " filters; the density filtration's k-th"
                    + " nearest neighbour needs more than k points: k = " + k + ", n = " + filters + ". Lower k or choose a model with more filters"
                    + " (cnn-mapper has 64)");
        }
        int kept = Math.max(1, (int) Math.round(percent / 100 * filters)); // DensityFiltration's rule: round(p % of n), at least 1
        if (kept <= k) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "Mapper: %s's first convolution layer has %d filters, and the"
                            + " densest %s %% of them %s; the Mapper needs more than k filters: k = %d, n = %d. Raise the percent, lower k or"
                            + " choose a model with more filters (cnn-mapper has 64)",
                    model, filters, number(percent), kept == 1 ? "is 1 filter" : "are " + kept + " filters", k, kept));
        }
    }

    private static String number(double x) {
        return x == Math.rint(x) ? String.valueOf((long) x) : String.valueOf(x);
    }

    /** The Mapper graph of {@code filters} (ids {@code run<r>/f<o>}), without checkpoint attributes. */
    public static NeuralGraph graph(FirstLayerFilters filters, String model, ParameterValues values, long seed) {
        checkFilterCount(filters.size(), model, values);
        return MapperGraph.ofFilters(filters.points(), filters.ids().toArray(new String[0]), mapperParameters(values, seed)).graph();
    }

    /**
     * @throws IllegalArgumentException "Mapper: " and why: no convolution layer, too few filters for k, a constant filter
     */
    @Override
    public NeuralGraph build(CheckpointInputs in, ParameterValues values, ProgressMonitor monitor) throws IOException {
        String name = in.modelName();
        try {
            return in.withCheckpoint(graph(FirstLayerFilters.of(in.network(), name), name, values, in.seed()));
        } catch (IllegalArgumentException e) {
            throw e.getMessage() != null && e.getMessage().startsWith("Mapper:") ? e : new IllegalArgumentException("Mapper: " + e.getMessage(), e);
        }
    }

    @Override
    public String name(ParameterValues values, String modelName) {
        String lens = values.text("lens");
        int n = values.integer("intervals");
        boolean twoD = lens.equals("pca-2") || lens.equals("neighbourhood");
        return "mapper " + lens + " " + n + (twoD ? "x" + n : "");
    }
}
