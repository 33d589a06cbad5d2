package org.neuralgraph.metrics;

import org.gephi.graph.api.Column;
import org.gephi.graph.api.GraphController;
import org.gephi.graph.api.GraphModel;
import org.gephi.graph.api.Node;
import org.gephi.project.api.ProjectController;
import org.gephi.statistics.spi.StatisticsBuilder;
import org.gephi.statistics.spi.StatisticsUI;
import org.junit.jupiter.api.Test;
import org.neuralgraph.core.graph.Names;
import org.neuralgraph.gephi.CommunityQuality;
import org.neuralgraph.gephi.DynamicOverlappingModularity;
import org.neuralgraph.gephi.DynamicSmallWorld;
import org.neuralgraph.gephi.ModularityOverResolutions;
import org.openide.util.Lookup;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The Statistics panel registrations are found by Gephi's Lookup, and the settings reach the statistic. */
class MetricsPluginTest {

    @Test
    void registeredWithGephi() {
        assertTrue(Lookup.getDefault().lookupAll(StatisticsBuilder.class).stream().anyMatch(b -> b instanceof ModularityOverResolutionsBuilder));
        assertTrue(Lookup.getDefault().lookupAll(StatisticsUI.class).stream().anyMatch(u -> u instanceof ModularityOverResolutionsUI));
    }

    @Test
    void everyStatisticIsRegistered() {
        for (Class<?> ui : new Class<?>[]{CommunityQualityUI.class, SmallWorldUI.class, ActivationEntropyUI.class, EffectiveCouplingUI.class, CapacitanceRankingUI.class,
                DynamicSmallWorldUI.class, DynamicEffectiveCouplingUI.class, DynamicOverlappingModularityUI.class, DynamicCommunityTrackingUI.class, LeidenModularityUI.class}) {
            assertTrue(Lookup.getDefault().lookupAll(StatisticsUI.class).stream().anyMatch(ui::isInstance), ui.getName());
        }
        for (Class<?> b : new Class<?>[]{CommunityQualityUI.Builder.class, SmallWorldUI.Builder.class, ActivationEntropyUI.Builder.class, EffectiveCouplingUI.Builder.class, CapacitanceRankingUI.Builder.class,
                DynamicSmallWorldUI.Builder.class, DynamicEffectiveCouplingUI.Builder.class, DynamicOverlappingModularityUI.Builder.class, DynamicCommunityTrackingUI.Builder.class, LeidenModularityUI.Builder.class}) {
            assertTrue(Lookup.getDefault().lookupAll(StatisticsBuilder.class).stream().anyMatch(b::isInstance), b.getName());
        }
    }

    @Test
    void communityQualitySettingsReachTheStatistic() {
        CommunityQualityUI ui = new CommunityQualityUI();
        org.neuralgraph.gephi.CommunityQuality stat = (org.neuralgraph.gephi.CommunityQuality) new CommunityQualityUI.Builder().getStatistics();
        SettingsPanel panel = (SettingsPanel) ui.getSettingsPanel();
        ui.setup(stat);
        panel.set("Cover column", "classes");
        panel.set("Seed", 7);
        ui.unsetup();
        assertEquals("classes", stat.getCoverColumn());
        assertEquals(7, stat.getSeed());
        SmallWorldUI sw = new SmallWorldUI();
        SettingsPanel p2 = (SettingsPanel) sw.getSettingsPanel();
        sw.setup(new SmallWorldUI.Builder().getStatistics());
        p2.set("nrand (references)", "x");
        assertThrows(IllegalArgumentException.class, sw::unsetup);
    }

    @Test
    void leidenSettingsReachTheStatistic() {
        LeidenModularityUI ui = new LeidenModularityUI();
        org.neuralgraph.gephi.LeidenModularity stat = (org.neuralgraph.gephi.LeidenModularity) new LeidenModularityUI.Builder().getStatistics();
        SettingsPanel panel = (SettingsPanel) ui.getSettingsPanel();
        ui.setup(stat);
        assertEquals(List.of(LeidenModularityUI.GEPHI, LeidenModularityUI.NETWORKX), panel.offered("Convention"));
        panel.set("Resolution", "2");
        panel.set("Convention", LeidenModularityUI.NETWORKX);
        panel.set("Seed", 11);
        panel.set("Column", "leiden_class");
        ui.unsetup();
        assertEquals(2.0, stat.getResolution(), 0);
        assertEquals(org.neuralgraph.core.stats.PartitionModularity.Convention.REICHARDT_BORNHOLDT, stat.getConvention());
        assertEquals(11, stat.getSeed());
        assertEquals("leiden_class", stat.getColumn());
        LeidenModularityUI bad = new LeidenModularityUI();
        SettingsPanel p2 = (SettingsPanel) bad.getSettingsPanel();
        bad.setup(stat);
        p2.set("Resolution", "0");
        assertThrows(IllegalArgumentException.class, bad::unsetup);
    }

