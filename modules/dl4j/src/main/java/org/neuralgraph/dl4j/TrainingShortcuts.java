package org.neuralgraph.dl4j;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one place that decides whether each training shortcut is on. The shortcuts make training faster with DL4J's
 * own arithmetic, but they reach into DL4J 1.0.0-M2.1's internals (a private field set by reflection, protected
 * fields and methods, an internal helper class, the updater's block list), so each one can be switched off, all are
 * off on any other DL4J version, and a shortcut that cannot install says so in the log.
 *
 * <p>Switches (system properties; {@code false} turns off, anything else or nothing leaves on), and what each removes:
 * <ul>
 *   <li>{@code neuralgraph.shortcuts}: all four below.</li>
 *   <li>{@code neuralgraph.shortcut.conv2dOps} (old name {@code neuralgraph.conv2dOps}): DL4J's im2col copy in convolutions ({@link ConvolutionOps}); also turns inputConvolution off.</li>
 *   <li>{@code neuralgraph.shortcut.inputConvolution}: the first convolution's input gradient, which training discards ({@link InputConvolution}).</li>
 *   <li>{@code neuralgraph.shortcut.reluActivations}: ReLU layers recomputing their output in the backward pass ({@link ReluActivations}).</li>
 *   <li>{@code neuralgraph.shortcut.leanUpdater} (old name {@code neuralgraph.leanUpdater}): libnd4j's slow Adam op and the updater's re-slicing ({@link UpdaterBlocks}).</li>
 * </ul>
 * A shortcut is on when none of the master switch, its own name and its old name is {@code false}, and the running
 * DL4J is {@value #DL4J_VERSION}. Otherwise the network trains on DL4J's own code: slower (each shortcut's
 * javadoc gives its measured saving), with the same parameters and updater state within float rounding
 * ({@code TrainingShortcutsTest}); configurations and model zips never depend on the shortcuts.
 *
 * <p>Why the version check: the shortcuts compile against any DL4J that keeps the names they use, but a newer DL4J can
 * change what those names do (which field a layer reads its helper from, whether a getter returns the internal list),
 * and then a shortcut would either do nothing or compute something else. They were written and tested for one version
 * only; on another, training uses DL4J's own code and one warning says so.
 */
public final class TrainingShortcuts {

    /** The DL4J version whose internals the shortcuts were written for and tested with. */
    public static final String DL4J_VERSION = "1.0.0-M2.1";

    /** System property; {@code false} turns every shortcut off. */
    public static final String ALL = "neuralgraph.shortcuts";

    private static final Logger LOG = Logger.getLogger(TrainingShortcuts.class.getName());
    /** The Maven metadata that DL4J's jar carries (its manifest has no version). */
    private static final String POM_PROPERTIES = "/META-INF/maven/org.deeplearning4j/deeplearning4j-nn/pom.properties";
    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

    private TrainingShortcuts() { }

    /** The four shortcuts, each with its switch. */
    public enum Shortcut {
        CONV2D_OPS("conv2dOps", "neuralgraph.conv2dOps"),
        INPUT_CONVOLUTION("inputConvolution", null),
        RELU_ACTIVATIONS("reluActivations", null),
        LEAN_UPDATER("leanUpdater", "neuralgraph.leanUpdater");

        private final String name;
        private final String oldProperty;

        Shortcut(String name, String oldProperty) {
            this.name = name;
            this.oldProperty = oldProperty;
        }

        /** The system property that switches this shortcut, {@code neuralgraph.shortcut.<name>}. */
        public String property() {
            return "neuralgraph.shortcut." + name;
        }

        /** The shortcut's name in switches and log lines, e.g. {@code conv2dOps}. */
        @Override
        public String toString() {
            return name;
        }
    }

    /** True when {@code shortcut} is on: no switch turns it off and the running DL4J is {@value #DL4J_VERSION}. */
    public static boolean isOn(Shortcut shortcut) {
        return isOn(shortcut, RunningDl4j.VERSION);
    }

    /** {@link #isOn(Shortcut)} with {@code dl4jVersion} (null: unknown) as the running DL4J's version. */
    static boolean isOn(Shortcut shortcut, String dl4jVersion) {
        if (!switchedOn(shortcut)) return false;
        if (DL4J_VERSION.equals(dl4jVersion)) return true;
        warnOnce("DL4J " + (dl4jVersion == null ? "of unknown version" : dl4jVersion) + " found; the training shortcuts were"
                + " written for DL4J " + DL4J_VERSION + ", so training uses DL4J's own code");
        return false;
    }

    /** True when neither the master switch nor one of the shortcut's names is false. */
    private static boolean switchedOn(Shortcut shortcut) {
        if (isFalse(ALL) || isFalse(shortcut.property()) || (shortcut.oldProperty != null && isFalse(shortcut.oldProperty))) return false;
        if (shortcut == Shortcut.INPUT_CONVOLUTION && !switchedOn(Shortcut.CONV2D_OPS)) return false; // it replaces conv2dOps' helper
        return true;
    }

    private static boolean isFalse(String property) {
        String v = System.getProperty(property);
        return v != null && v.trim().equalsIgnoreCase("false");
    }

    /**
     * Logs, once per cause, that {@code shortcut} could not install, so that DL4J's own code runs where it would have.
     * {@code why} names the cause without anything that differs from network to network.
     */
    static void cannotInstall(Shortcut shortcut, String why) {
        warnOnce("training shortcut " + shortcut + " not installed: " + why + "; DL4J's own code runs instead");
    }

    private static void warnOnce(String message) {
        if (WARNED.add(message)) LOG.log(Level.WARNING, message);
    }

    /**
     * The running DL4J's version: the {@code version} in deeplearning4j-nn's Maven metadata as the class loader of
     * DL4J's {@link MultiLayerNetwork} finds it (Maven writes it into the jar), else that package's
     * {@code Implementation-Version} (DL4J 1.0.0-M2.1's manifest has none), else null.
     */
    static String runningDl4jVersion() {
        try (InputStream in = MultiLayerNetwork.class.getResourceAsStream(POM_PROPERTIES)) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String v = p.getProperty("version");
                if (v != null && !v.trim().isEmpty()) return v.trim();
            }
        } catch (IOException | RuntimeException e) {
            // fall back to the manifest
        }
        Package p = MultiLayerNetwork.class.getPackage();
        return p == null ? null : p.getImplementationVersion();
    }

    /** Reads the version once, when a shortcut is first asked about. */
    private static final class RunningDl4j {
        static final String VERSION = runningDl4jVersion();
    }
}
