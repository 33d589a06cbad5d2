package org.neuralgraph.dl4j;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.updater.BaseMultiLayerUpdater;
import org.deeplearning4j.nn.updater.UpdaterBlock;
import org.junit.jupiter.api.Test;
import org.neuralgraph.dl4j.TrainingShortcuts.Shortcut;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.*;
import static org.neuralgraph.dl4j.TrainingSteps.assertAdamClose;
import static org.neuralgraph.dl4j.TrainingSteps.assertClose;
import static org.neuralgraph.dl4j.TrainingSteps.fitAlike;

/**
 * {@link TrainingShortcuts}: every preset trains with all shortcuts on as stock DL4J does (all off) from the same
 * parameters on the same batches; the master switch, each shortcut's switch and the old names turn shortcuts off; a
 * DL4J other than 1.0.0-M2.1 turns all off with one warning; a shortcut that cannot install says so once.
 */
class TrainingShortcutsTest {

    private static final int STEPS = 5, BATCH = 8;

    @Test
    void everyPresetTrainsAsStockDl4j() {
        for (String name : ModelSpec.presetNames()) {
            ModelSpec spec = ModelSpec.preset(name);
            spec.learningRate = 1e-4; // small steps: Adam turns float rounding in tiny gradients into whole steps
            int inputs = spec.channels * spec.height * spec.width;
            int classes = spec.layers.get(spec.layers.size() - 1).units;
            MultiLayerNetwork stock = withProperty(TrainingShortcuts.ALL, "false", () -> readyForFit(spec));
            MultiLayerNetwork fast = ModelFactory.build(spec);
            stock.setParams(fast.params());
            assertEquals(0, shortcutsIn(stock), name + ": all off is DL4J's own code");
            try (InputConvolution.Scope s = Trainer.readyForFit(fast)) {
                assertEquals(spec.hasConv() ? 4 : 2, shortcutsIn(fast), name + ": all on");
                fitAlike(fast, stock, STEPS, BATCH, inputs, classes);
            }
            assertAdamClose(stock.params(), fast.params(), spec.learningRate, STEPS, name + " parameters after " + STEPS + " steps");
            assertClose(stock.getUpdater().getStateViewArray(), fast.getUpdater().getStateViewArray(), name + " updater state");
        }
    }

    /** A network of {@code spec} as {@code Trainer} readies it for training, with its scope closed at once. */
    private static MultiLayerNetwork readyForFit(ModelSpec spec) {
        MultiLayerNetwork net = ModelFactory.build(spec);
        Trainer.readyForFit(net).close();
        return net;
    }

    /**
     * How many of the four shortcuts {@code net} carries: a conv2d helper on a convolution, its first layer's
     * weight-gradient-only helper, a layer that reuses its activations, an own-views updater block.
     */
    private static int shortcutsIn(MultiLayerNetwork net) {
        Layer[] layers = net.getLayers();
        boolean conv2dOps = Arrays.stream(layers).anyMatch(l -> l instanceof org.deeplearning4j.nn.layers.convolution.ConvolutionLayer
                && l.getHelper() != null);
        boolean inputConvolution = layers[0].getHelper() instanceof InputConvolution.WeightGradientsOnly;
        boolean reluActivations = Arrays.stream(layers).anyMatch(l -> l instanceof ReluActivations.ReusingDenseLayer
                || l instanceof ReluActivations.ReusingConvolutionLayer);
        List<UpdaterBlock> blocks = ((BaseMultiLayerUpdater<?>) net.getUpdater()).getUpdaterBlocks();
        boolean leanUpdater = blocks.stream().anyMatch(b -> b instanceof UpdaterBlocks.OwnViewsBlock);
        return (conv2dOps ? 1 : 0) + (inputConvolution ? 1 : 0) + (reluActivations ? 1 : 0) + (leanUpdater ? 1 : 0);
    }

    @Test
    void allOnByDefaultForTheDl4jOnTheClassPath() {
        assertEquals(TrainingShortcuts.DL4J_VERSION, TrainingShortcuts.runningDl4jVersion(), "read from deeplearning4j-nn's jar");
        for (Shortcut s : Shortcut.values()) assertTrue(TrainingShortcuts.isOn(s), s + " is on by default");
    }

    @Test
    void masterSwitchTurnsAllOff() {
        withProperty(TrainingShortcuts.ALL, "false", () -> {
            for (Shortcut s : Shortcut.values()) assertFalse(TrainingShortcuts.isOn(s), s.toString());
            return null;
        });
        withProperty(TrainingShortcuts.ALL, "true", () -> {
            for (Shortcut s : Shortcut.values()) assertTrue(TrainingShortcuts.isOn(s), s.toString());
            return null;
        });
    }

