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
        assertEquals("Neural network graph", gen.getName());
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
        assertTrue(java.util.Arrays.stream(all).anyMatch(w -> w.getName().startsWith("weights epoch 1 (test acc ")),
                java.util.Arrays.toString(java.util.Arrays.stream(all).map(Workspace::getName).toArray()));
        assertEquals(944, c.getUnloader().getNodeCount());
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
        r.kind = GraphRequest.Kind.ACTIVATIONS;
        r.epochs = 1;
        r.checkpoints = 2;
        r.layer = 2;
        r.neuronsPerClass = 10;
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
        r.kind = GraphRequest.Kind.LINE_GRAPH;
        r.epochs = 1;
        r.weightsPerLayer = 30;
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
        bad.kind = GraphRequest.Kind.LINE_GRAPH;
        bad.weightsPerLayer = 0;
        assertThrows(IllegalArgumentException.class, () -> bad.build(org.neuralgraph.core.progress.ProgressMonitor.NONE));
    }

    @Test
    void featureMapGraphOfALeNetClass() {
        NeuralNetworkGenerator gen = new NeuralNetworkGenerator();
        GraphRequest r = new GraphRequest();
        r.model = "lenet";
        r.kind = GraphRequest.Kind.FEATURE_MAP;
        r.epochs = 1;
        r.mapClass = 3;
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
        mlp.kind = GraphRequest.Kind.FEATURE_MAP;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> mlp.build(org.neuralgraph.core.progress.ProgressMonitor.NONE));
        assertTrue(e.getMessage().contains("0 convolution layers"), e.getMessage());
    }

    @Test
    void netFragmentGraphsOfAShippedTrainedModel() {
        NeuralNetworkGenerator gen = new NeuralNetworkGenerator();
        GraphRequest r = new GraphRequest();
        r.model = "nf-11";
        r.kind = GraphRequest.Kind.NEURON_CLASS;
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
        contribution.kind = GraphRequest.Kind.CONTRIBUTION;
        contribution.digit = 1;
        gen.setRequest(contribution);
        Container c2 = new ImportContainerImpl();
        gen.generate(c2.getLoader());
        assertTrue(c2.verify());
        assertEquals(81 + 2 + 12 + 10, c2.getUnloader().getNodeCount(), "pixels, model 11's two line channels, the head, the classes");

        GraphRequest mnist = new GraphRequest();
        mnist.kind = GraphRequest.Kind.NEURON_CLASS;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> mnist.build(org.neuralgraph.core.progress.ProgressMonitor.NONE));
        assertTrue(e.getMessage().contains("not seed 003's 9x9 digits"), e.getMessage());
    }

    @Test
    void cancelledGeneratorLeavesAnEmptyContainer() {
        NeuralNetworkGenerator gen = new NeuralNetworkGenerator();
        GraphRequest r = new GraphRequest();
        r.epochs = 1;
        gen.setRequest(r);
        gen.cancel();
        Container c = new ImportContainerImpl();
        gen.generate(c.getLoader());
        assertEquals(0, c.getUnloader().getNodeCount());
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

    @Test
    void panelRefusesBadFieldsByName() {
        GeneratorPanel p = new GeneratorPanel();
        GraphRequest r = new GraphRequest();
        r.sparsification = "top-k:0";
        p.show(r);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, p::read);
        assertTrue(e.getMessage().contains("top-k"), e.getMessage());
    }
}
