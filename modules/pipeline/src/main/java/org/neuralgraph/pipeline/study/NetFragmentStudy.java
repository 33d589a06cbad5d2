package org.neuralgraph.pipeline.study;

import org.neuralgraph.pipeline.kind.NeuronClassKind;
import org.neuralgraph.pipeline.kind.GraphKinds;
import org.neuralgraph.pipeline.kind.GraphKind;
import org.neuralgraph.pipeline.kind.ContributionKind;
import org.neuralgraph.pipeline.kind.CheckpointInputs;
import java.util.Arrays;
import org.neuralgraph.pipeline.kind.ParameterValues;
import org.neuralgraph.gephi.GephiProject;
import org.neuralgraph.render.GreyPng;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.gephi.project.api.Workspace;
import org.neuralgraph.core.data.LabeledImages;
import org.neuralgraph.core.data.TrainTestData;
import org.neuralgraph.core.graph.NeuralGraph;
import org.neuralgraph.core.netfragment.LayerSignal;
import org.neuralgraph.core.netfragment.SegmentDigits;
import org.neuralgraph.core.progress.ProgressMonitor;
import org.neuralgraph.dl4j.ActivationMaximisation;
import org.neuralgraph.dl4j.Checkpoint;
import org.neuralgraph.dl4j.LayerSignals;
import org.neuralgraph.dl4j.NetFragmentGraphs;
import org.neuralgraph.dl4j.NetFragmentModels;
import org.neuralgraph.dl4j.Trainer;
import org.neuralgraph.dl4j.TrainingRun;
import org.neuralgraph.gephi.GraphExporter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The net-fragment study's study (Sections 4.1-4.2): the eleven models of Table 4.1 trained on the ten 9 x 9 digits, a checkpoint and
 * every layer's activations after each epoch, the neuron-class graph of the head's 12 neurons at every epoch, the
 * contribution graph of one input and the inputs that maximise each class after training.
 *
 * <p>An epoch: the ten images repeated {@code repeats} times in a seeded random order. The paper trains for 10 epochs
 * at batch 32 and reports 100 % accuracy "within a few epochs", which an epoch of ten images (one Adam step of 5e-4)
 * cannot give; it does not say how large its epoch was. With 1,000 repeats (313 steps an epoch) every model reaches
 * 100 % within 1-5 epochs, as the paper reports.
 */
public final class NetFragmentStudy implements Study {

    /** What the command line sets. */
    public static final class Settings {
        public boolean dynamic;
        public int[] models = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
        public int repeats = 1000;
        public int epochs = 10;
        public long seed = 42;
        /** The neuron-class graph's parameters: the activation maximisation's steps, step size and L2 weight. */
        public ParameterValues neuronClass = GraphKinds.get(NeuronClassKind.ID).values(java.util.Collections.emptyMap());
        /** The contribution graph's parameters: the digit whose path is followed. */
        public ParameterValues contribution = GraphKinds.get(ContributionKind.ID).values(java.util.Collections.emptyMap());
        public String command;
        ActivationMaximisation maximisation;

        int inputDigit() { return contribution.integer("input-digit"); }
    }

    /** One model's figures. */
    static final class ModelResult {
        int number;
        String description;
        long parameters;
        final List<Checkpoint> checkpoints = new ArrayList<>();
        /** The head's 12 neurons x 10 classes after training. */
        double[][] head;
        List<ActivationMaximisation.ClassImage> maxima;
    }

    static final class Result {
        final List<ModelResult> models = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
        /** Files of the training as dynamic graphs ({@code --dynamic}), else empty. */
        final List<String> timelineFiles = new ArrayList<>();
        SegmentDigits digits;
    }

    private final Settings s;

    public NetFragmentStudy(Settings settings) {
        this.s = settings;
    }

    @Override
    public void check() {
        if (s.models.length == 0) throw new IllegalArgumentException("--models is empty");
        for (int m : s.models) {
            if (m < 1 || m > NetFragmentModels.COUNT) throw new IllegalArgumentException("--models: " + m + " is not a model of Table 4.1 (1-11)");
        }
        if (s.repeats < 1 || s.repeats > 100_000) throw new IllegalArgumentException("--repeats must be in [1, 100000], got " + s.repeats);
        if (s.epochs < 1 || s.epochs > 1000) throw new IllegalArgumentException("--epochs must be in [1, 1000], got " + s.epochs);
        s.maximisation = NeuronClassKind.maximisation(s.neuronClass, s.seed);
    }

    /** The ten digits repeated {@code repeats} times for training, the ten digits once for testing. */
    static TrainTestData data(SegmentDigits digits, int repeats) {
        LabeledImages ten = digits.images();
        int[] idx = new int[ten.size() * repeats];
        for (int i = 0; i < idx.length; i++) idx[i] = i % ten.size();
        return new TrainTestData(ten.subset(idx), ten, "the ten 9x9 net-fragment digits (sample-models/net-fragments), "
                + repeats + " copies of each an epoch; accuracy on the ten");
    }

    @Override
    public StudyOutcome run(GephiProject project, Path outDir, ProgressMonitor monitor) throws IOException {
        check();
        Result result = analyse(project, outDir, monitor);
        NetFragmentReport report = new NetFragmentReport(s, result);
        report.write(outDir);
        return new StudyOutcome(report.summary(), result.notes, Arrays.asList("report.md", "neuralgraph.gephi"));
    }

