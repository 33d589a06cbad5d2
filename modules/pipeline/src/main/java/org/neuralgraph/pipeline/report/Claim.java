package org.neuralgraph.pipeline.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One claim of a paper, checked against a run: what the paper says, what we measured, the rule that decides, and the
 * verdict. A claim whose measurement is missing (a NaN, too few checkpoints) is {@link Verdict#NOT_MEASURED}, never an
 * agreement or a difference. Reports render claims; {@code report.json} holds them under stable ids.
 *
 * <pre>
 * Claim.about("value-weighted-degree-rises", "value: the average weighted degree rises")
 *      .paper("32 to 94").measured("first", a).measured("last", b).shown(f("%.1f to %.1f", a, b))
 *      .rule("last &gt; first").holds(b &gt; a);
 * </pre>
 */
public final class Claim {

    /** How a run stands to a claim. */
    public enum Verdict {
        AGREES("agrees"), DIFFERS("differs"), NOT_MEASURED("not measured");

        private final String word;

        Verdict(String word) { this.word = word; }

        /** "agrees", "differs", "not measured". */
        public String word() { return word; }
    }

    private final String id;
    private final String statement;
    private String paper = "";
    private final Map<String, Double> measured = new LinkedHashMap<>();
    private String shown;
    private String rule = "";
    private String note = "";
    private Verdict verdict;

    private Claim(String id, String statement) {
        if (!id.matches("[a-z0-9][a-z0-9-]*")) throw new IllegalArgumentException("claim id '" + id + "': lower case, digits and '-'");
        this.id = id;
        this.statement = Objects.requireNonNull(statement);
    }

    /** A claim under a stable id ({@code fig5-spatial-degree-rises}), in the report's words. */
    public static Claim about(String id, String statement) {
        return new Claim(id, statement);
    }

    /** The paper's value or words: "32 to 94", "every class". */
    public Claim paper(String value) {
        this.paper = value;
        return this;
    }

    /** One measured number, by name. */
    public Claim measured(String name, double value) {
        measured.put(name, value);
        return this;
    }

    /** How the measurement reads in the report: "8 of 10 classes"; by default the measured numbers. */
    public Claim shown(String text) {
        this.shown = text;
        return this;
    }

    /** The rule that decides, in words: "last &gt; first", "&gt;= 0.5". */
    public Claim rule(String text) {
        this.rule = text;
        return this;
    }

    /** Anything a reader should know about this check. */
    public Claim note(String text) {
        this.note = text;
        return this;
    }

    /**
     * The verdict: {@code holds} decides between agreement and difference when every measured number is finite;
     * otherwise the claim was not measured, and unless a note was given the note names the numbers that are missing.
     */
    public Claim holds(boolean holds) {
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, Double> e : measured.entrySet()) if (!Double.isFinite(e.getValue())) missing.add(e.getKey().replace('_', ' '));
        verdict = !missing.isEmpty() ? Verdict.NOT_MEASURED : holds ? Verdict.AGREES : Verdict.DIFFERS;
        if (!missing.isEmpty() && note.isEmpty()) note = "no finite value for " + String.join(", ", missing);
        return this;
    }

    /** Not measured, and why (too few checkpoints, one loaded model, ...). */
    public Claim notMeasured(String why) {
        verdict = Verdict.NOT_MEASURED;
        note = why;
        return this;
    }

    public String id() { return id; }
    public String statement() { return statement; }
    public String paperValue() { return paper; }
    public Map<String, Double> measured() { return Collections.unmodifiableMap(measured); }
    public String rule() { return rule; }
    public String note() { return note; }

    public Verdict verdict() {
        if (verdict == null) throw new IllegalStateException("claim " + id + " has no verdict");
        return verdict;
    }

    /** The measurement as the report shows it. */
    public String shownValue() {
        if (shown != null) return shown;
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, Double> e : measured.entrySet()) {
            b.append(b.length() == 0 ? "" : ", ").append(e.getKey().replace('_', ' ')).append(' ')
                    .append(Double.isFinite(e.getValue()) ? String.format(Locale.ROOT, "%.4g", e.getValue()) : "n/a");
        }
        return b.toString();
    }

    /** The statement and what was measured: "value: the clustering stays high (paper about 0.8): lowest 0.81". */
    public String text() {
        String m = shownValue();
        return statement + (paper.isEmpty() ? "" : " (paper: " + paper + ")") + (m.isEmpty() ? "" : ": " + m);
    }

    /** One line for the console: "agrees:  ...". */
    public String line() {
        String w = verdict().word() + ":";
        return String.format(Locale.ROOT, "%-14s%s", w, text()) + (verdict == Verdict.NOT_MEASURED && !note.isEmpty() ? " (" + note + ")" : "");
    }

    /** A Markdown list item: "- **agrees**: ...". */
    public String markdown() {
        return "- **" + verdict().word() + "**: " + text() + (note.isEmpty() ? "" : " (" + note + ")");
    }

    /** The claim for report.json, under stable keys. */
    public Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("claim", statement);
        m.put("paper", paper);
        m.put("measured", measured);
        m.put("rule", rule);
        m.put("verdict", verdict().word());
        m.put("note", note);
        return m;
    }
}
