package org.neuralgraph.importer;

import org.deeplearning4j.util.ModelSerializer;
import org.gephi.graph.api.GraphController;
import org.gephi.graph.api.GraphModel;
import org.gephi.io.importer.api.Container;
import org.gephi.io.importer.api.ImportController;
import org.gephi.io.importer.impl.ImportContainerImpl;
import org.gephi.io.processor.plugin.DefaultProcessor;
import org.gephi.project.api.ProjectController;
import org.gephi.project.api.Workspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuralgraph.dl4j.ModelFactory;
import org.neuralgraph.dl4j.ModelSpec;
import org.neuralgraph.pipeline.kind.ActivationPatternKind;
import org.neuralgraph.pipeline.kind.ContributionKind;
import org.neuralgraph.pipeline.kind.FeatureMapKind;
import org.neuralgraph.pipeline.kind.GraphKinds;
import org.neuralgraph.pipeline.kind.LineGraphKind;
import org.neuralgraph.pipeline.kind.MapperKind;
import org.neuralgraph.pipeline.kind.NeuronClassKind;
import org.neuralgraph.pipeline.kind.WeightGraphKind;
import org.openide.util.Lookup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** The importer's SPI implementations through the real gephi-toolkit (no Gephi window needed). */
class ImporterTest {

    @BeforeEach
    void project() {
        ProjectController pc = Lookup.getDefault().lookup(ProjectController.class);
        pc.closeCurrentProject();
        pc.newProject();
    }

    static GraphModel process(Container c) {
        Workspace ws = Lookup.getDefault().lookup(ProjectController.class).getCurrentWorkspace();
        Lookup.getDefault().lookup(ImportController.class).process(c, new DefaultProcessor(), ws);
        return Lookup.getDefault().lookup(GraphController.class).getGraphModel(ws);
    }

    @Test
    void generatorTrainsOnTheBundledSampleAndFillsTheContainer() {
        NeuralNetworkGenerator gen = new NeuralNetworkGenerator();
        GraphRequest r = new GraphRequest();
        r.epochs = 1;
        r.checkpoints = 2;
        gen.setRequest(r);
        Container c = new ImportContainerImpl();
        gen.generate(c.getLoader());
        assertTrue(c.verify());
        GraphModel gm = process(c);
        assertEquals(944, gm.getGraph().getNodeCount());
        assertEquals(44_700, gm.getGraph().getEdgeCount());
        assertNotNull(gm.getNodeTable().getColumn("layer_name"));
        assertEquals("Neural network graph", gen.getName(), "the menu's and the dialog's name");
        assertEquals("weights \u00b7 mlp-seed000 \u00b7 epoch 1", Lookup.getDefault().lookup(ProjectController.class).getCurrentWorkspace().getName(),
                "the workspace is named by kind, model and checkpoint, through the container's source as in Gephi");
        assertTrue(Files.isRegularFile(r.trainedRun.resolve("manifest.json")));
        assertEquals(1, GraphRequest.load(org.openide.util.NbPreferences.forModule(NeuralNetworkGenerator.class)).epochs,
                "settings are remembered");
    }

    @Test
    void otherCheckpointsGetWorkspacesOfTheirOwn() {
        NeuralNetworkGenerator gen = new NeuralNetworkGenerator();
        GraphRequest r = new GraphRequest();
        r.epochs = 2;
        r.checkpoints = 3;
        r.otherCheckpoints = true;
        gen.setRequest(r);
        ProjectController pc = Lookup.getDefault().lookup(ProjectController.class);
        int before = pc.getCurrentProject().getLookup().lookup(org.gephi.project.api.WorkspaceProvider.class).getWorkspaces().length;
        Container c = new ImportContainerImpl();
        gen.generate(c.getLoader());
        Workspace[] all = pc.getCurrentProject().getLookup().lookup(org.gephi.project.api.WorkspaceProvider.class).getWorkspaces();
        assertTrue(all.length >= before + 1, "epochs 0 and 1 in workspaces; epoch 2 in the container");
        java.util.List<String> names = java.util.Arrays.stream(all).map(Workspace::getName).collect(java.util.stream.Collectors.toList());
        assertTrue(names.containsAll(java.util.List.of("weights \u00b7 mlp-seed000 \u00b7 epoch 0", "weights \u00b7 mlp-seed000 \u00b7 epoch 1")), names.toString());
        assertEquals("weights \u00b7 mlp-seed000 \u00b7 epoch 2", c.getSource(), "the generated checkpoint's workspace is named the same way");
        assertEquals(944, c.getUnloader().getNodeCount());
    }

