package org.neuralgraph.core.activation;

import java.util.Arrays;

/**
 * The community sizes of Mostafa and Mondal's Table 3: the number of nodes in each community of a partition (Louvain at
 * Gephi resolution 0.5 in the paper), largest first, and the average number of nodes per community.
 */
public final class CommunitySizes {

    private final int[] sizes;

    private CommunitySizes(int[] sizes) {
        this.sizes = sizes;
    }

    /** @param community community label of each node (any non-negative integers) */
    public static CommunitySizes of(int[] community) {
        java.util.Map<Integer, Integer> count = new java.util.HashMap<>();
        for (int c : community) {
            if (c < 0) throw new IllegalArgumentException("community labels must be >= 0, got " + c);
            count.merge(c, 1, Integer::sum);
        }
        int[] s = count.values().stream().mapToInt(Integer::intValue).sorted().toArray();
        for (int i = 0, j = s.length - 1; i < j; i++, j--) { int t = s[i]; s[i] = s[j]; s[j] = t; }
        return new CommunitySizes(s);
    }

    /** All sizes, largest first. */
    public int[] sizes() { return sizes.clone(); }

    /** The k largest sizes (C_1..C_k of Table 3), padded with 0 when there are fewer communities. */
    public int[] largest(int k) { return Arrays.copyOf(sizes, k); }

    public int communities() { return sizes.length; }

    /** Nodes divided by communities ("average node per community"); NaN for no nodes. */
    public double averageSize() {
        if (sizes.length == 0) return Double.NaN;
        long n = 0;
        for (int s : sizes) n += s;
        return n / (double) sizes.length;
    }
}
