package org.neuralgraph.pipeline.kind;

import org.neuralgraph.core.dag.DagWeightGraph;
import org.neuralgraph.core.dag.Granularity;
import org.neuralgraph.core.dag.KernelNorm;
import org.neuralgraph.core.graph.NeuralGraph;
import org.neuralgraph.core.progress.ProgressMonitor;
import org.neuralgraph.core.weights.Sparsification;

import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The weight graph (Darnell and Leonard, Section 3): every neuron (or input pixel, or convolution channel) a node, every
 * weight a directed edge from input to output with Gephi weight |w| and the signed weight in the column {@code value};
 * {@link DagWeightGraph} builds it from the model's {@link org.neuralgraph.core.dag.NetworkDag} at a {@link Granularity}
 * (for a chain: {@link org.neuralgraph.core.weights.WeightGraph}'s graph, with more columns). An ONNX file's weights come
 * straight from its initializers, for residual, concatenating and attention networks too; a DL4J ComputationGraph (a
 * residual CNN) comes through {@link org.neuralgraph.dl4j.Dl4jDag}, batch normalisation folded.
 */
public final class WeightGraphKind implements GraphKind {

    public static final String ID = "weights";

    private static final List<Parameter> PARAMETERS = Collections.unmodifiableList(Arrays.asList(
            Parameter.text("sparsify", "Edges kept (none, percentile:P, top-k:K)", "none", Sparsification::parse)
                    .described("Which weights become edges: none (every weight), percentile:P (the largest |w| above the P-th "
                            + "percentile of each layer) or top-k:K (the K largest |w| into each neuron); skip and attention "
                            + "edges are always kept.", ""),
            Parameter.choice("granularity", "Nodes", "channel", "neuron", "channel", "block")
                    .described("neuron: every node a neuron (refuses convolutions); channel: neurons and convolution channels "
                            + "(Filan et al.); block: one node per layer (per head for attention projections), edges summed.",
                            Papers.DARNELL_LEONARD + ", Sections 2-3"),
            Parameter.choice("kernel-norm", "Kernel norm", "l1", "l1", "l2")
                    .described("The weight of a convolution's channel-to-channel edge: the L1 or L2 norm of its kernel.", "")));

    @Override public String id() { return ID; }
    /** Drawn in its layers, inputs left to outputs right: ForceAtlas2 on 44,700 edges is a hairball (issue 21). */
    @Override public int layoutIterations() { return 0; }
    @Override public String title() { return "Weight graph"; }
    @Override public String description() { return "neurons as nodes, weights as directed edges (Gephi weight |w|, signed weight in 'value')"; }
    @Override public String reference() { return Papers.DARNELL_LEONARD + ", Section 3"; }
    @Override public List<Parameter> parameters() { return PARAMETERS; }

    @Override
    public NeuralGraph build(CheckpointInputs in, ParameterValues values, ProgressMonitor monitor) throws IOException {
        Sparsification s = Sparsification.parse(values.text("sparsify"));
        Granularity granularity = Granularity.parse(values.text("granularity"));
        KernelNorm norm = KernelNorm.parse(values.text("kernel-norm"));
        try {
            return in.withCheckpoint(DagWeightGraph.build(in.checkpoint().dag(in.modelName()), granularity, norm, s));
        } catch (IllegalArgumentException e) {
            throw new org.neuralgraph.dl4j.ModelFileException(in.checkpoint().file(), e.getMessage(), e);
        }
    }

    @Override
    public String name(ParameterValues values, String modelName) {
        String g = values.text("granularity");
        return g.equals("channel") ? "weights" : "weights " + g;
    }
}