    /** Issue 10: every checkpoint as one dynamic graph, through Gephi's own processor into a new workspace. */
    @Test
    void allCheckpointsAsOneTimeline() {
        NeuralNetworkGenerator gen = new NeuralNetworkGenerator();
        GraphRequest r = new GraphRequest();
        r.kind = ActivationPatternKind.ID;
        r.epochs = 2;
        r.checkpoints = 3;
        r.set("neurons-per-class", 5);
        r.timeline = true;
        gen.setRequest(r);
        Container c = new ImportContainerImpl();
        gen.generate(c.getLoader());
        assertTrue(c.verify());
        GraphModel gm = processed(c);
        assertEquals(org.gephi.graph.api.TimeRepresentation.TIMESTAMP, gm.getConfiguration().getTimeRepresentation(),
                "the processor kept the dynamic configuration");
        assertTrue(gm.isDynamic());
        java.util.Set<Double> stamps = new java.util.TreeSet<>();
        for (org.gephi.graph.api.Node n : gm.getGraph().getNodes()) for (double t : n.getTimestamps()) stamps.add(t);
        assertEquals(java.util.Set.of(0.0, 1.0, 2.0), stamps, "epochs 0-2");
        assertTrue(gm.getGraph().getAttribute("test_accuracy", 2.0) instanceof Double, "accuracy is a series over the timeline");
        assertEquals("epoch", gm.getGraph().getAttribute("timeline_unit"));
        assertEquals("activations L1 \u00b7 mlp-seed000 \u00b7 timeline", Lookup.getDefault().lookup(ProjectController.class).getCurrentWorkspace().getName());

        r.kind = MapperKind.ID;
        gen.setRequest(r);
        // a refusal ends Gephi's task with an exception (no workspace), marked as expected: no "Unexpected Exception" balloon
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> gen.generate(new ImportContainerImpl().getLoader()));
        assertTrue(e.getMessage().contains("have no identity from one checkpoint to the next"), e.getMessage());
    }

    /** File &gt; Export &gt; Graph file finds the timeline animation by extension and writes one frame per checkpoint. */
    @Test
    void timelineAnimationExportsThroughGephisExportController(@TempDir Path tmp) throws IOException {
        java.util.List<org.neuralgraph.core.graph.NeuralGraph> graphs = new java.util.ArrayList<>();
        for (int k = 0; k < 3; k++) {
            org.neuralgraph.core.graph.NeuralGraph.Builder b = new org.neuralgraph.core.graph.NeuralGraph.Builder(true);
            b.addNode("a", null);
            b.addNode("b", null);
            if (k != 1) b.addNode("c", null);
            b.addEdge(0, 1, k + 1);
            graphs.add(b.graphAttribute("test_accuracy", 0.3 * k).build());
        }
        Workspace ws = org.neuralgraph.gephi.TimelineImporter.importTimeline(
                org.neuralgraph.core.timeline.GraphTimeline.ofCheckpoints(graphs, new int[]{0, 1, 2}), "training", org.neuralgraph.core.progress.ProgressMonitor.NONE);
        Lookup.getDefault().lookup(ProjectController.class).openWorkspace(ws);
        org.gephi.io.exporter.api.ExportController ec = Lookup.getDefault().lookup(org.gephi.io.exporter.api.ExportController.class);
        java.io.File gif = tmp.resolve("training.gif").toFile(), mp4 = tmp.resolve("training.mp4").toFile();
        org.gephi.io.exporter.spi.Exporter gifExporter = ec.getFileExporter(gif);
        assertTrue(gifExporter instanceof TimelineAnimationExporter, "the .gif graph exporter is ours: " + gifExporter);
        gifExporter.setWorkspace(ws);
        ec.exportFile(gif, gifExporter);
        try (javax.imageio.stream.ImageInputStream in = javax.imageio.ImageIO.createImageInputStream(gif)) {
            javax.imageio.ImageReader reader = javax.imageio.ImageIO.getImageReadersByFormatName("gif").next();
            reader.setInput(in);
            assertEquals(3, reader.getNumImages(true), "frames count equals checkpoints");
        }
        org.gephi.io.exporter.spi.Exporter mp4Exporter = ec.getFileExporter(mp4);
        mp4Exporter.setWorkspace(ws);
        ec.exportFile(mp4, mp4Exporter);
        assertTrue(mp4.length() > 1000, "an MP4 was written");
        if (new java.io.File("/dev/full").canWrite()) { // Linux: every write fails with "No space left on device"
            gifExporter.setWorkspace(ws);
            Exception full = assertThrows(IllegalArgumentException.class, () -> ec.exportFile(new java.io.File("/dev/full"), gifExporter));
            assertEquals("Timeline animation: could not be written (No space left on device)", full.getMessage());
        }

        Workspace still = org.neuralgraph.gephi.WorkspaceImporter.importGraph(graphs.get(0), "static", org.neuralgraph.core.progress.ProgressMonitor.NONE);
        org.gephi.io.exporter.spi.Exporter refused = ec.getFileExporter(gif);
        refused.setWorkspace(still);
        Exception e = assertThrows(Exception.class, () -> ec.exportFile(tmp.resolve("static.gif").toFile(), refused));
        assertTrue(String.valueOf(e.getMessage()).contains("not dynamic") || String.valueOf(e.getCause()).contains("not dynamic"), String.valueOf(e));

        // Gephi's export dialog lists every file type of every exporter and preselects the first: for a static
        // workspace the animation is not offered, so Gephi's own first exporter stays preselected
        Lookup.getDefault().lookup(ProjectController.class).openWorkspace(still);
        java.util.List<String> offered = new java.util.ArrayList<>();
        for (org.gephi.io.exporter.spi.GraphFileExporterBuilder b : Lookup.getDefault().lookupAll(org.gephi.io.exporter.spi.GraphFileExporterBuilder.class)) {
            for (org.gephi.io.exporter.api.FileType t : b.getFileTypes()) offered.add(t.getExtension());
        }
        assertFalse(offered.contains(".gif") || offered.contains(".mp4"), offered.toString());
        assertTrue(offered.contains(".gexf"), offered.toString());
        assertNull(ec.getFileExporter(gif), "no .gif graph exporter for a static workspace");
        Lookup.getDefault().lookup(ProjectController.class).openWorkspace(ws);
        assertTrue(ec.getFileExporter(mp4) instanceof TimelineAnimationExporter, "offered again for the timeline");
    }

    /** What Gephi's generator controller does with a filled container: a new workspace for it, through the processor. */
    private static GraphModel processed(Container c) {
        c.closeLoader();
        DefaultProcessor p = new DefaultProcessor();
        p.setContainers(new org.gephi.io.importer.api.ContainerUnloader[]{c.getUnloader()});
        p.process();
        return Lookup.getDefault().lookup(GraphController.class).getGraphModel(
                Lookup.getDefault().lookup(ProjectController.class).getCurrentWorkspace());
    }

    @Test
    void activationPatternGraphCarriesItsCoverAndActivationsIntoTheWorkspace() {
        NeuralNetworkGenerator gen = new NeuralNetworkGenerator();
        GraphRequest r = new GraphRequest();
        r.kind = ActivationPatternKind.ID;
        r.epochs = 1;
        r.checkpoints = 2;
        r.set("layer", 2);
        r.set("neurons-per-class", 10);
        gen.setRequest(r);
        Container c = new ImportContainerImpl();
        c.setSource(gen.getName());
        gen.generate(c.getLoader());
        assertTrue(c.verify());
        GraphModel gm = processed(c);
        Workspace ws = Lookup.getDefault().lookup(ProjectController.class).getCurrentWorkspace();
        int nodes = gm.getGraph().getNodeCount();
        assertTrue(nodes >= 10 && nodes <= 50, "the union of ten classes' top ten of 50 neurons: " + nodes);
        assertTrue(gm.getGraph().getEdgeCount() > 0);
        org.gephi.graph.api.Node first = gm.getGraph().getNodes().toArray()[0];
        assertTrue(first.getId().toString().startsWith("L2N"));
        assertTrue(first.getAttribute("classes").toString().matches("\\d(\\|\\d)*"), first.getAttribute("classes").toString());
        org.neuralgraph.gephi.RecordedActivations rec = ws.getLookup().lookup(org.neuralgraph.gephi.RecordedActivations.class);
        assertNotNull(rec, "the activations went with the workspace");
        assertEquals(150, rec.columns(), "the three hidden layers of 784-50-50-50-10");
        assertEquals(8000, rec.rows(), "the training split of the shipped sample");

        // the entropy statistic finds them; the community statistic reads the class cover
        org.neuralgraph.gephi.ActivationPatternEntropy entropy = new org.neuralgraph.gephi.ActivationPatternEntropy();
        entropy.execute(gm);
        assertTrue(entropy.getTotal() > 0, entropy.getReport());
        assertNotNull(gm.getNodeTable().getColumn("activation_entropy"));
        org.neuralgraph.gephi.CommunityQuality quality = new org.neuralgraph.gephi.CommunityQuality();
        quality.setCoverColumn("classes");
        quality.execute(gm);
        assertNotNull(quality.getResults(), quality.getReport());
        assertEquals(10, quality.getResults().get("communities"));
    }

    @Test
    void lineGraphOfTheWeightsWithBetaEffForGephisStatistic() {
        NeuralNetworkGenerator gen = new NeuralNetworkGenerator();
        GraphRequest r = new GraphRequest();
        r.kind = LineGraphKind.ID;
        r.epochs = 1;
        r.set("weights-per-layer", 30);
        gen.setRequest(r);
        Container c = new ImportContainerImpl();
        gen.generate(c.getLoader());
        assertTrue(c.verify());
        assertEquals(4 * 30, c.getUnloader().getNodeCount(), "30 weights of each of the four weight layers of 784-50-50-50-10");
        assertTrue(c.getUnloader().getEdgeCount() > 0);
        GraphModel gm = processed(c);
        assertEquals("line graph", gm.getGraph().getAttribute("graph_kind"));
        // Gephi's statistic on the imported graph agrees with the beta_eff the graph was built with
        org.neuralgraph.gephi.EffectiveCouplingStatistic beta = new org.neuralgraph.gephi.EffectiveCouplingStatistic();
        beta.execute(gm);
        assertEquals((Double) gm.getGraph().getAttribute("beta_eff_weights"), beta.getBetaEff(), 1e-9 * beta.getBetaEff());
        assertTrue(beta.getBetaEff() > 0);
        GraphRequest bad = new GraphRequest();
        bad.kind = LineGraphKind.ID;
        bad.set("weights-per-layer", 0);
        refused(bad);
    }

    @Test
    void featureMapGraphOfALeNetClass() {
        NeuralNetworkGenerator gen = new NeuralNetworkGenerator();
        GraphRequest r = new GraphRequest();
        r.model = "lenet";
        r.kind = FeatureMapKind.ID;
        r.epochs = 1;
        r.set("class", 3);
        gen.setRequest(r);
        Container c = new ImportContainerImpl();
        gen.generate(c.getLoader());
        assertTrue(c.verify());
        assertEquals(58, c.getUnloader().getNodeCount(), "the brightest 10 % of a 24 x 24 map of LeNet's first convolution");
        GraphModel gm = processed(c);
        assertEquals("3", gm.getGraph().getAttribute("class"));
        assertEquals("feature map", gm.getGraph().getAttribute("graph_kind"));
        assertNotNull(gm.getNodeTable().getColumn("value"));

        GraphRequest mlp = new GraphRequest();
        mlp.kind = FeatureMapKind.ID;
        IllegalArgumentException e = refused(mlp);
        assertTrue(e.getMessage().contains("0 convolution layers"), e.getMessage());
    }

    @Test
    void netFragmentGraphsOfAShippedTrainedModel() {
        NeuralNetworkGenerator gen = new NeuralNetworkGenerator();
        GraphRequest r = new GraphRequest();
        r.model = "nf-11";
        r.kind = NeuronClassKind.ID;
        gen.setRequest(r);
        Container c = new ImportContainerImpl();
        gen.generate(c.getLoader());
        assertTrue(c.verify());
        assertEquals(12 + 10, c.getUnloader().getNodeCount(), "the head's 12 neurons and the 10 classes");
        GraphModel gm = processed(c);
        assertEquals("neuron-class graph", gm.getGraph().getAttribute("graph_kind"));
        assertNotNull(gm.getNodeTable().getColumn("max_input"));
        assertNotNull(gm.getNodeTable().getColumn("selectivity"));

        GraphRequest contribution = new GraphRequest();
        contribution.model = "nf-11";
        contribution.kind = ContributionKind.ID;
        contribution.set("input-digit", 1);
        gen.setRequest(contribution);
        Container c2 = new ImportContainerImpl();
        gen.generate(c2.getLoader());
        assertTrue(c2.verify());
        assertEquals(81 + 2 + 12 + 10, c2.getUnloader().getNodeCount(), "pixels, model 11's two line channels, the head, the classes");

        GraphRequest mnist = new GraphRequest();
        mnist.kind = NeuronClassKind.ID;
        IllegalArgumentException e = refused(mnist);
        assertTrue(e.getMessage().contains("not the net-fragment study's 9x9 digits"), e.getMessage());
    }

    /** The first {@code n} images of the shipped sample in a directory of their own (single-pair layout). */
    static Path sampleSlice(Path dir, int n) throws IOException {
        Files.createDirectories(dir);
        for (String f : new String[]{"images-idx3-ubyte.gz", "labels-idx1-ubyte.gz"}) {
            org.neuralgraph.core.data.IdxFile all = org.neuralgraph.core.data.IdxFile.read(org.neuralgraph.pipeline.model.SampleData.mnistDirectory().resolve(f));
            int[] dims = all.dims();
            int per = all.data().length / dims[0];
            dims[0] = n;
            new org.neuralgraph.core.data.IdxFile(dims, java.util.Arrays.copyOf(all.data(), n * per)).write(dir.resolve(f), true);
        }
        return dir;
    }

    @Test
    void mapperGraphOfTheFirstConvolutionLayersFilters(@TempDir Path tmp) throws IOException {
        Path spec = tmp.resolve("conv64.json");
        Files.write(spec, ("{\"name\":\"conv64\",\"layers\":[{\"type\":\"conv\",\"units\":64,\"kernel\":5,\"activation\":\"relu\"},"
                + "{\"type\":\"maxpool\",\"kernel\":2,\"stride\":2},{\"type\":\"output\",\"units\":10,\"activation\":\"softmax\"}],"
                + "\"batchSize\":50,\"epochs\":1}").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        NeuralNetworkGenerator gen = new NeuralNetworkGenerator();
        GraphRequest r = new GraphRequest();
        r.model = spec.toString();
        r.data = sampleSlice(tmp.resolve("data"), 500).toString();
        r.kind = MapperKind.ID;
        r.epochs = 1;
        r.checkpoints = 2;
        gen.setRequest(r);
        Container c = new ImportContainerImpl();
        gen.generate(c.getLoader());
        assertTrue(c.verify());
        int nodes = c.getUnloader().getNodeCount();
        assertTrue(nodes >= 1, "clusters of the 13 densest of 64 filters");
        GraphModel gm = processed(c);
        org.gephi.graph.api.Graph g = gm.getGraph();
        assertEquals(nodes, g.getNodeCount());
        assertEquals("mapper graph", g.getAttribute("graph_kind"));
        assertEquals(64, ((Number) g.getAttribute("input_points")).intValue(), "the 64 filters of the first convolution");
        assertEquals(13, ((Number) g.getAttribute("points")).intValue(), "the densest 20 % of 64, rounded");
        assertEquals("PCA, 2 components", g.getAttribute("lens"));
        assertEquals("variance-normalised Euclidean", g.getAttribute("metric"));
        assertEquals(1, ((Number) g.getAttribute("epoch")).intValue(), "the last checkpoint, after one epoch");
        int components = ((Number) g.getAttribute("components")).intValue();
        int cycleRank = ((Number) g.getAttribute("cycle_rank")).intValue();
        int betti1 = ((Number) g.getAttribute("betti_1")).intValue();
        assertTrue(components >= 1 && components <= nodes, "components " + components);
        assertEquals(g.getEdgeCount() - nodes + components, cycleRank);
        assertTrue(betti1 >= 0 && betti1 <= cycleRank, "betti_1 " + betti1 + ", cycle rank " + cycleRank);
        for (String col : new String[]{"size", "members", "orientation", "orientation_coherence", "mean_filter", "lens_1", "lens_2"}) {
            assertNotNull(gm.getNodeTable().getColumn(col), col);
        }
        java.util.Set<String> members = new java.util.HashSet<>();
        for (org.gephi.graph.api.Node n : g.getNodes()) {
            String m = n.getAttribute("members").toString();
            assertEquals(((Number) n.getAttribute("size")).intValue(), m.split(" ").length, m);
            for (String id : m.split(" ")) {
                assertTrue(id.matches("run0/f([0-9]|[1-5][0-9]|6[0-3])"), id);
                members.add(id);
            }
            double o = ((Number) n.getAttribute("orientation")).doubleValue();
            assertTrue(Double.isNaN(o) || (o >= 0 && o < 180), "orientation " + o + " (NaN: no dominant orientation)");
        }
        assertEquals(13, members.size(), "every kept filter lies in a node");
        assertNotNull(r.trainedRun, "trained first");
        assertEquals(MapperKind.ID, GraphRequest.load(org.openide.util.NbPreferences.forModule(NeuralNetworkGenerator.class)).kind);
        assertTrue(r.title(1).startsWith("mapper pca-2 10x10 epoch 1 (test acc "), r.title(1));
    }

    @Test
    void mapperOfAnOpenedModelZipWithTheOtherFields(@TempDir Path tmp) throws IOException {
        Path zip = tmp.resolve("cnn-mapper.zip");
        ModelSerializer.writeModel(ModelFactory.build(ModelSpec.preset("cnn-mapper")), zip.toFile(), false);
        GraphRequest r = new GraphRequest();
        r.model = zip.toString();
        r.kind = MapperKind.ID;
        r.set("lens", "neighbourhood").set("metric", "euclidean").set("intervals", 4).set("overlap", 0.3).set("k", 3).set("percent", 50.0);
        org.neuralgraph.core.graph.NeuralGraph g = r.build(org.neuralgraph.core.progress.ProgressMonitor.NONE);
        assertNull(r.trainedRun, "a zip is opened, not trained");
        assertTrue(g.graphAttributes().get("lens").toString().startsWith("neighbourhood"), g.graphAttributes().toString());
        assertEquals("Euclidean", g.graphAttributes().get("metric"));
        assertEquals(4, ((Number) g.graphAttributes().get("intervals")).intValue());
        assertEquals(0.3, ((Number) g.graphAttributes().get("overlap")).doubleValue(), 1e-12);
        assertEquals(3, ((Number) g.graphAttributes().get("density_k")).intValue());
        assertEquals(32, ((Number) g.graphAttributes().get("points")).intValue(), "50 % of 64");
        assertTrue(r.title(0).startsWith("mapper neighbourhood 4x4 cnn-mapper.zip"), r.title(0));

        r.set("lens", "density");
        assertEquals("density 1/rho_k, k = 3", r.build(org.neuralgraph.core.progress.ProgressMonitor.NONE).graphAttributes().get("lens"));
        assertEquals("mapper density 4", r.title(0).substring(0, "mapper density 4".length()));

        Path mlp = tmp.resolve("mlp.zip");
        ModelSerializer.writeModel(ModelFactory.build(ModelSpec.preset("mlp-seed000")), mlp.toFile(), false);
        r.model = mlp.toString();
        IllegalArgumentException e = refused(r);
        assertTrue(e.getMessage().startsWith("Mapper: ") && e.getMessage().contains("has no convolution layer"), e.getMessage());
    }

    @Test
    void mapperSaysWhatIsWrongBeforeTraining() {
        GraphRequest lenet = new GraphRequest();
        lenet.model = "lenet";
        lenet.kind = MapperKind.ID;
        lenet.epochs = 1;
        IllegalArgumentException e = refused(lenet);
        assertTrue(e.getMessage().startsWith("Mapper: lenet's first convolution layer has 6 filters") && e.getMessage().contains("k = 5, n = 1"), e.getMessage());
        assertNull(lenet.trainedRun, "refused before training");

        GraphRequest mlp = new GraphRequest();
        mlp.kind = MapperKind.ID;
        e = refused(mlp);
        assertTrue(e.getMessage().startsWith("Mapper: ") && e.getMessage().contains("0 convolution layers"), e.getMessage());

        GraphRequest bigK = new GraphRequest();
        bigK.model = "cnn-mapper";
        bigK.kind = MapperKind.ID;
        bigK.set("k", 64);
        e = refused(bigK);
        assertTrue(e.getMessage().startsWith("Mapper: ") && e.getMessage().contains("k = 64, n = 64"), e.getMessage());

        GraphRequest overlap = new GraphRequest();
        overlap.model = "cnn-mapper";
        overlap.kind = MapperKind.ID;
        overlap.set("overlap", 1.0);
        e = refused(overlap);
        assertTrue(e.getMessage().contains("Overlap of neighbouring intervals: must be in [0, 1)"), e.getMessage());
        assertNull(overlap.trainedRun);
    }

    @Test
    void weightGraphOfAnOnnxFile() {
        NeuralNetworkGenerator gen = new NeuralNetworkGenerator();
        GraphRequest r = new GraphRequest();
        r.model = java.nio.file.Paths.get("../modules/dl4j/src/test/resources/onnx/mlp.onnx").toAbsolutePath().toString();
        gen.setRequest(r);
        Container c = new ImportContainerImpl();
        gen.generate(c.getLoader());
        assertTrue(c.verify());
        assertEquals(784 + 50 + 50 + 50 + 10, c.getUnloader().getNodeCount(), "784-50-50-50-10 from the ONNX initializers");

    }

    /** PyTorch's own exports (make_torch_onnx.py) and Keras .h5 files run as DL4J models do: the kinds that run the network accept them. */
    @Test
    void graphKindsThatRunTheNetworkOnPyTorchFiles() throws IOException {
        java.nio.file.Path dir = java.nio.file.Paths.get("../modules/dl4j/src/test/resources/onnx").toAbsolutePath();
        GraphRequest act = new GraphRequest();
        act.model = dir.resolve("torch_mlp.onnx").toString();
        act.kind = ActivationPatternKind.ID;
        act.set("neurons-per-class", 5);
        assertTrue(act.build(org.neuralgraph.core.progress.ProgressMonitor.NONE).nodeCount() > 0);
        assertTrue(act.job.workspaceData(org.neuralgraph.core.progress.ProgressMonitor.NONE).get(0) instanceof org.neuralgraph.gephi.RecordedActivations);

        GraphRequest fm = new GraphRequest();
        fm.model = dir.resolve("torch_lenet.onnx").toString();
        fm.kind = FeatureMapKind.ID;
        fm.set("layer", 2);
        assertTrue(fm.build(org.neuralgraph.core.progress.ProgressMonitor.NONE).nodeCount() > 0);

        GraphRequest neurons = new GraphRequest();
        neurons.model = dir.resolve("torch_nf7.onnx").toString();
        neurons.kind = ContributionKind.ID;
        assertTrue(neurons.build(org.neuralgraph.core.progress.ProgressMonitor.NONE).nodeCount() > 81);

        GraphRequest classes = new GraphRequest();            // activation maximisation through the converted softmax output
        classes.model = neurons.model;
        classes.kind = NeuronClassKind.ID;
        assertEquals(12 + 10, classes.build(org.neuralgraph.core.progress.ProgressMonitor.NONE).nodeCount(), "12 head neurons, 10 classes");

        GraphRequest keras = new GraphRequest();
        keras.model = dir.resolveSibling("keras").resolve("keras_cnn.h5").toString();
        keras.kind = FeatureMapKind.ID;
        assertTrue(keras.build(org.neuralgraph.core.progress.ProgressMonitor.NONE).nodeCount() > 0);

        GraphRequest wrongSize = new GraphRequest();
        wrongSize.model = dir.resolve("torch_nf7.onnx").toString();
        wrongSize.kind = FeatureMapKind.ID;
        Exception e = assertThrows(IOException.class, () -> wrongSize.build(org.neuralgraph.core.progress.ProgressMonitor.NONE));
        assertTrue(e.getMessage().contains("torch_nf7.onnx: the model reads 1x9x9 images"), e.getMessage());
    }

    /**
     * As Gephi's DesktopGeneratorController runs the generator it keeps (one instance, a new progress ticket each run,
     * the processor into a new workspace only when generate() returns): a cancel ends the run with no workspace, and
     * the next run of the same instance works (issue 27, items 1 and 2).
     */
    @Test
    void aCancelledRunLeavesNoWorkspaceAndTheNextRunWorks() {
        NeuralNetworkGenerator gen = new NeuralNetworkGenerator();
        GraphRequest r = new GraphRequest();
        r.epochs = 1;
        r.checkpoints = 2;
        gen.setRequest(r);
        ProjectController pc = Lookup.getDefault().lookup(ProjectController.class);
        int before = pc.getCurrentProject().getLookup().lookup(org.gephi.project.api.WorkspaceProvider.class).getWorkspaces().length;

        gen.setProgressTicket(null);
        gen.cancel();
        assertThrows(org.neuralgraph.core.progress.CancelledException.class, () -> gen.generate(new ImportContainerImpl().getLoader()),
                "generate() must not return: Gephi would build a workspace from the container");
        assertEquals(before, pc.getCurrentProject().getLookup().lookup(org.gephi.project.api.WorkspaceProvider.class).getWorkspaces().length);

        gen.setProgressTicket(null); // the next run
        Container c = new ImportContainerImpl();
        gen.generate(c.getLoader());
        assertEquals(944, c.getUnloader().getNodeCount(), "the run after a cancel builds the graph");
    }

    @Test
    void fileOpenRecognisesModelZipsByContent(@TempDir Path tmp) throws IOException {
        Path zip = tmp.resolve("model.zip");
        ModelSerializer.writeModel(ModelFactory.build(ModelSpec.preset("mlp-seed000")), zip.toFile(), false);
        ImportController ic = Lookup.getDefault().lookup(ImportController.class);
        Container c = ic.importFile(zip.toFile());
        assertNotNull(c, "our FileImporter takes the model zip");
        GraphModel gm = process(c);
        assertEquals(944, gm.getGraph().getNodeCount());

        Path other = tmp.resolve("photos.zip");
        try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(Files.newOutputStream(other))) {
            z.putNextEntry(new java.util.zip.ZipEntry("a.txt"));
        }
        assertFalse(new Dl4jModelImporterBuilder().isMatchingImporter(org.openide.filesystems.FileUtil.toFileObject(other.toFile())));
    }

    /**
     * What Gephi Desktop's File &gt; Open hands the importers for a DL4J zip: a copy of its first entry,
     * configuration.json, in a temporary folder; the zip the open dialog remembered (or another in its folder with the
     * same configuration) is found again, a configuration that matches no zip is not taken (issue 27 item 3).
     */
    @Test
    void fileOpenFindsTheZipBehindTheConfigurationGephiCopied(@TempDir Path tmp) throws IOException {
        Path models = Files.createDirectories(tmp.resolve("models"));
        Path zip = models.resolve("mlp.zip"), lenet = models.resolve("lenet.zip");
        ModelSerializer.writeModel(ModelFactory.build(ModelSpec.preset("mlp-seed000")), zip.toFile(), false);
        ModelSerializer.writeModel(ModelFactory.build(ModelSpec.preset("lenet")), lenet.toFile(), false);
        Path copy = Files.createDirectories(tmp.resolve("gephi-temp")).resolve("configuration.json");
        try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(zip.toFile())) {
            Files.copy(z.getInputStream(z.getEntry("configuration.json")), copy);
        }
        java.util.prefs.Preferences gephi = org.openide.util.NbPreferences.root().node("org/gephi/desktop/project");
        Dl4jModelImporterBuilder builder = new Dl4jModelImporterBuilder();
        org.openide.filesystems.FileObject given = org.openide.filesystems.FileUtil.toFileObject(copy.toFile());
        try {
            for (Path last : new Path[]{zip, lenet}) { // chosen alone, or the last of several chosen at once
                gephi.put("OpenFile_Last_Path", last.toString());
                assertTrue(builder.isMatchingImporter(given), "the copied configuration.json, last opened " + last.getFileName());
                ModelFileImporter importer = (ModelFileImporter) builder.buildImporter();
                Container c = new ImportContainerImpl();
                assertTrue(importer.execute(c.getLoader()));
                assertEquals(944, c.getUnloader().getNodeCount(), "the weight graph of mlp.zip, whatever was opened last");
            }
            Files.delete(zip);
            assertFalse(builder.isMatchingImporter(given), "no zip holds this configuration: not ours to take");
        } finally {
            gephi.remove("OpenFile_Last_Path");
        }
    }

    /** File > Open of PyTorch's ONNX export of LeNet and of a Keras .h5: their weight graphs; a bad file is reported by name. */
    @Test
    void fileOpenTakesOnnxAndKerasFiles(@TempDir Path tmp) throws IOException {
        Path resources = java.nio.file.Paths.get("../modules/dl4j/src/test/resources").toAbsolutePath().normalize();
        ImportController ic = Lookup.getDefault().lookup(ImportController.class);
        Container lenet = ic.importFile(resources.resolve("onnx/torch_lenet.onnx").toFile());
        assertNotNull(lenet, "our FileImporter takes the .onnx");
        lenet.setSource("torch_lenet.onnx"); // as Gephi's File > Open does after the importer ran
        assertEquals(1 + 6 + 16 + 120 + 84 + 10, processed(lenet).getGraph().getNodeCount(), "channels and neurons of LeNet");
        try {
            java.awt.EventQueue.invokeAndWait(() -> { });
        } catch (InterruptedException | java.lang.reflect.InvocationTargetException e) {
            throw new AssertionError(e);
        }
        assertEquals("weights \u00b7 torch_lenet-onnx", Lookup.getDefault().lookup(ProjectController.class).getCurrentWorkspace().getName(),
                "named by kind and model, not cut at the file name's dot to 'torch_lenet'");
        Container cnn = ic.importFile(resources.resolve("keras/keras_cnn.h5").toFile());
        assertNotNull(cnn, "our FileImporter takes the .h5");
        assertEquals(1 + 4 + 3 + 10, cnn.getUnloader().getNodeCount());

        ModelFileImporter importer = (ModelFileImporter) new ForeignModelImporterBuilder().buildImporter();
        Path functional = resources.resolve("keras/keras_functional.h5");
        importer.setFile(functional.toFile());
        // a CRITICAL issue ends the import with its message, which Gephi shows
        RuntimeException e = assertThrows(RuntimeException.class, () -> importer.execute(new ImportContainerImpl().getLoader()));
        assertTrue(e.getMessage().contains("keras_functional.h5: a Keras functional-API model"), e.getMessage());
        assertFalse(new ForeignModelImporterBuilder().isMatchingImporter(org.openide.filesystems.FileUtil.toFileObject(
                Files.write(tmp.resolve("notes.txt"), new byte[]{1}).toFile())));
    }

    /** Gephi's import settings for a model file offer the registry's graph kinds with their parameters: here LeNet's feature-map graph. */
    @Test
    void fileOpenSettingsChooseTheGraphKind() {
        Path lenet = java.nio.file.Paths.get("../modules/dl4j/src/test/resources/onnx/torch_lenet.onnx").toAbsolutePath();
        ModelFileImporter importer = (ModelFileImporter) new ForeignModelImporterBuilder().buildImporter();
        importer.setFile(lenet.toFile());
        ModelFileImporterUI ui = new ModelFileImporterUI();
        assertTrue(ui.isUIForImporter(importer));
        javax.swing.JPanel panel = ui.getPanel();
        ui.setup(new org.gephi.io.importer.spi.Importer[]{importer});
        ui.kinds().setSelectedItem(GraphKinds.get(WeightGraphKind.ID).title());
        java.awt.Dimension weights = panel.getPreferredSize();
        ui.kinds().setSelectedItem(GraphKinds.get(FeatureMapKind.ID).title());
        java.awt.Dimension featureMap = panel.getPreferredSize();
        assertTrue(featureMap.width <= ModelFileImporterUI.MAX_WIDTH, "compact: " + featureMap);
        assertEquals(featureMap.width, weights.width, "the dialog keeps its width from kind to kind");
        assertTrue(weights.height < featureMap.height / 2, "only as tall as the weight graph's one field: " + weights + " against " + featureMap);
        ((javax.swing.JSpinner) ui.form(FeatureMapKind.ID).field("layer")).setValue(1);
        ui.unsetup(true);
        assertEquals(FeatureMapKind.ID, importer.getKind());
        assertEquals(1, importer.getParameters().get("layer"));
        Container c = new ImportContainerImpl();
        assertTrue(importer.execute(c.getLoader()));
        assertTrue(c.verify());
        GraphModel gm = process(c);
        assertNotNull(gm.getNodeTable().getColumn("row"), "feature-map nodes sit on the pixel grid");
        assertEquals(Math.round(0.10 * 24 * 24), gm.getGraph().getNodeCount(), "10 % of the 24x24 map of the first convolution");
        ui.setup(new org.gephi.io.importer.spi.Importer[]{importer});
        assertEquals(GraphKinds.get(FeatureMapKind.ID).title(), ui.kinds().getSelectedItem(), "the choice is remembered");
        ui.kinds().setSelectedItem(GraphKinds.get(WeightGraphKind.ID).title());
        ui.unsetup(true);
    }

    @Test
    void panelRefusesBadFieldsByName() {
        GeneratorPanel p = new GeneratorPanel();
        GraphRequest r = new GraphRequest();
        r.set("sparsify", "top-k:0");
        p.show(r);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, p::read);
        assertTrue(e.getMessage().contains("top-k"), e.getMessage());

        GraphRequest m = new GraphRequest();
        m.kind = MapperKind.ID;
        m.set("lens", "density").set("metric", "euclidean").set("intervals", 7).set("overlap", 0.25).set("k", 4).set("percent", 30.0);
        p.show(m);
        GraphRequest back = p.read();
        assertEquals(MapperKind.ID, back.kind);
        org.neuralgraph.pipeline.kind.ParameterValues v = back.values();
        assertEquals("density", v.text("lens"));
        assertEquals("euclidean", v.text("metric"));
        assertEquals(7, v.integer("intervals"));
        assertEquals(0.25, v.decimal("overlap"), 0);
        assertEquals(4, v.integer("k"));
        assertEquals(30, v.decimal("percent"), 0);
        java.util.prefs.Preferences prefs = java.util.prefs.Preferences.userRoot().node("neuralgraph-importer-test-" + System.nanoTime());
        try {
            back.save(prefs);
            org.neuralgraph.pipeline.kind.ParameterValues loaded = GraphRequest.load(prefs).values();
            assertEquals("density", loaded.text("lens"));
            assertEquals("euclidean", loaded.text("metric"));
            assertEquals(7, loaded.integer("intervals"));
            assertEquals(0.25, loaded.decimal("overlap"), 0);
            assertEquals(4, loaded.integer("k"));
            assertEquals(30, loaded.decimal("percent"), 0);
        } finally {
            try { prefs.removeNode(); } catch (java.util.prefs.BackingStoreException ignored) { }
        }
        GraphRequest defaults = new GraphRequest();
        defaults.kind = MapperKind.ID;
        org.neuralgraph.pipeline.kind.ParameterValues d = defaults.values();
        assertEquals("pca-2", d.text("lens"));
        assertEquals("variance-normalised", d.text("metric"));
        assertEquals(10, d.integer("intervals"));
        assertEquals(0.5, d.decimal("overlap"), 0);
        assertEquals(5, d.integer("k"));
        assertEquals(20, d.decimal("percent"), 0);

        m.set("percent", 0.0);
        p.show(m);
        e = assertThrows(IllegalArgumentException.class, p::read);
        assertTrue(e.getMessage().contains("Percent of filters kept: must be in (0, 100]"), e.getMessage());
        assertTrue(p.getPreferredSize().height < 768, "the dialog fits a 1366 x 768 screen: " + p.getPreferredSize());

        GraphRequest preset = new GraphRequest();   // a model left at the kind's default follows the kind
        p.show(preset);
        assertEquals("mlp-seed000", p.read().model);
        p.show(preset);
        javax.swing.JComboBox<?> kinds = (javax.swing.JComboBox<?>) java.util.Arrays.stream(p.getComponents())
                .filter(c -> c instanceof javax.swing.JComboBox && ((javax.swing.JComboBox<?>) c).getItemCount() == GraphKinds.all().size())
                .findFirst().orElseThrow();
        kinds.setSelectedItem(GraphKinds.get(MapperKind.ID).title());
        assertEquals("cnn-mapper", p.read().model);

        GraphRequest remembered = new GraphRequest();   // a remembered model is shown as it was, whatever the kind's default
        remembered.kind = ActivationPatternKind.ID;
        remembered.set("neurons-per-class", 10);
        p.show(remembered);
        assertEquals("mlp-seed000", p.read().model, "not replaced by the activation pattern graph's default mlp-512");
        kinds.setSelectedItem(GraphKinds.get(WeightGraphKind.ID).title());
        kinds.setSelectedItem(GraphKinds.get(ActivationPatternKind.ID).title());
        assertEquals("mlp-512", p.read().model, "a model at the weight graph's default follows the kind");
    }

    /** A kind added to the registry (one class, ToyRingKind in the pipeline's tests) appears in the generator with its parameter. */
    @Test
    void aKindAddedToTheRegistryAppearsInTheGenerator() {
        GeneratorPanel p = new GeneratorPanel();
        assertTrue(p.form(org.neuralgraph.pipeline.ToyRingKind.ID).field("hops") instanceof javax.swing.JSpinner);
        GraphRequest r = new GraphRequest();
        r.model = java.nio.file.Paths.get("../modules/dl4j/src/test/resources/onnx/mlp.onnx").toAbsolutePath().toString();
        r.kind = org.neuralgraph.pipeline.ToyRingKind.ID;
        r.set("hops", 2);
        p.show(r);
        GraphRequest back = p.read();
        assertEquals(2, back.values().integer("hops"));
        NeuralNetworkGenerator gen = new NeuralNetworkGenerator();
        gen.setRequest(back);
        Container c = new ImportContainerImpl();
        gen.generate(c.getLoader());
        assertTrue(c.verify());
        assertEquals(7, c.getUnloader().getNodeCount());
        assertEquals("toy ring 2 mlp.onnx", back.title(0));
    }

    /** The request is refused with an IllegalArgumentException, before or after training. */
    private static IllegalArgumentException refused(GraphRequest r) {
        return assertThrows(IllegalArgumentException.class, () -> r.build(org.neuralgraph.core.progress.ProgressMonitor.NONE));
    }
}