    /** A workspace of four nodes with the given node columns (id, type, values), as the Data Laboratory holds them. */
    private static GraphModel workspace(Object[]... columns) {
        ProjectController pc = Lookup.getDefault().lookup(ProjectController.class);
        pc.closeCurrentProject();
        pc.newProject();
        GraphModel gm = Lookup.getDefault().lookup(GraphController.class).getGraphModel();
        for (int i = 0; i < 4; i++) gm.getDirectedGraph().addNode(gm.factory().newNode("n" + i));
        for (Object[] c : columns) {
            Column col = gm.getNodeTable().addColumn((String) c[0], (String) c[1], (Class<?>) c[2], null);
            Node[] nodes = gm.getGraph().getNodes().toArray();
            for (int i = 0; i < nodes.length; i++) nodes[i].setAttribute(col, ((Object[]) c[3])[i]);
        }
        return gm;
    }

    /** The cover column the settings show for the current workspace; {@code offered} receives the ones they list. */
    private static String coverSettings(String statisticsDefault, List<String> offered) {
        CommunityQualityUI ui = new CommunityQualityUI();
        CommunityQuality stat = (CommunityQuality) new CommunityQualityUI.Builder().getStatistics();
        stat.setCoverColumn(statisticsDefault);
        SettingsPanel panel = (SettingsPanel) ui.getSettingsPanel();
        ui.setup(stat);
        offered.addAll(panel.offered("Cover column"));
        String shown = panel.text("Cover column");
        ui.unsetup();
        assertEquals(shown, stat.getCoverColumn(), "what the settings show is what runs");
        return shown;
    }

    @Test
    void coverColumnIsOneTheWorkspaceHas() {
        workspace(new Object[]{"classes", "Classes represented (cover)", String.class, new String[]{"1|2", "2", "3", "1|3"}},
                new Object[]{"neuron", "Neuron index", Integer.class, new Integer[]{0, 1, 2, 3}},
                new Object[]{"layer_name", "Layer name", String.class, new String[]{"dense", "dense", "dense", "dense"}});
        List<String> offered = new ArrayList<>();
        assertEquals("classes", coverSettings(Names.MODULARITY_CLASS, offered), "an activation pattern graph's cover, not the absent modularity_class");
        assertEquals(List.of("classes", "neuron"), offered, "covers first, then integer partitions; a plain string column is no cover");
        assertEquals("", coverSettings("", new ArrayList<>()), "empty still means COPRA");

        // as the generator opens an activation pattern graph: its first view coloured by a Louvain modularity_class
        workspace(new Object[]{"classes", "Classes represented (cover)", String.class, new String[]{"1|2", "2", "3", "1|3"}},
                new Object[]{Names.MODULARITY_CLASS, "Modularity Class", Integer.class, new Integer[]{0, 0, 1, 1}});
        assertEquals("classes", coverSettings(Names.MODULARITY_CLASS, new ArrayList<>()), "the paper's cover, not the first view's partition");

        workspace(new Object[]{Names.MODULARITY_CLASS, "Modularity Class", Integer.class, new Integer[]{0, 0, 1, 1}},
                new Object[]{"0", "cover", String.class, new String[]{"a", "a|b", "b", "b"}},
                new Object[]{"layer", "Layer", Integer.class, new Integer[]{0, 1, 1, 2}});
        offered.clear();
        assertEquals(Names.MODULARITY_CLASS, coverSettings(Names.MODULARITY_CLASS, offered));
        assertEquals(List.of(Names.MODULARITY_CLASS, "cover", "layer"), offered, "networkx's numbered column by its title");
        assertEquals("Cover", coverSettings("Cover", new ArrayList<>()), "a column found by its title in any case stays");

        workspace(new Object[]{"layer", "Layer", Integer.class, new Integer[]{0, 1, 1, 2}});
        assertEquals("", coverSettings(Names.MODULARITY_CLASS, new ArrayList<>()), "no cover column: detect one by COPRA, not a layer index");

        DynamicOverlappingModularityUI dyn = new DynamicOverlappingModularityUI();
        DynamicOverlappingModularity mod = (DynamicOverlappingModularity) new DynamicOverlappingModularityUI.Builder().getStatistics();
        workspace(new Object[]{"classes", "Classes", String.class, new String[]{"1|2", "2", "3", "1|3"}});
        SettingsPanel p = (SettingsPanel) dyn.getSettingsPanel();
        dyn.setup(mod);
        assertEquals("classes", p.text("Cover column"));
        dyn.unsetup();
        assertEquals("classes", mod.getCoverColumn());
    }

