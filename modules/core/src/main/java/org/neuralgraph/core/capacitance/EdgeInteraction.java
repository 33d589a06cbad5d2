package org.neuralgraph.core.capacitance;

/**
 * How strongly the probe's weights (the nodes of its line graph) act on each other: the matrix P of the method note's
 * Eq. 1, reduced to its row and column sums. The paper's own formula for P ("Quantify the interaction strengths of
 * edges") was not available (note section 2.2 and section 6, item 1: [?]), so this interface is the one place that
 * formula lives and can be swapped; {@link GradientFlowInteraction} is our reconstruction [R].
 */
public interface EdgeInteraction {

    /**
     * The strengths of every line-graph node for one batch of the probe's forward and backward pass.
     *
     * @throws IllegalArgumentException when the batch does not suit this interaction (e.g. too few layers)
     */
    InteractionStrengths strengths(ProbeBatch batch);
}
