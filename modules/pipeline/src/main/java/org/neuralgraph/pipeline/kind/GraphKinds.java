package org.neuralgraph.pipeline.kind;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.logging.Logger;

/**
 * Every graph kind the product builds: the seven of the papers, in the order the menus list them, then any other
 * {@link GraphKind} registered as a {@code java.util.ServiceLoader} service (its class loader, or the thread's, which is
 * Gephi's system class loader inside Gephi). The command line and the Gephi generator list and find kinds only here.
 */
public final class GraphKinds {

    private static volatile Map<String, GraphKind> kinds;

    private GraphKinds() { }

    /** Every kind, the papers' first. */
    public static List<GraphKind> all() {
        return Collections.unmodifiableList(new ArrayList<>(registry().values()));
    }

    /**
     * The kind named {@code id}.
     *
     * @throws IllegalArgumentException listing the kinds there are
     */
    public static GraphKind get(String id) {
        GraphKind k = registry().get(id);
        if (k == null) throw new IllegalArgumentException("no graph kind '" + id + "'; the kinds are: " + String.join(", ", registry().keySet()));
        return k;
    }

    /** The registered instance of a kind's class, for studies that use more of it than {@link GraphKind#build}. */
    public static <K extends GraphKind> K get(Class<K> type) {
        for (GraphKind k : registry().values()) if (type.isInstance(k)) return type.cast(k);
        throw new IllegalArgumentException("no graph kind of class " + type.getName());
    }

    private static Map<String, GraphKind> registry() {
        Map<String, GraphKind> k = kinds;
        if (k != null) return k;
        synchronized (GraphKinds.class) {
            if (kinds != null) return kinds;
            Map<String, GraphKind> m = new LinkedHashMap<>();
            for (GraphKind g : Arrays.asList(new WeightGraphKind(), new ActivationPatternKind(), new LineGraphKind(), new FeatureMapKind(),
                    new NeuronClassKind(), new ContributionKind(), new MapperKind())) {
                m.put(g.id(), g);
            }
            List<ClassLoader> loaders = new ArrayList<>(Collections.singletonList(GraphKinds.class.getClassLoader()));
            ClassLoader context = Thread.currentThread().getContextClassLoader();
            if (context != null && context != loaders.get(0)) loaders.add(context);
            for (ClassLoader loader : loaders) {
                Iterator<GraphKind> it = ServiceLoader.load(GraphKind.class, loader).iterator();
                while (true) {
                    try {
                        if (!it.hasNext()) break;
                        GraphKind g = it.next();
                        m.putIfAbsent(g.id(), g);
                    } catch (ServiceConfigurationError e) { // one broken extension must not hide the others
                        Logger.getLogger(GraphKinds.class.getName()).warning("a graph kind could not be loaded: " + e.getMessage());
                    }
                }
            }
            kinds = Collections.unmodifiableMap(m);
            return kinds;
        }
    }
}
