package org.neuralgraph.pipeline.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How every report writes its list of {@link Claim}s, so that the six studies read alike: one console line per claim,
 * a Markdown list followed by the counts, and in {@code report.json} the list under {@code "claims"} and the counts
 * under {@code "claim_counts"}. A claim that could not be measured is counted apart: it is neither an agreement nor a
 * difference.
 */
public final class Claims {

    private Claims() { }

    /** One {@link Claim#line()} per claim, each ending in a newline. */
    public static String lines(List<Claim> claims) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < claims.size(); ) {
            Claim c = claims.get(i);
            int j = i + 1;
            while (c.verdict() == Claim.Verdict.NOT_MEASURED && j < claims.size() && claims.get(j).verdict() == Claim.Verdict.NOT_MEASURED
                    && claims.get(j).note().equals(c.note())) j++;
            if (j - i >= SAME_REASON) {
                // a run that measures nothing of a table (one checkpoint) prints one line for it, not one per row; the report lists them all
                b.append(String.format(java.util.Locale.ROOT, "%-14s%s, and %d more claims for the same reason (%s)%n",
                        Claim.Verdict.NOT_MEASURED.word() + ":", c.statement(), j - i - 1, c.note()));
            } else {
                for (int k = i; k < j; k++) b.append(claims.get(k).line()).append('\n');
            }
            i = j;
        }
        return b.toString();
    }

    /** From this many consecutive claims not measured for the same reason on, {@link #lines} prints them as one. */
    static final int SAME_REASON = 3;

    /** One {@link Claim#markdown()} item per claim, then a blank line and {@link #countsText}. */
    public static String markdown(List<Claim> claims) {
        StringBuilder b = new StringBuilder();
        for (Claim c : claims) b.append(c.markdown()).append('\n');
        return b.append('\n').append("Verdicts: ").append(countsText(claims)).append(".\n").toString();
    }

    /** "agrees: 3, differs: 1, not measured: 2". */
    public static String countsText(List<Claim> claims) {
        Map<String, Integer> n = counts(claims);
        return Claim.Verdict.AGREES.word() + ": " + n.get("agrees") + ", " + Claim.Verdict.DIFFERS.word() + ": " + n.get("differs") + ", "
                + Claim.Verdict.NOT_MEASURED.word() + ": " + n.get("not_measured");
    }

    /** {@code {"agrees": a, "differs": d, "not_measured": n}}, for report.json. */
    public static Map<String, Integer> counts(List<Claim> claims) {
        int agrees = 0, differs = 0, notMeasured = 0;
        for (Claim c : claims) {
            switch (c.verdict()) {
                case AGREES: agrees++; break;
                case DIFFERS: differs++; break;
                default: notMeasured++;
            }
        }
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("agrees", agrees);
        m.put("differs", differs);
        m.put("not_measured", notMeasured);
        return m;
    }

    /** {@link Claim#json()} of every claim, in order, for report.json. */
    public static List<Map<String, Object>> json(List<Claim> claims) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Claim c : claims) out.add(c.json());
        return out;
    }
}
