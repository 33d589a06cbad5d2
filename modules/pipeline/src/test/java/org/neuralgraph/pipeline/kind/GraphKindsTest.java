package org.neuralgraph.pipeline.kind;

import org.junit.jupiter.api.Test;
import org.neuralgraph.pipeline.ToyRingKind;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

/** The registry and the parameters both front-ends are made from. */
class GraphKindsTest {

    @Test
    void thePapersKindsComeFirstThenRegisteredOnes() {
        List<String> ids = GraphKinds.all().stream().map(GraphKind::id).collect(Collectors.toList());
        assertEquals(Arrays.asList("weights", "activations", "line-graph", "feature-map", "neuron-class", "contribution", "mapper", ToyRingKind.ID), ids);
        assertSame(GraphKinds.get("mapper"), GraphKinds.get(MapperKind.class));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GraphKinds.get("hairball"));
        assertTrue(e.getMessage().contains("weights, activations") && e.getMessage().contains(ToyRingKind.ID), e.getMessage());
        for (GraphKind k : GraphKinds.all()) {
            assertFalse(k.title().isEmpty() || k.description().isEmpty(), k.id());
            ParameterValues defaults = k.values(new HashMap<>());
            for (Parameter p : k.parameters()) assertEquals(p.defaultValue(), defaults.get(p.name()), k.id() + " " + p.name());
        }
    }

    @Test
    void valuesAreCheckedByTheParameterAndNamedForBothFrontEnds() {
        GraphKind mapper = GraphKinds.get(MapperKind.ID);
        ParameterException e = assertThrows(ParameterException.class, () -> mapper.values(Map.of("overlap", 1.0)));
        assertEquals("--overlap must be in [0, 1), got 1", e.getMessage());
        assertEquals("Overlap of neighbouring intervals: must be in [0, 1), got 1", e.labelled());
        e = assertThrows(ParameterException.class, () -> mapper.values(Map.of("lens", "umap")));
        assertEquals("--lens must be pca-2, pca-1, neighbourhood or density, got 'umap'", e.getMessage());
        e = assertThrows(ParameterException.class, () -> mapper.values(Map.of("percent", 0.0)));
        assertTrue(e.getMessage().startsWith("--percent must be in (0, 100]"), e.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> mapper.values(Map.of("radius", 2)));
        assertTrue(unknown.getMessage().contains("no parameter 'radius'") && unknown.getMessage().contains("lens, metric"), unknown.getMessage());

        GraphKind weights = GraphKinds.get(WeightGraphKind.ID);
        e = assertThrows(ParameterException.class, () -> weights.values(Map.of("sparsify", "best:3")));
        assertTrue(e.getMessage().startsWith("--sparsify "), e.getMessage());
        assertEquals("top-k:3", weights.values(Map.of("sparsify", " top-k:3 ")).text("sparsify"));
        for (String bad : new String[]{"disparity:0", "disparity:1.5", "top-k:0"}) {
            e = assertThrows(ParameterException.class, () -> weights.values(Map.of("sparsify", bad)));
            assertTrue(e.getMessage().startsWith("--sparsify "), e.getMessage());
        }
        assertEquals("auto", weights.values(Map.of()).text("sparsify"), "the default: every edge up to 1,000,000, the disparity backbone above");
    }

    @Test
    void commandLineTextIsParsedByType() {
        GraphKind fm = GraphKinds.get(FeatureMapKind.ID);
        Parameter percent = fm.parameters().stream().filter(p -> p.name().equals("percent")).findFirst().orElseThrow();
        assertEquals(12.5, percent.parse("12.5"));
        assertEquals("--percent must be a number, got 'ten'", assertThrows(ParameterException.class, () -> percent.parse("ten")).getMessage());
        Parameter layer = fm.parameters().get(0);
        assertEquals(3, layer.parse("3"));
        assertEquals("--layer must be in [1, 1000], got 0", assertThrows(ParameterException.class, () -> layer.parse("0")).getMessage());
        ParameterValues v = fm.values(Map.of("layer", 2L, "darkest", true));
        assertEquals(2, v.integer("layer"));
        assertTrue(v.flag("darkest"));
        assertEquals(10.0, v.decimal("percent"));
        assertEquals(7, v.with("layer", 7).integer("layer"));
        assertEquals(2, v.integer("layer"), "values are immutable");
        assertEquals(">= 1", Parameter.decimal("cap", "Cap", 1, 1, false, Double.POSITIVE_INFINITY, false).range());
    }
}
