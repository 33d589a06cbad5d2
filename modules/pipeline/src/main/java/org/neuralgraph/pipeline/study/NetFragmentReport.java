package org.neuralgraph.pipeline.study;

import org.neuralgraph.core.netfragment.ClassSelectivity;
import org.neuralgraph.core.stats.SeriesCorrelation;
import org.neuralgraph.dl4j.ActivationMaximisation;
import org.neuralgraph.dl4j.Checkpoint;
import org.neuralgraph.pipeline.report.Claim;
import org.neuralgraph.pipeline.report.Claims;
import org.neuralgraph.pipeline.report.Json;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
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
 * Tables, pictures and report of the net-fragment study, with the net-fragment study's findings (Section 4.2) checked one by one:
 * every model reaches 100 % accuracy; none uses all 12 head neurons; between digits that differ in two pixels (5/6,
 * 8/9, 0/8, 3/9) "almost always all activations change a little bit, and not one neuron is turned on or off"; the
 * inputs that maximise a class do not look like its digit (Fig. 4.5: "rather random-looking pixel combinations").
 */
final class NetFragmentReport {

    /** The net-fragment study's digit pairs that differ in two pixels. */
    static final int[][] TWO_PIXEL_PAIRS = {{5, 6}, {8, 9}, {0, 8}, {3, 9}};

    private final NetFragmentStudy.Settings s;
    private final NetFragmentStudy.Result r;

    NetFragmentReport(NetFragmentStudy.Settings s, NetFragmentStudy.Result r) {
        this.s = s;
        this.r = r;
    }

    /** Head neurons of one model never active for any digit. */
    static int deadNeurons(double[][] head) {
        int dead = 0;
        for (double[] row : head) {
            double max = 0;
            for (double a : row) max = Math.max(max, a);
            if (max == 0) dead++;
        }
        return dead;
    }

    /** For one pair of classes: {active neurons (in either), neurons that changed, neurons switched on or off, mean |change|, mean activation}. */
    static double[] pairChange(double[][] head, int a, int b) {
        int active = 0, changed = 0, switched = 0;
        double change = 0, level = 0;
        for (double[] row : head) {
            if (row[a] == 0 && row[b] == 0) continue;
            active++;
            double d = Math.abs(row[a] - row[b]);
            if (d > 1e-6 * Math.max(row[a], row[b])) changed++;
            if ((row[a] == 0) != (row[b] == 0)) switched++;
            change += d;
            level += (row[a] + row[b]) / 2;
        }
        return new double[]{active, changed, switched, active == 0 ? 0 : change / active, active == 0 ? 0 : level / active};
    }

    /** Pearson correlation of the input maximising a class with the class's digit. */
    static double maximumLikeDigit(NetFragmentStudy.Result r, NetFragmentStudy.ModelResult m, int c) {
        int[] digit = r.digits.pixels(c);
        double[] d = new double[digit.length], x = new double[digit.length];
        float[] img = m.maxima.get(c).image();
        for (int i = 0; i < d.length; i++) { d[i] = digit[i]; x[i] = img[i]; }
        return SeriesCorrelation.of(x, d).pearson;
    }