    /** A ring lattice of 30 nodes, each linked to its 4 nearest, weights 1: small, but with communities and triangles. */
    private static GraphModel ring() {
        GraphModel gm = workspace(new Object[]{Names.MODULARITY_CLASS, "Modularity Class", Integer.class, new Integer[]{0, 0, 1, 1}});
        org.gephi.graph.api.Graph g = gm.getUndirectedGraph();
        for (int i = 4; i < 30; i++) g.addNode(gm.factory().newNode("n" + i));
        for (int i = 0; i < 30; i++) {
            for (int d = 1; d <= 2; d++) g.addEdge(gm.factory().newEdge(g.getNode("n" + i), g.getNode("n" + (i + d) % 30), false));
        }
        return gm;
    }

    /** How wide a row of the Statistics panel is, as far as its name and value go: two labels and the gap between. */
    private static int rowWidth(String name, String value) {
        return new javax.swing.JLabel(name).getPreferredSize().width + (value.isEmpty() ? 0 : 5 + new javax.swing.JLabel(value).getPreferredSize().width);
    }

    /**
     * After a run the Statistics panel shows each entry's value beside its name, and the panel is as wide as its widest
     * row. "Small-world coefficients sigma 1.23, omega -0.41" made it wider than its space and pushed the Run buttons out
     * of view; no row of ours may be wider than Gephi's widest, "Avg. Clustering Coefficient 0.618".
     */
    @Test
    void rowsBesideTheRunButtonsAreNoWiderThanGephisOwn() {
        int gephis = rowWidth("Avg. Clustering Coefficient", "0.618");
        GraphModel gm = ring();
        SmallWorldUI sw = new SmallWorldUI();
        org.neuralgraph.gephi.SmallWorldCoefficients small = (org.neuralgraph.gephi.SmallWorldCoefficients) new SmallWorldUI.Builder().getStatistics();
        small.getParameters().setNrand(2);
        small.getParameters().setNiter(2);
        sw.setup(small);
        small.execute(gm);
        assertTrue(sw.getValue().matches("\u03c3 -?\\d+\\.\\d\\d"), sw.getValue());

        ModularityOverResolutionsUI mo = new ModularityOverResolutionsUI();
        ModularityOverResolutions sweep = (ModularityOverResolutions) new ModularityOverResolutionsBuilder().getStatistics();
        mo.setup(sweep);
        sweep.execute(gm);
        assertTrue(mo.getValue().matches("0\\.\\d\\d"), "the modularity kept in modularity_class, as Gephi's Modularity: " + mo.getValue());

        CommunityQualityUI cq = new CommunityQualityUI();
        CommunityQuality quality = (CommunityQuality) new CommunityQualityUI.Builder().getStatistics();
        cq.setup(quality);
        quality.execute(gm);
        EffectiveCouplingUI ec = new EffectiveCouplingUI();
        org.neuralgraph.gephi.EffectiveCouplingStatistic beta = (org.neuralgraph.gephi.EffectiveCouplingStatistic) new EffectiveCouplingUI.Builder().getStatistics();
        ec.setup(beta);
        beta.execute(gm);
        for (StatisticsUI ui : new StatisticsUI[]{sw, mo, cq, ec}) {
            assertFalse(ui.getValue().isEmpty(), ui.getDisplayName());
            assertTrue(rowWidth(ui.getDisplayName(), ui.getValue()) <= gephis + 2, ui.getDisplayName() + " " + ui.getValue() + ": "
                    + rowWidth(ui.getDisplayName(), ui.getValue()) + " px against Gephi's " + gephis);
        }
        // the others at their widest values: a Spearman rho, an entropy summed over hundreds of neurons
        String[][] widest = {{new CapacitanceRankingUI().getDisplayName(), "-0.83"}, {new ActivationEntropyUI().getDisplayName(), "1536"},
                {new ActivationEntropyUI().getDisplayName(), "12.35"}, {new EffectiveCouplingUI().getDisplayName(), "0.01235"}};
        for (String[] row : widest) assertTrue(rowWidth(row[0], row[1]) <= gephis + 2, row[0] + " " + row[1]);
        for (StatisticsUI ui : new StatisticsUI[]{new DynamicSmallWorldUI(), new DynamicEffectiveCouplingUI(), new DynamicOverlappingModularityUI(), new DynamicCommunityTrackingUI()}) {
            assertEquals("", ui.getValue(), "nothing beside a statistic over time, as Gephi's own");
            assertTrue(rowWidth(ui.getDisplayName(), "") <= gephis, ui.getDisplayName());
        }
    }