    private Result analyse(GephiProject project, Path outDir, ProgressMonitor monitor) throws IOException {
        NeuronClassKind neuronClass = GraphKinds.get(NeuronClassKind.class);
        GraphKind contribution = GraphKinds.get(ContributionKind.ID);
        Result r = new Result();
        r.digits = SegmentDigits.standard();
        TrainTestData data = data(r.digits, s.repeats);
        LabeledImages ten = data.test();
        TimelineOutput timeline = new TimelineOutput(s.dynamic, project);
        for (int m : s.models) {
            ModelResult mr = new ModelResult();
            mr.number = m;
            mr.description = NetFragmentModels.description(m);
            org.neuralgraph.dl4j.ModelSpec spec = NetFragmentModels.spec(m, s.seed);
            spec.epochs = s.epochs;
            TrainingRun run = Trainer.train(spec, data, s.epochs + 1, outDir.resolve("runs").resolve(spec.name), false, monitor);
            mr.checkpoints.addAll(run.checkpoints());
            for (int k = 0; k < run.checkpoints().size(); k++) {
                monitor.checkCancelled();
                Checkpoint cp = run.checkpoints().get(k);
                CheckpointInputs in = new CheckpointInputs(run, k, ten, s.seed);
                MultiLayerNetwork net = in.network();
                if (k == 0) mr.parameters = net.numParams();
                writeActivations(net, ten, outDir.resolve("activations").resolve(spec.name)
                        .resolve(String.format(Locale.ROOT, "epoch-%04d.csv", cp.epoch())));
                boolean last = k == run.checkpoints().size() - 1;
                NeuralGraph g = in.withCheckpoint(neuronClass.withoutMaxima(in).withGraphAttributes(modelAttributes(mr)));
                if (last) {
                    mr.head = NetFragmentGraphs.headActivations(net, ten);
                    mr.maxima = s.maximisation.run(net, 1, ten.rows(), ten.cols(), monitor);
                    g = NetFragmentGraphs.withMaxima(g, mr.maxima);
                    g = g.withNodeColumns(maximaPngs(g, mr.maxima, outDir, spec.name));
                }
                String name = String.format(Locale.ROOT, "%s neuron-class epoch %d (acc %.2f)", spec.name, cp.epoch(), cp.testAccuracy());
                Workspace ws = project.importGraph(g, name, monitor);
                GraphExporter.export(ws, outDir.resolve("graphs").resolve(spec.name),
                        String.format(Locale.ROOT, "neuron-class-epoch-%04d", cp.epoch()), EnumSet.of(GraphExporter.Format.GEXF));
                timeline.add(spec.name + "-neuron-class", project.graphModel(ws), cp.epoch());
                if (!last) {
                    project.delete(ws); // every epoch as GEXF, the trained network's graphs in the project
                    continue;
                }
                NeuralGraph cg = contribution.build(in, s.contribution, monitor).withGraphAttributes(modelAttributes(mr));
                Workspace cws = project.importGraph(cg, spec.name + " contribution, digit " + s.inputDigit(), monitor);
                GraphExporter.export(cws, outDir.resolve("graphs").resolve(spec.name), "contribution-digit-" + s.inputDigit(),
                        EnumSet.of(GraphExporter.Format.GEXF));
            }
            r.models.add(mr);
        }
        r.timelineFiles.addAll(timeline.write(outDir, 0, monitor, r.notes)); // classes and head neurons keep their start positions
        monitor.start("saving Gephi project", 1);
        project.save(outDir.resolve("neuralgraph.gephi"));
        return r;
    }

    private static Map<String, Object> modelAttributes(ModelResult mr) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("table_4_1_model", mr.number);
        a.put("encoder", mr.description);
        return a;
    }

    /**
     * Each class's maximising input as a PNG, {@code pictures/maxima/<model>-class-<c>.png} (9 x 9, each pixel 8 x 8,
     * 0 black, 1 white), and its path relative to the output directory as the class node's column {@code max_input_png}.
     */
    private static Map<String, NeuralGraph.Column> maximaPngs(NeuralGraph g, List<ActivationMaximisation.ClassImage> maxima, Path outDir,
                                                              String model) throws IOException {
        Path dir = Files.createDirectories(outDir.resolve("pictures").resolve("maxima"));
        String[] paths = new String[g.nodeCount()];
        java.util.Arrays.fill(paths, "");
        for (ActivationMaximisation.ClassImage ci : maxima) {
            double[] v = new double[ci.image().length];
            for (int i = 0; i < v.length; i++) v[i] = ci.image()[i];
            String name = model + "-class-" + ci.classIndex() + ".png";
            GreyPng.write(v, 9, 9, 0, 1, dir.resolve(name));
            int node = g.indexOf("class_" + ci.classIndex());
            if (node >= 0) paths[node] = "pictures/maxima/" + name;
        }
        Map<String, NeuralGraph.Column> c = new LinkedHashMap<>();
        c.put("max_input_png", NeuralGraph.Column.ofStrings("Maximising input as PNG (relative to the study's directory)", paths));
        return c;
    }

    /** Every weight layer's post-activation outputs for each digit: digit, layer, index (channel-major for maps), value. */
    private static void writeActivations(MultiLayerNetwork net, LabeledImages ten, Path csv) throws IOException {
        Files.createDirectories(csv.getParent());
        List<String> names = LayerSignals.layerNames(net);
        StringBuilder b = new StringBuilder("digit,layer,index,value\n");
        for (int d = 0; d < ten.size(); d++) {
            List<LayerSignal> sig = LayerSignals.record(net, NetFragmentGraphs.image(ten, d), 1, ten.rows(), ten.cols());
            for (int l = 0; l < sig.size(); l++) {
                double[] out = sig.get(l).output();
                for (int i = 0; i < out.length; i++) b.append(ten.labels()[d]).append(',').append(names.get(l)).append(',').append(i).append(',').append((float) out[i]).append('\n');
            }
        }
        ReportText.writeFile(csv, b.toString());
    }
}
