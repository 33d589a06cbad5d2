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
        for (Claim c : claims) b.append(c.line()).append('\n');
        return b.toString();
    }

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
