package org.neuralgraph.core.dag;

import java.util.Locale;

/**
 * How the weights between one input and one output channel (a kernel, or a dense unit's weights from one flattened
 * channel, or an embedding dimension's column) become one edge weight: {@link #L1}, sum |w| (Filan et al.'s choice,
 * the project's default since the first weight graph of a CNN), or {@link #L2}, sqrt(sum w^2). A single weight weighs |w|
 * under both.
 */
public enum KernelNorm {
    L1, L2;

    /** {@code l1} or {@code l2} (any case). */
    public static KernelNorm parse(String text) {
        for (KernelNorm n : values()) if (n.name().equalsIgnoreCase(text.trim())) return n;
        throw new IllegalArgumentException("kernel norm '" + text + "' is not one of l1, l2");
    }

    /** The norm of {@code w[from .. from + count)}, every {@code stride}-th value. */
    public double of(double[] w, int from, int count, int stride) {
        double s = 0;
        if (this == L1) {
            for (int i = 0, x = from; i < count; i++, x += stride) s += Math.abs(w[x]);
            return s;
        }
        for (int i = 0, x = from; i < count; i++, x += stride) s += w[x] * w[x];
        return Math.sqrt(s);
    }

    /** The word the command line takes. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
