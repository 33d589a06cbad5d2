package org.neuralgraph.core.activation;

/**
 * The unique-neuron matrix of Mostafa and Mondal, Section 7.1 and Table 2. With N_i the neurons representing class i (the
 * classes of a node in the overlapping cover), entry (i, j), i != j, counts the neurons in N_i and N_j and in no
 * other N_k; the diagonal (i, i) counts the neurons of N_i alone. Neurons representing three or more classes
 * appear nowhere. The matrix is symmetric.
 */
public final class UniqueNeurons {

    private UniqueNeurons() { }

    /**
     * @param cover   the classes of each neuron
     * @param classes number of classes
     */
    public static int[][] matrix(int[][] cover, int classes) {
        int[][] m = new int[classes][classes];
        for (int[] cs : cover) {
            for (int c : cs) {
                if (c < 0 || c >= classes) throw new IllegalArgumentException("class " + c + " is outside 0.." + (classes - 1));
            }
            if (cs.length == 1) {
                m[cs[0]][cs[0]]++;
            } else if (cs.length == 2 && cs[0] != cs[1]) {
                m[cs[0]][cs[1]]++;
                m[cs[1]][cs[0]]++;
            }
        }
        return m;
    }
}
