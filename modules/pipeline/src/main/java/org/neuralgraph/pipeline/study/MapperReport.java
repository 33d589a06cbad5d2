package org.neuralgraph.pipeline.study;

import org.neuralgraph.core.mapper.LensCircle;
import org.neuralgraph.core.mapper.MapperResult;
import org.neuralgraph.pipeline.report.Claim;
import org.neuralgraph.pipeline.report.Claims;
import org.neuralgraph.pipeline.report.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.neuralgraph.pipeline.study.ReportText.f2;
import static org.neuralgraph.pipeline.study.ReportText.n;
import static org.neuralgraph.pipeline.study.ReportText.writeFile;

/**
 * Tables and report of the Mapper study with Brüel Gabrielsson's findings checked: before training (or after few iterations)
 * the Mapper graph of the filters falls apart into pieces; after training it closes into one main cycle (Figs. 1, 4-5)
 * along which the filters' edge orientation changes monotonically, once around (Section 5: "from vertical edges to
 * diagonal edges, and then from diagonal to horizontal").
 */
final class MapperReport {

    private final MapperStudy.Settings s;
    private final MapperStudy.Result r;

    MapperReport(MapperStudy.Settings s, MapperStudy.Result r) {
        this.s = s;
        this.r = r;
    }

    private static MapperStudy.Figures graph(MapperStudy.Result r, String base) {
        for (MapperStudy.Figures f : r.graphs) if (f.base.startsWith(base)) return f;
        return null;
    }

    /** The paper's findings, each with this run's verdict. */
    List<Claim> claims() {
        return claims(r);
    }

    /**
     * Brüel Gabrielsson's findings, for MNIST (untrained against trained filters, Section 5, Fig. 1) and, when the run has them,
     * the circle/square data (few against many iterations, Section 6, Fig. 4), under ids {@code mapper-mnist-*} and
     * {@code mapper-shapes-*}; see {@link #pair}.
     */
    static List<Claim> claims(MapperStudy.Result r) {
        List<Claim> out = new ArrayList<>();
        pair(out, "MNIST", "mnist", graph(r, "mnist-untrained"), graph(r, "mnist-trained"), "untrained", "trained");
        MapperStudy.Figures few = r.graphs.size() > 2 ? r.graphs.get(2) : null, many = r.graphs.size() > 3 ? r.graphs.get(3) : null;
        if (few != null && many != null) {
            pair(out, "circles and squares", "shapes", few, many, few.iterations + " iterations", many.iterations + " iterations");
        }
        return out;
    }

