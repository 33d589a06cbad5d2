package org.neuralgraph.gephi;

import org.gephi.graph.api.GraphModel;
import org.gephi.project.api.Workspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neuralgraph.core.graph.Drawing;
import org.neuralgraph.core.graph.NeuralGraph;
import org.neuralgraph.core.graph.Names;
import org.neuralgraph.core.graph.PieSlices;
import org.neuralgraph.core.progress.ProgressMonitor;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** A workspace's cover column as pies in its drawing: classes as colours, belonging coefficients as shares. */
class NodePiesTest {

    @BeforeEach
    void freshProject() {
        GephiBridgeTest.pc().closeCurrentProject();
        GephiBridgeTest.pc().newProject();
    }

    /** Four neurons as an activation pattern graph has them: one in classes 3 and 7, the others in one class each. */
    static Workspace fourNeurons() {
        NeuralGraph.Builder b = new NeuralGraph.Builder(false);
        for (int i = 0; i < 4; i++) b.addNode("N" + i, "neuron " + i);
        b.addEdge(0, 1, 3);
        b.addEdge(0, 2, 1);
        b.addEdge(1, 2, 1);
        b.addEdge(2, 3, 1);
        NeuralGraph g = b.nodeColumn(Names.CLASSES, NeuralGraph.Column.ofStrings("Classes represented (cover)", new String[]{"3|7", "3", "7", "9"})).build();
        return WorkspaceImporter.importGraph(g, "pies", ProgressMonitor.NONE);
    }

    @Test
    void aCoverColumnGivesEqualSharesAndClassColoursByClassNumber() {
        GraphModel gm = GephiBridgeTest.model(fourNeurons());
        Drawing d = WorkspaceDrawing.of(gm, "pies", 0, Names.CLASSES);
        PieSlices p = d.pie(0);
        assertEquals(2, p.size());
        assertEquals(3, p.community(0));
        assertEquals(7, p.community(1));
        assertEquals(180.0, p.extent(0));
        assertEquals(1, d.pie(3).size());
        assertEquals(9, d.pie(3).community(0));
        assertEquals(GraphStyle.PALETTE[3], d.communityRgb.get(3));
        assertEquals(GraphStyle.PALETTE[7], d.communityRgb.get(7));
        List<String> labels = new ArrayList<>();
        for (Drawing.Entry e : d.legend) labels.add(e.label);
        assertEquals(List.of("class 3 (2)", "class 7 (2)", "class 9 (1)"), labels);
        // without a pie column the drawing is as before
        assertNull(WorkspaceDrawing.of(gm, "plain", 0).pie(0));
    }

    @Test
    void theBelongingColumnOfOverlappingModularityGivesTheShares() {
        GraphModel gm = GephiBridgeTest.model(fourNeurons());
        CommunityQuality q = new CommunityQuality();
        q.setCoverColumn(Names.CLASSES);
        q.execute(gm);
        assertNull(q.getError());
        // neuron 0 has weight 3 into class 3 (neuron 1) and 1 into class 7 (neuron 2): alpha = 0.75, 0.25 (Eq. 4)
        assertEquals("3:0.7500|7:0.2500", gm.getGraph().getNode("N0").getAttribute(Names.BELONGING));
        Drawing d = WorkspaceDrawing.of(gm, "pies", 0, Names.CLASSES);
        assertEquals(270.0, d.pie(0).extent(0), 1e-9);
        assertEquals(90.0, d.pie(0).extent(1), 1e-9);
        Drawing b = WorkspaceDrawing.of(gm, "pies", 0, Names.BELONGING);
        assertEquals(270.0, b.pie(0).extent(0), 1e-9);
    }

    @Test
    void belongingOfAnotherCoverIsNotUsed() {
        GraphModel gm = GephiBridgeTest.model(fourNeurons());
        gm.getNodeTable().addColumn(Names.BELONGING, String.class);
        gm.getGraph().getNode("N0").setAttribute(Names.BELONGING, "0:0.9|1:0.1");
        assertEquals(180.0, WorkspaceDrawing.of(gm, "pies", 0, Names.CLASSES).pie(0).extent(0));
    }

    @Test
    void aNegativeCoefficientIsRefusedNamingTheNode() {
        GraphModel gm = GephiBridgeTest.model(fourNeurons());
        gm.getNodeTable().addColumn("shares", String.class);
        gm.getGraph().getNode("N2").setAttribute("shares", "1:-0.5|2:1.5");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WorkspaceDrawing.of(gm, "pies", 0, "shares"));
        assertTrue(e.getMessage().contains("node N2") && e.getMessage().contains("-0.5"), e.getMessage());
    }

    @Test
    void labelsAndCoefficientsAreRead() {
        assertEquals("{3=null, 7=null}", NodePies.parse("3|7").toString());
        assertEquals("{3=0.75, 7=0.25}", NodePies.parse("3:0.75| 7:0.25").toString());
        assertEquals("{4=null}", NodePies.parse(4).toString());
        assertEquals("{}", NodePies.parse(null).toString());
        assertEquals("{a:b=null}", NodePies.parse("a:b").toString());
    }
}
