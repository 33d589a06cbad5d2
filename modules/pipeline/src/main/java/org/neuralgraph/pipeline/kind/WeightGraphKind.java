package org.neuralgraph.pipeline.kind;

import org.neuralgraph.core.dag.DagWeightGraph;
import org.neuralgraph.core.dag.Granularity;
import org.neuralgraph.core.dag.KernelNorm;
import org.neuralgraph.core.graph.NeuralGraph;
import org.neuralgraph.core.progress.ProgressMonitor;
import org.neuralgraph.core.weights.Sparsification;
import org.neuralgraph.core.weights.WeightGraph;

import java.io.IOException;
import java.util.Collections;
import java.util.List;

/**
 * The weight graph (Darnell and Leonard, Section 3): every neuron (or input pixel, or convolution channel) a node, every
 * weight a directed edge from input to output with Gephi weight |w| and the signed weight in the column {@code value};
 * {@link WeightGraph} builds it. An ONNX file's weights come straight from its initializers. A DL4J ComputationGraph (a
 * residual CNN) goes through its network DAG ({@link org.neuralgraph.dl4j.Dl4jDag}, {@link DagWeightGraph}): channels as
 * nodes, batch normalisation folded, skip edges of weight 1 into each residual sum.
 */
public final class WeightGraphKind implements GraphKind {

    public static final String ID = "weights";

    private static final List<Parameter> PARAMETERS = Collections.singletonList(
            Parameter.text("sparsify", "Edges kept (none, percentile:P, top-k:K)", "none", Sparsification::parse)
                    .described("Which weights become edges: none (every weight), percentile:P (the largest |w| above the P-th "
                            + "percentile of each layer) or top-k:K (the K largest |w| into each neuron).", ""));

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
        if (in.checkpoint().isGraph()) { // a residual network: through its network DAG, channels as nodes (as a chain's convolutions)
            return in.withCheckpoint(DagWeightGraph.build(in.checkpoint().dag(in.modelName()), Granularity.CHANNEL, KernelNorm.L1, s));
        }
        return in.withCheckpoint(WeightGraph.build(in.checkpoint().weights(in.modelName()), s));
    }

    @Override
    public String name(ParameterValues values, String modelName) {
        return "weights";
    }
}