    @Test
    void dynamicStatisticsAreInTheDynamicCategoryAndTakeTheirSettings() {
        for (StatisticsUI ui : new StatisticsUI[]{new DynamicSmallWorldUI(), new DynamicEffectiveCouplingUI(), new DynamicOverlappingModularityUI(), new DynamicCommunityTrackingUI()}) {
            assertEquals(StatisticsUI.CATEGORY_DYNAMIC, ui.getCategory(), ui.getDisplayName());
            assertTrue(org.gephi.statistics.spi.DynamicStatistics.class.isAssignableFrom(ui.getStatisticsClass()));
        }
        DynamicSmallWorldUI sw = new DynamicSmallWorldUI();
        DynamicSmallWorld small = (DynamicSmallWorld) new DynamicSmallWorldUI.Builder().getStatistics();
        SettingsPanel p = (SettingsPanel) sw.getSettingsPanel();
        sw.setup(small);
        assertEquals("42", p.text("Seed"));
        p.set("Seed", 9);
        p.set("nrand (references)", 3);
        sw.unsetup();
        assertEquals(9, small.getParameters().getSeed());
        assertEquals(3, small.getParameters().getNrand());

        DynamicOverlappingModularityUI mu = new DynamicOverlappingModularityUI();
        DynamicOverlappingModularity mod = (DynamicOverlappingModularity) new DynamicOverlappingModularityUI.Builder().getStatistics();
        SettingsPanel q = (SettingsPanel) mu.getSettingsPanel();
        mu.setup(mod);
        q.set("Cover column", "cover");
        mu.unsetup();
        assertEquals("cover", mod.getCoverColumn());
        mu.setup(mod);
        assertEquals("", mu.getValue(), "nothing to show before a run");

        DynamicCommunityTrackingUI tu = new DynamicCommunityTrackingUI();
        org.neuralgraph.gephi.DynamicCommunityTracking tracking =
                (org.neuralgraph.gephi.DynamicCommunityTracking) new DynamicCommunityTrackingUI.Builder().getStatistics();
        SettingsPanel r = (SettingsPanel) tu.getSettingsPanel();
        tu.setup(tracking);
        assertEquals("0.3", r.text(DynamicCommunityTrackingUI.THETA));
        r.set(DynamicCommunityTrackingUI.PARTITION, "cover");
        r.set(DynamicCommunityTrackingUI.THETA, "0.5");
        tu.unsetup();
        assertEquals("cover", tracking.getPartitionColumn());
        assertEquals(0.5, tracking.getTheta());
    }

    @Test
    void settingsPanelRoundTrip() {
        ModularityOverResolutionsUI ui = new ModularityOverResolutionsUI();
        ModularityOverResolutions stat = (ModularityOverResolutions) new ModularityOverResolutionsBuilder().getStatistics();
        ResolutionsPanel panel = (ResolutionsPanel) ui.getSettingsPanel();
        ui.setup(stat);
        panel.setResolutions(new double[]{0.5, 1.5});
        panel.setKeepResolution(1.5);
        ui.unsetup();
        assertArrayEquals(new double[]{0.5, 1.5}, stat.getResolutions(), 0);
        assertEquals(1.5, stat.getKeepResolution(), 0);
        assertEquals(StatisticsUI.CATEGORY_COMMUNITY_DETECTION, ui.getCategory());
    }
}