    /** Each switch turns off its own shortcut only; conv2dOps also inputConvolution, which replaces its helper. */
    @Test
    void eachSwitchTurnsOffItsShortcut() {
        for (Shortcut off : Shortcut.values()) {
            assertTrue(off.property().startsWith("neuralgraph.shortcut."), off.property());
            withProperty(off.property(), " FALSE ", () -> {
                for (Shortcut s : Shortcut.values()) {
                    boolean expected = s != off && !(off == Shortcut.CONV2D_OPS && s == Shortcut.INPUT_CONVOLUTION);
                    assertEquals(expected, TrainingShortcuts.isOn(s), s + " with " + off.property() + "=false");
                }
                return null;
            });
        }
    }

    @Test
    void oldNamesStillWork() {
        withProperty("neuralgraph.conv2dOps", "false", () -> {
            assertFalse(TrainingShortcuts.isOn(Shortcut.CONV2D_OPS));
            assertFalse(TrainingShortcuts.isOn(Shortcut.INPUT_CONVOLUTION));
            assertTrue(TrainingShortcuts.isOn(Shortcut.LEAN_UPDATER));
            return null;
        });
        withProperty("neuralgraph.leanUpdater", "false", () -> {
            assertFalse(TrainingShortcuts.isOn(Shortcut.LEAN_UPDATER));
            assertTrue(TrainingShortcuts.isOn(Shortcut.CONV2D_OPS));
            return null;
        });
    }

    @Test
    void anotherDl4jVersionTurnsAllOffWithOneWarning() {
        List<LogRecord> warnings = warningsDuring(() -> {
            for (int round = 0; round < 2; round++) {
                for (Shortcut s : Shortcut.values()) {
                    assertFalse(TrainingShortcuts.isOn(s, "1.0.0-M3"), s + " on DL4J 1.0.0-M3");
                    assertTrue(TrainingShortcuts.isOn(s, "1.0.0-M2.1"), s + " on DL4J 1.0.0-M2.1");
                }
            }
        });
        assertEquals(1, warnings.size(), "one warning for all shortcuts and calls");
        assertTrue(warnings.get(0).getMessage().contains("1.0.0-M3") && warnings.get(0).getMessage().contains("DL4J's own code"),
                warnings.get(0).getMessage());

        List<LogRecord> unknown = warningsDuring(() -> assertFalse(TrainingShortcuts.isOn(Shortcut.CONV2D_OPS, null)));
        assertEquals(1, unknown.size());
        assertTrue(unknown.get(0).getMessage().contains("unknown version"), unknown.get(0).getMessage());

        List<LogRecord> switchedOff = warningsDuring(() -> withProperty(TrainingShortcuts.ALL, "false",
                () -> TrainingShortcuts.isOn(Shortcut.CONV2D_OPS, "0.9.1")));
        assertEquals(0, switchedOff.size(), "switched off: the version does not matter");
    }

    /** A convolution network built without ConvolutionOps: inputConvolution has no conv2d helper to replace, and says so once. */
    @Test
    void aShortcutThatCannotInstallSaysSoOnce() {
        List<LogRecord> warnings = warningsDuring(() -> {
            for (int i = 0; i < 2; i++) {
                MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(i).dataType(DataType.FLOAT).list()
                        .layer(new ConvolutionLayer.Builder(3, 3).nOut(2).activation(Activation.TANH).build())
                        .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(3).activation(Activation.SOFTMAX).build())
                        .setInputType(InputType.convolutionalFlat(6, 6, 1)).build());
                net.init();
                try (InputConvolution.Scope s = InputConvolution.withoutInputGradient(net)) {
                    assertNull(net.getLayer(0).getHelper(), "DL4J's own code");
                }
            }
        });
        assertEquals(1, warnings.size(), "once per cause, not per network");
        assertTrue(warnings.get(0).getMessage().contains("inputConvolution not installed"), warnings.get(0).getMessage());
    }

    private static List<LogRecord> warningsDuring(Runnable r) {
        Logger log = Logger.getLogger(TrainingShortcuts.class.getName());
        List<LogRecord> records = new ArrayList<>();
        Handler h = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) records.add(record);
            }

            @Override
            public void flush() { }

            @Override
            public void close() { }
        };
        log.addHandler(h);
        try {
            r.run();
        } finally {
            log.removeHandler(h);
        }
        return records;
    }

    private static <T> T withProperty(String key, String value, Supplier<T> s) {
        String before = System.getProperty(key);
        System.setProperty(key, value);
        try {
            return s.get();
        } finally {
            if (before == null) System.clearProperty(key);
            else System.setProperty(key, before);
        }
    }
}