    /**
     * Five claims comparing the graph of the filters {@code before} with the one {@code after}:
     * <ul>
     *   <li>fragmented: before training "the generated network consists of several separate connected components"
     *       (Section 5, Fig. 1b; Section 6, Fig. 4a); rule: more components before than after.</li>
     *   <li>main cycle: after training the filters "form into ... a ring" (Section 5, Fig. 1a; Section 6: "one major
     *       circle"); rule: first Betti number at least 1.</li>
     *   <li>orientation: along the circle the patches change "from vertical edges to diagonal edges, and then from
     *       diagonal to horizontal" (Section 5, Fig. 2); rule (ours): the orientation, which ignores polarity, turns by
     *       180 or 360 degrees along the main cycle, at least 70 % of the steps the same way.</li>
     *   <li>ring: some cycle of the graph goes once around the gradient directions, the primary circle closed in the
     *       graph (Section 8: linear gradients "canonically parametrized by their angle"); rule: such a ring exists after.</li>
     *   <li>lens circle: in a 2-D lens the filters lie around the centre in the order of their gradient direction (our
     *       measure of the primary circle, {@link LensCircle}); rule: r at least 0.5 and above the r before. Not measured
     *       when the lens is not 2-D.</li>
     * </ul>
     */
    private static void pair(List<Claim> out, String data, String key, MapperStudy.Figures before, MapperStudy.Figures after, String b, String a) {
        MapperResult x = before.result, y = after.result;
        out.add(Claim.about("mapper-" + key + "-fragmented-before", String.format("%s: the graph of the %s filters is more fragmented than after (%s)", data, b, a))
                .paper("several separate connected components").measured("components_before", x.components()).measured("components_after", y.components())
                .shown(String.format(Locale.ROOT, "%d against %d components", x.components(), y.components())).rule("components before > after")
                .holds(x.components() > y.components()));
        out.add(Claim.about("mapper-" + key + "-main-cycle", String.format("%s: the %s filters close into a main cycle", data, a))
                .paper("a ring").measured("betti_1", y.betti1()).measured("main_cycle_nodes", after.cycle.length)
                .shown(String.format(Locale.ROOT, "first Betti number %d, main cycle of %d nodes", y.betti1(), after.cycle.length))
                .rule("first Betti number >= 1").holds(y.betti1() >= 1));
        // around the primary circle the orientation, which ignores polarity, turns through 180 degrees twice
        out.add(Claim.about("mapper-" + key + "-orientation-turns",
                        String.format("%s: the edge orientation turns through every direction, monotonically, along the main cycle (%s)", data, a))
                .paper("vertical to diagonal to horizontal edges").measured("turn_degrees", after.turn).measured("monotone_share", after.monotone)
                .shown(String.format(Locale.ROOT, "turn %s degrees, %s of the steps that way", f2(after.turn), f2(after.monotone)))
                .rule("|turn| = 180 or 360 degrees (one turn, or both polarities), monotone share >= 0.7")
                .holds((Math.abs(Math.abs(after.turn) - 180) < 1e-6 || Math.abs(Math.abs(after.turn) - 360) < 1e-6) && after.monotone >= 0.7));
        out.add(Claim.about("mapper-" + key + "-ring",
                        String.format("%s: a cycle of the %s graph goes once around the gradient directions, the primary circle closed in the graph (a ring)", data, a))
                .paper("a circle of linear gradients").measured("ring_nodes_before", before.ring.length).measured("ring_nodes_after", after.ring.length)
                .shown(String.format(Locale.ROOT, "%s: %s; %s: %s", b, ring(before), a, ring(after))).rule("a ring after")
                .holds(after.ring.length > 0));
        LensCircle cb = x.lensCircle(), ca = y.lensCircle();
        Claim lens = Claim.about("mapper-" + key + "-lens-circle",
                        String.format("%s: in the lens plane the %s filters lie around the centre in the order of their gradient direction "
                                + "(the primary circle), more than the %s ones", data, a, b))
                .paper("the primary circle").rule("r >= 0.5 and r after > r before");
        if (cb == null || ca == null) {
            lens.notMeasured("the lens is not 2-D");
        } else {
            lens.measured("r_after", ca.r()).measured("r_before", cb.r()).measured("r_unrelated", ca.unrelated())
                    .shown(String.format(Locale.ROOT, "r = %s against %s (unrelated angles: about %s)", f2(ca.r()), f2(cb.r()), f2(ca.unrelated())))
                    .holds(ca.r() >= 0.5 && ca.r() > cb.r());
        }
        out.add(lens);
    }

    private static String ring(MapperStudy.Figures f) {
        return f.ring.length > 0 ? f.ring.length + " nodes" : "none";
    }

    String summary() {
        StringBuilder b = new StringBuilder();
        for (MapperStudy.Figures f : r.graphs) b.append(MapperStudy.describe(f)).append('\n');
        b.append(Claims.lines(claims()));
        return b.toString();
    }

    void write(Path dir) throws IOException {
        Path tables = Files.createDirectories(dir.resolve("tables"));
        StringBuilder csv = new StringBuilder("graph,filters,training_iterations,mean_test_accuracy,points_kept,nodes,edges,components,cycle_rank,"
                + "betti_1,largest_basis_cycle,main_cycle_nodes,orientation_turn,orientation_monotone_share,lens_circle_r,ring_nodes\n");
        for (MapperStudy.Figures f : r.graphs) {
            MapperResult m = f.result;
            csv.append(f.base).append(',').append(f.filters).append(',').append(f.iterations).append(',').append(n(f.accuracy)).append(',')
                    .append(m.points().length).append(',').append(m.nodeCount()).append(',').append(m.graph().edgeCount()).append(',')
                    .append(m.components()).append(',').append(m.cycleRank()).append(',').append(m.betti1()).append(',').append(m.largestCycle())
                    .append(',').append(f.cycle.length).append(',').append(n(f.turn)).append(',').append(n(f.monotone))
                    .append(',').append(f.result.lensCircle() == null ? "" : n(f.result.lensCircle().r())).append(',').append(f.ring.length).append('\n');
        }
        writeFile(tables.resolve("mapper-graphs.csv"), csv.toString());
        writeFile(dir.resolve("report.md"), markdown());
        Json.write(dir.resolve("report.json"), json());
    }

