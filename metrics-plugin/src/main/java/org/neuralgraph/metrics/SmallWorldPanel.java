package org.neuralgraph.metrics;

import org.neuralgraph.gephi.SmallWorldParameters;

/** The settings of sigma and omega (niter, nrand, seed) for the static and the dynamic small-world statistics. */
final class SmallWorldPanel extends SettingsPanel {

    private static final String NITER = "niter (swaps per edge)";
    private static final String NRAND = "nrand (references)";
    private static final String SEED = "Seed";

    SmallWorldPanel(String title, String note) {
        super(title);
        field(NITER, 4).field(NRAND, 4).field(SEED, 10).note(note);
    }

    void show(SmallWorldParameters p) {
        set(NITER, p.getNiter());
        set(NRAND, p.getNrand());
        set(SEED, p.getSeed());
    }

    /** @throws IllegalArgumentException naming the field whose text is not a valid value */
    void apply(SmallWorldParameters p) {
        p.setNiter((int) number(NITER));
        p.setNrand((int) number(NRAND));
        p.setSeed(number(SEED));
    }
}