    private double meanLikeDigit(NetFragmentStudy.ModelResult m) {
        double sum = 0;
        int n = 0;
        for (int c = 0; c < 10; c++) {
            double v = maximumLikeDigit(r, m, c);
            if (Double.isFinite(v)) { sum += v; n++; }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    private static int firstPerfect(NetFragmentStudy.ModelResult m) {
        for (Checkpoint c : m.checkpoints) if (c.testAccuracy() >= 1) return c.epoch();
        return -1;
    }

    private static Checkpoint last(NetFragmentStudy.ModelResult m) {
        return m.checkpoints.get(m.checkpoints.size() - 1);
    }

    /** The paper's findings, each with this run's verdict. */
    List<Claim> claims() {
        return claims(r);
    }

    /**
     * The net-fragment study's findings (Section 4.2), one claim each:
     * <ul>
     *   <li>"All the models learn to classify these digits perfectly within a few epochs"; rule: every model at 100 %
     *       after the last epoch.</li>
     *   <li>"none of the models utilises all 12 neurons and certain neurons are always inactive" (Fig. 4.4); rule: every
     *       model has a head neuron that is never active.</li>
     *   <li>Between digits that differ in two pixels (5/6, 8/9, 0/8, 3/9), "almost always all activations change a little
     *       bit"; rule (ours, for "almost always"): all active neurons change in at least half the model-pairs.</li>
     *   <li>... "and not one neuron is turned on or off"; rule: in no model-pair.</li>
     *   <li>The inputs that maximise a class are "rather random-looking pixel combinations" (Fig. 4.5); rule (ours): their
     *       mean Pearson r with the class's digit is below 0.5.</li>
     * </ul>
     */
    static List<Claim> claims(NetFragmentStudy.Result r) {
        int perfect = 0, notAll = 0, switchedPairs = 0, pairs = 0, allChange = 0;
        double like = 0;
        int likeN = 0;
        for (NetFragmentStudy.ModelResult m : r.models) {
            if (last(m).testAccuracy() >= 1) perfect++;
            if (deadNeurons(m.head) > 0) notAll++;
            for (int[] p : TWO_PIXEL_PAIRS) {
                double[] c = pairChange(m.head, p[0], p[1]);
                pairs++;
                if (c[2] > 0) switchedPairs++;
                if (c[1] == c[0]) allChange++;
            }
            for (int c = 0; c < 10; c++) {
                double v = maximumLikeDigit(r, m, c);
                if (Double.isFinite(v)) { like += v; likeN++; }
            }
        }
        int models = r.models.size();
        double meanLike = likeN == 0 ? Double.NaN : like / likeN;
        List<Claim> out = new ArrayList<>();
        out.add(Claim.about("nf-every-model-perfect", "every model reaches 100 % accuracy").paper("every model, within a few epochs")
                .measured("models_perfect", perfect).measured("models", models)
                .shown(String.format(Locale.ROOT, "%d of %d", perfect, models)).rule("every model").holds(perfect == models));
        out.add(Claim.about("nf-head-neurons-never-active", "no model uses all 12 head neurons, some are never active (Fig. 4.4)")
                .paper("none of the models").measured("models_with_inactive_neurons", notAll).measured("models", models)
                .shown(String.format(Locale.ROOT, "%d of %d models", notAll, models)).rule("every model").holds(notAll == models));
        out.add(Claim.about("nf-two-pixel-all-change", "two-pixel pairs (5/6, 8/9, 0/8, 3/9): all active neurons change a little")
                .paper("almost always").measured("model_pairs_all_change", allChange).measured("model_pairs", pairs)
                .shown(String.format(Locale.ROOT, "in %d of %d model-pairs", allChange, pairs)).rule("in at least half the model-pairs")
                .holds(allChange * 2 >= pairs));
        out.add(Claim.about("nf-two-pixel-none-switched", "two-pixel pairs: not one neuron is turned on or off").paper("not one neuron")
                .measured("model_pairs_switching", switchedPairs).measured("model_pairs", pairs)
                .shown(String.format(Locale.ROOT, "neurons switch in %d of %d model-pairs", switchedPairs, pairs)).rule("in no model-pair")
                .holds(switchedPairs == 0));
        out.add(Claim.about("nf-maxima-unlike-digits", "the inputs that maximise a class do not look like its digit (Fig. 4.5)")
                .paper("rather random-looking pixel combinations").measured("mean_pearson", meanLike)
                .shown(String.format(Locale.ROOT, "mean Pearson r with the digit %s", f2(meanLike))).rule("mean Pearson r < 0.5")
                .holds(meanLike < 0.5));
        return out;
    }

    String summary() {
        return Claims.lines(claims());
    }

    void write(Path dir) throws IOException {
        Path tables = Files.createDirectories(dir.resolve("tables"));
        writeFile(tables.resolve("accuracy.csv"), accuracyCsv());
        writeFile(tables.resolve("head-activations.csv"), headCsv());
        writeFile(tables.resolve("two-pixel-pairs.csv"), pairsCsv());
        writeFile(tables.resolve("activation-maximisation.csv"), maximaCsv());
        Path pictures = Files.createDirectories(dir.resolve("pictures"));
        for (NetFragmentStudy.ModelResult m : r.models) heatmap(m, pictures.resolve("heatmap-nf-" + m.number + ".png"));
        maximaGrid(pictures.resolve("activation-maximisation.png"));
        digitsPicture(pictures.resolve("digits.png"));
        writeFile(dir.resolve("report.md"), markdown());
        Json.write(dir.resolve("report.json"), json());
    }

    private String accuracyCsv() {
        StringBuilder b = new StringBuilder("model,epoch,train_accuracy,test_accuracy,train_loss,test_loss\n");
        for (NetFragmentStudy.ModelResult m : r.models) {
            for (Checkpoint c : m.checkpoints) {
                b.append(m.number).append(',').append(c.epoch()).append(',').append(n(c.trainAccuracy())).append(',').append(n(c.testAccuracy()))
                        .append(',').append(n(c.trainLoss())).append(',').append(n(c.testLoss())).append('\n');
            }
        }
        return b.toString();
    }

    private String headCsv() {
        StringBuilder b = new StringBuilder("model,neuron,class,activation\n");
        for (NetFragmentStudy.ModelResult m : r.models) {
            for (int j = 0; j < m.head.length; j++) {
                for (int c = 0; c < m.head[j].length; c++) b.append(m.number).append(',').append(j).append(',').append(c).append(',').append(n(m.head[j][c])).append('\n');
            }
        }
        return b.toString();
    }

    private String pairsCsv() {
        StringBuilder b = new StringBuilder("model,pair,active_neurons,changed,switched_on_or_off,mean_abs_change,mean_activation\n");
        for (NetFragmentStudy.ModelResult m : r.models) {
            for (int[] p : TWO_PIXEL_PAIRS) {
                double[] c = pairChange(m.head, p[0], p[1]);
                b.append(m.number).append(',').append(p[0]).append('/').append(p[1]).append(',').append((int) c[0]).append(',').append((int) c[1])
                        .append(',').append((int) c[2]).append(',').append(n(c[3])).append(',').append(n(c[4])).append('\n');
            }
        }
        return b.toString();
    }

    private String maximaCsv() {
        StringBuilder b = new StringBuilder("model,class,probability_of_empty_image,probability_after,pearson_with_digit\n");
        for (NetFragmentStudy.ModelResult m : r.models) {
            for (ActivationMaximisation.ClassImage ci : m.maxima) {
                b.append(m.number).append(',').append(ci.classIndex()).append(',').append(n(ci.startProbability())).append(',')
                        .append(n(ci.endProbability())).append(',').append(n(maximumLikeDigit(r, m, ci.classIndex()))).append('\n');
            }
        }
        return b.toString();
    }

    /**
     * Fig. 4.4 for one model: rows the 12 head neurons, columns the classes; blue where the activation is exactly 0,
     * red (low) to green (high) otherwise, scaled by the model's largest activation, the value written in the cell.
     */
    private void heatmap(NetFragmentStudy.ModelResult m, Path png) throws IOException {
        int cell = 48, left = 90, top = 50;
        int rows = m.head.length, cols = m.head[0].length;
        double max = 0;
        for (double[] row : m.head) for (double a : row) max = Math.max(max, a);
        BufferedImage img = new BufferedImage(left + cols * cell + 10, top + rows * cell + 10, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas(img);
        g.drawString(String.format(Locale.ROOT, "model %d (%s): head activations after training", m.number, m.description), 10, 20);
        for (int c = 0; c < cols; c++) g.drawString("class " + c, left + c * cell + 4, top - 8);
        for (int j = 0; j < rows; j++) {
            g.setColor(Color.BLACK);
            g.drawString("neuron " + j, 10, top + j * cell + cell / 2 + 4);
            for (int c = 0; c < cols; c++) {
                double a = m.head[j][c];
                float t = max > 0 ? (float) (a / max) : 0;
                g.setColor(a == 0 ? new Color(70, 110, 220) : new Color(1 - t, 0.25f + 0.6f * t, 0.2f));
                g.fillRect(left + c * cell + 1, top + j * cell + 1, cell - 2, cell - 2);
                g.setColor(Color.WHITE);
                g.drawString(a == 0 ? "0" : String.format(Locale.ROOT, "%.2f", a), left + c * cell + 6, top + j * cell + cell / 2 + 4);
            }
        }
        g.dispose();
        ImageIO.write(img, "png", png.toFile());
    }

    /** Fig. 4.5: one row per model, one column per class, each maximising input in grey (0 black, 1 white). */
    private void maximaGrid(Path png) throws IOException {
        int px = 6, size = 9 * px, gap = 8, left = 60, top = 30;
        BufferedImage img = new BufferedImage(left + 10 * (size + gap), top + r.models.size() * (size + gap), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas(img);
        for (int c = 0; c < 10; c++) g.drawString(String.valueOf(c), left + c * (size + gap) + size / 2 - 3, top - 10);
        for (int k = 0; k < r.models.size(); k++) {
            NetFragmentStudy.ModelResult m = r.models.get(k);
            g.setColor(Color.BLACK);
            g.drawString("nf-" + m.number, 8, top + k * (size + gap) + size / 2 + 4);
            for (ActivationMaximisation.ClassImage ci : m.maxima) {
                drawImage(g, ci.image(), left + ci.classIndex() * (size + gap), top + k * (size + gap), px);
            }
        }
        g.dispose();
        ImageIO.write(img, "png", png.toFile());
    }

    private void digitsPicture(Path png) throws IOException {
        int px = 8, size = 9 * px, gap = 8;
        BufferedImage img = new BufferedImage(10 * (size + gap) + gap, size + 2 * gap, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas(img);
        for (int d = 0; d < 10; d++) {
            int[] p = r.digits.pixels(d);
            float[] f = new float[p.length];
            for (int i = 0; i < p.length; i++) f[i] = p[i];
            drawImage(g, f, gap + d * (size + gap), gap, px);
        }
        g.dispose();
        ImageIO.write(img, "png", png.toFile());
    }

    private static void drawImage(Graphics2D g, float[] values, int x0, int y0, int px) {
        for (int i = 0; i < values.length; i++) {
            float v = Math.max(0, Math.min(1, values[i]));
            g.setColor(new Color(v, v, v));
            g.fillRect(x0 + (i % 9) * px, y0 + (i / 9) * px, px, px);
        }
    }

    private static Graphics2D canvas(BufferedImage img) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        return g;
    }

    private String markdown() {
        String which = r.models.size() == 11 ? "eleven small models" : r.models.size() == 1 ? "one small model" : r.models.size() + " of the eleven small models";
        StringBuilder b = new StringBuilder("# Net fragments in " + which + " (the net-fragment study, Preliminary Study 4)\n\n");
        b.append("Command: `").append(s.command).append("`  \nSeed: ").append(s.seed).append("  \n");
        b.append(String.format(Locale.ROOT, "Data: the ten 9x9 digits of `sample-models/net-fragments` (`pictures/digits.png`), %d copies of each an epoch, "
                + "%d epochs, Adam 5e-4, batch 32; accuracy on the ten digits.  %nActivation maximisation: %d steps, learning rate %s, L2 %s, from the empty image "
                + "plus noise in [0, %s) (seed %d), pixels kept in [0, 1].%n%n", s.repeats, s.epochs, s.maximisation.steps(), String.valueOf(s.maximisation.learningRate()),
                String.valueOf(s.maximisation.lambda()), String.valueOf(s.maximisation.startNoise()), s.maximisation.seed()));
        b.append("## The paper's findings\n\n");
        b.append(Claims.markdown(claims()));
        b.append("\n## Models (Table 4.1)\n\n| model | encoder | parameters | first epoch at 100 % | accuracy | loss | head neurons never active | "
                + "mean selectivity of the active | maximising inputs vs digits (mean r) |\n|---|---|---|---|---|---|---|---|---|\n");
        for (NetFragmentStudy.ModelResult m : r.models) {
            Checkpoint l = last(m);
            double si = 0;
            int active = 0;
            for (double[] row : m.head) {
                double sum = 0;
                for (double a : row) sum += a;
                if (sum > 0) { si += ClassSelectivity.index(row); active++; }
            }
            int first = firstPerfect(m);
            b.append("| ").append(m.number).append(" | ").append(m.description).append(" | ").append(m.parameters).append(" | ")
                    .append(first < 0 ? "never" : String.valueOf(first)).append(" | ").append(f2(l.testAccuracy())).append(" | ")
                    .append(String.format(Locale.ROOT, "%.4f", l.testLoss())).append(" | ").append(deadNeurons(m.head)).append(" of 12 | ")
                    .append(active == 0 ? "-" : f2(si / active)).append(" | ").append(f2(meanLikeDigit(m))).append(" |\n");
        }
        b.append("\n## Digits that differ in two pixels (head neurons after training)\n\n| model | pair | active | changed | switched on/off | mean abs change | mean activation |\n|---|---|---|---|---|---|---|\n");
        for (NetFragmentStudy.ModelResult m : r.models) {
            for (int[] p : TWO_PIXEL_PAIRS) {
                double[] c = pairChange(m.head, p[0], p[1]);
                b.append("| ").append(m.number).append(" | ").append(p[0]).append('/').append(p[1]).append(" | ").append((int) c[0]).append(" | ")
                        .append((int) c[1]).append(" | ").append((int) c[2]).append(" | ").append(f2(c[3])).append(" | ").append(f2(c[4])).append(" |\n");
            }
        }
        b.append("\n## Files\n\n- `pictures/heatmap-nf-<model>.png`: Fig. 4.4, head neurons x classes (blue: exactly 0)\n"
                + "- `pictures/activation-maximisation.png`: Fig. 4.5, the input maximising each class, models down, classes across\n"
                + "- `graphs/nf-<model>/neuron-class-epoch-<e>.gexf`: head neurons and classes linked by activation, every epoch; the class "
                + "nodes of the last carry their maximising input (`max_input`)\n"
                + "- `graphs/nf-<model>/contribution-digit-" + s.inputDigit() + ".gexf`: pixels, channels and neurons of all layers for digit "
                + s.inputDigit() + ", edges weight x incoming activation\n"
                + "- `neuralgraph.gephi`: the trained models' graphs; `runs/`: checkpoints after every epoch; `activations/`: every layer's "
                + "activations for every digit after every epoch; `tables/`: the figures above as CSV\n"
                + TimelineOutput.markdown(r.timelineFiles));
        for (String note : r.notes) b.append("\nNote: ").append(note).append('\n');
        return b.toString();
    }

    private Map<String, Object> json() {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("command", s.command);
        j.put("seed", s.seed);
        j.put("repeats_per_epoch", s.repeats);
        j.put("epochs", s.epochs);
        List<Claim> claims = claims();
        j.put("claims", Claims.json(claims));
        j.put("claim_counts", Claims.counts(claims));
        List<Object> models = new ArrayList<>();
        for (NetFragmentStudy.ModelResult m : r.models) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("model", m.number);
            x.put("encoder", m.description);
            x.put("parameters", m.parameters);
            x.put("first_perfect_epoch", firstPerfect(m));
            x.put("test_accuracy", last(m).testAccuracy());
            x.put("test_loss", last(m).testLoss());
            x.put("dead_head_neurons", deadNeurons(m.head));
            x.put("head_activations", m.head);
            models.add(x);
        }
        j.put("models", models);
        j.put("notes", r.notes);
        return j;
    }
}