    private String markdown() {
        StringBuilder b = new StringBuilder("# Mapper graphs of convolution filters (Brüel Gabrielsson)\n\n");
        b.append("Command: `").append(s.command).append("`  \nSeed: ").append(s.seed).append("  \nData: ").append(s.dataDescription).append("  \n");
        String runs = s.runs == 1 ? "one run (seed " + s.seed + ")" : String.format(Locale.ROOT, "pooled over %d runs (seeds %d to %d)", s.runs, s.seed, s.seed + s.runs - 1);
        b.append(String.format(Locale.ROOT, "Filters: the first convolution layer (64 filters of 5x5) of the cnn-mapper preset (Section 7), %s; "
                + "MNIST runs of %d iterations of batch 100, circle/square runs of %d and %d iterations of batch 50.  %n",
                runs, s.iterations, s.few, s.many));
        b.append("Mapper: ").append(s.mapper.describe()).append("  \nEach filter mean-centred and scaled to variance 1, then the densest points kept "
                + "(Section 3.1).\n\n## The paper's findings\n\n");
        b.append(Claims.markdown(claims()));
        b.append("\n## Graphs\n\nCycle rank: the independent cycles of the graph (edges - nodes + components). First Betti number: those left "
                + "once the triangles of the Mapper's nerve (three clusters sharing a filter) fill theirs; the paper's circles survive both.\n\n"
                + "| graph | filters | iterations | test acc | kept | nodes | edges | components | cycle rank | first Betti number | main cycle | orientation turn | lens circle r | ring |\n"
                + "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (MapperStudy.Figures f : r.graphs) {
            MapperResult m = f.result;
            b.append("| ").append(f.name).append(" | ").append(f.filters).append(" | ").append(f.iterations).append(" | ").append(f2(f.accuracy))
                    .append(" | ").append(m.points().length).append(" | ").append(m.nodeCount()).append(" | ").append(m.graph().edgeCount())
                    .append(" | ").append(m.components()).append(" | ").append(m.cycleRank()).append(" | ").append(m.betti1() < 0 ? "-" : Integer.toString(m.betti1()))
                    .append(" | ").append(f.cycle.length).append(" nodes | ")
                    .append(f2(f.turn)).append(" deg | ").append(f.result.lensCircle() == null ? "-" : f2(f.result.lensCircle().r())).append(" | ").append(ring(f)).append(" |\n");
        }
        b.append("\n## Files\n\n- `graphs/<graph>.gexf|pdf|svg`: each Mapper graph laid out by ForceAtlas2, nodes coloured by their mean "
                + "filter's gradient direction (hue around 0-360 degrees, grey where it cancels) and sized by members\n"
                + "- `pictures/<graph>-main-cycle.png`: the mean filters along the main cycle (the longest fundamental cycle), in order\n"
                + "- ring: the shortest cycle of the graph along which the nodes' gradient direction winds once around 0-360 "
                + "degrees in steps of at most " + (int) MapperStudy.RING_STEP + " degrees (MainCycle.winding); "
                + "`pictures/<graph>-ring.png` draws its mean filters when there is one\n"
                + "- lens circle r: how closely the kept filters' angle around the centre of the 2-D lens follows their gradient "
                + "direction (dark to bright, 0-360 degrees): 1 = the primary circle, unrelated angles about sqrt(pi / 4n); "
                + "measured on the points, before cover and clustering (our addition, see LensCircle)\n"
                + "- `tables/mapper-graphs.csv`, `neuralgraph.gephi`: the figures and the workspaces\n");
        for (String note : r.notes) b.append("\nNote: ").append(note).append('\n');
        return b.toString();
    }

    private Map<String, Object> json() {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("command", s.command);
        j.put("seed", s.seed);
        j.put("mapper", String.valueOf(s.mapper));
        List<Claim> claims = claims();
        j.put("claims", Claims.json(claims));
        j.put("claim_counts", Claims.counts(claims));
        List<Object> graphs = new ArrayList<>();
        for (MapperStudy.Figures f : r.graphs) {
            Map<String, Object> g = new LinkedHashMap<>(f.result.graph().graphAttributes());
            g.put("graph", f.base);
            g.put("main_cycle", f.cycle);
            g.put("main_cycle_orientations", f.cycleOrientations);
            g.put("orientation_turn", f.turn);
            g.put("ring", f.ring);
            graphs.add(g);
        }
        j.put("graphs", graphs);
        j.put("notes", r.notes);
        return j;
    }
}
