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
        WeightGraphRequest r = new WeightGraphRequest();
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
        assertEquals(1, WeightGraphRequest.load(org.openide.util.NbPreferences.forModule(NeuralNetworkGenerator.class)).epochs,
                "settings are remembered");
    }

    @Test
    void otherCheckpointsGetWorkspacesOfTheirOwn() {
        NeuralNetworkGenerator gen = new NeuralNetworkGenerator();
        WeightGraphRequest r = new WeightGraphRequest();
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

    @Test
    void cancelledGeneratorLeavesAnEmptyContainer() {
        NeuralNetworkGenerator gen = new NeuralNetworkGenerator();
        WeightGraphRequest r = new WeightGraphRequest();
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
        WeightGraphRequest r = new WeightGraphRequest();
        r.sparsification = "top-k:0";
        p.show(r);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, p::read);
        assertTrue(e.getMessage().contains("top-k"), e.getMessage());
    }
}
