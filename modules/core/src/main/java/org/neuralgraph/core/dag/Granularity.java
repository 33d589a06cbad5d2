package org.neuralgraph.core.dag;

import java.util.Locale;

/**
 * What a node of the weight graph stands for ({@link DagWeightGraph}).
 * <ul>
 *   <li>{@link #NEURON}: every node is a neuron: an input value, a unit of a dense layer, an attention projection or an
 *       embedding. A convolution has a neuron per channel <em>and position</em>, which would be the network unrolled over
 *       its maps, so a model with a convolution is refused at this granularity, naming the convolution.</li>
 *   <li>{@link #CHANNEL}: as {@link #NEURON}, and a convolution's channels are nodes: its weights are shared over the
 *       positions, so its channels stand for its neurons (Filan et al., "Clusterability in neural networks", 2021, as
 *       cited by Darnell and Leonard, Section 2), an edge per input and output channel weighing the kernel's norm
 *       ({@link KernelNorm}). The weight graph the project has always built; on a network without convolutions the
 *       same graph as {@link #NEURON}.</li>
 *   <li>{@link #BLOCK}: an overview: one node per layer with units of its own (input, dense, convolution, embedding),
 *       split by head for attention projections, its edges the {@link #CHANNEL} graph's edges between two such nodes
 *       summed, of each kind separately (weight the sum of the edge weights, column {@code count} how many).</li>
 * </ul>
 */
public enum Granularity {
    NEURON, CHANNEL, BLOCK;

    /** {@code neuron}, {@code channel} or {@code block} (any case). */
    public static Granularity parse(String text) {
        for (Granularity g : values()) if (g.name().equalsIgnoreCase(text.trim())) return g;
        throw new IllegalArgumentException("granularity '" + text + "' is not one of neuron, channel, block");
    }

    /** The word the command line takes. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
