package org.neuralgraph.pipeline;

import org.neuralgraph.core.graph.NeuralGraph;
import org.neuralgraph.core.progress.ProgressMonitor;
import org.neuralgraph.pipeline.kind.CheckpointInputs;
import org.neuralgraph.pipeline.kind.GraphKind;
import org.neuralgraph.pipeline.kind.Parameter;
import org.neuralgraph.pipeline.kind.ParameterValues;

import java.util.Collections;
import java.util.List;

/**
 * A new graph kind in one class, registered in {@code META-INF/services}: a ring of nodes, each linked to the node
 * {@code hops} places on, with the checkpoint's attributes. The tests of both front-ends find it through the registry.
 */
public final class ToyRingKind implements GraphKind {

    public static final String ID = "toy-ring";

    @Override public String id() { return ID; }
    @Override public String title() { return "Toy ring"; }
    @Override public String description() { return "a ring of nodes, each linked to the one 'hops' places on"; }
    @Override public String reference() { return ""; }

    @Override
    public List<Parameter> parameters() {
        return Collections.singletonList(Parameter.integer("hops", "Hops", 1, 1, 5).described("How far along the ring each node links.", ""));
    }

    @Override
    public NeuralGraph build(CheckpointInputs in, ParameterValues values, ProgressMonitor monitor) {
        int n = 7, hops = values.integer("hops");
        NeuralGraph.Builder b = new NeuralGraph.Builder(true);
        for (int i = 0; i < n; i++) b.addNode("r" + i, "ring " + i);
        for (int i = 0; i < n; i++) b.addEdge(i, (i + hops) % n, 1.0);
        return in.withCheckpoint(b.build());
    }

    @Override
    public String name(ParameterValues values, String modelName) {
        return "toy ring " + values.integer("hops");
    }
}
