package org.neuralgraph.core.data;

import java.util.Random;

/** Seeded random orders, the one shuffle every random choice of the project goes through. */
public final class Permutations {

    private Permutations() { }

    /** 0..n-1 in a random order (Fisher-Yates with {@code rnd}). */
    public static int[] random(int n, Random rnd) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = p[i]; p[i] = p[j]; p[j] = t;
        }
        return p;
    }
}
