package org.neuralgraph.metrics;

import org.gephi.statistics.spi.StatisticsBuilder;
import org.gephi.statistics.spi.StatisticsUI;
import org.junit.jupiter.api.Test;
import org.neuralgraph.gephi.DynamicOverlappingModularity;
import org.neuralgraph.gephi.DynamicSmallWorld;
import org.neuralgraph.gephi.ModularityOverResolutions;
import org.openide.util.Lookup;

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
                DynamicSmallWorldUI.class, DynamicEffectiveCouplingUI.class, DynamicOverlappingModularityUI.class}) {
            assertTrue(Lookup.getDefault().lookupAll(StatisticsUI.class).stream().anyMatch(ui::isInstance), ui.getName());
        }
        for (Class<?> b : new Class<?>[]{CommunityQualityUI.Builder.class, SmallWorldUI.Builder.class, ActivationEntropyUI.Builder.class, EffectiveCouplingUI.Builder.class, CapacitanceRankingUI.Builder.class,
                DynamicSmallWorldUI.Builder.class, DynamicEffectiveCouplingUI.Builder.class, DynamicOverlappingModularityUI.Builder.class}) {
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
    void dynamicStatisticsAreInTheDynamicCategoryAndTakeTheirSettings() {
        for (StatisticsUI ui : new StatisticsUI[]{new DynamicSmallWorldUI(), new DynamicEffectiveCouplingUI(), new DynamicOverlappingModularityUI()}) {
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
