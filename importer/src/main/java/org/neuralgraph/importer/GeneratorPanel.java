package org.neuralgraph.importer;

import org.neuralgraph.core.featuremap.FeatureMapGraph;
import org.neuralgraph.dl4j.ModelSpec;

import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JSpinner;
import javax.swing.JTextField;
import javax.swing.SpinnerNumberModel;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;

/**
 * The generator's settings, in the order the work happens: model source, data, training, checkpoint, graph.
 * Defaults are the papers' (seed 000's MLP, every weight an edge).
 */
final class GeneratorPanel extends JPanel {

    /** The graph kinds the generator builds, in the order of {@link GraphRequest.Kind}. */
    static final String[] GRAPH_KINDS = {"Weight graph: neurons and weights (seed 000, Section 3)",
            "Activation pattern graph: neurons active together per class (seed 001, Eq. 6-7)",
            "Line graph: weights as nodes, linked where they meet at a neuron (seed 004)",
            "Feature-map graph: the brightest (or darkest) pixels of a CNN's composite feature map (seed 000)",
            "Net fragments: the 12 head neurons and the classes, linked by activation (seed 003, models nf-1 to nf-11)",
            "Net fragments: contribution graph of one digit, pixels to class (seed 003, models nf-1 to nf-11)",
            "Mapper graph of convolution filters (seed 002)"};

    /** The Mapper lenses, in the order of {@link GraphRequest.MapperLens}. */
    static final String[] MAPPER_LENSES = {"PCA, 2 components (Section 7's two PCA lenses)", "PCA, 1 component",
            "neighbourhood: Laplacian eigenmap of the k-NN graph (Section 4)", "density 1/rho_k (Section 3.1)"};

    /** The Mapper metrics, in the order of {@link GraphRequest#MAPPER_METRICS}. */
    static final String[] MAPPER_METRICS = {"variance-normalised Euclidean (paper)", "Euclidean"};

    /** The model choices: presets to train, and seed 003's trained models shipped with the plugin. */
    static String[] modelChoices() {
        java.util.List<String> m = new java.util.ArrayList<>(ModelSpec.presetNames());
        for (int i = 1; i <= org.neuralgraph.dl4j.NetFragmentModels.COUNT; i++) m.add("nf-" + i);
        return m.toArray(new String[0]);
    }

    private final JComboBox<String> model = new JComboBox<>(modelChoices());
    private final JComboBox<String> kind = new JComboBox<>(GRAPH_KINDS);
    private final JTextField data = new JTextField(28);
    private final JSpinner epochs = new JSpinner(new SpinnerNumberModel(5, 1, 1000, 1));
    private final JSpinner checkpoints = new JSpinner(new SpinnerNumberModel(2, 2, 1001, 1));
    private final JSpinner checkpoint = new JSpinner(new SpinnerNumberModel(-1, -1, 1000, 1));
    private final JTextField seed = new JTextField(10);
    private final JCheckBox mixed = new JCheckBox("Shuffle the training labels (\"Mixed\" control)");
    private final JCheckBox others = new JCheckBox("Also open every other checkpoint in a workspace of its own");
    private final JCheckBox timeline = new JCheckBox("All checkpoints as one dynamic graph (play the training in the timeline)");
    private final JTextField sparsification = new JTextField(12);
    private final JSpinner layer = new JSpinner(new SpinnerNumberModel(1, 1, 100, 1));
    private final JSpinner neuronsPerClass = new JSpinner(new SpinnerNumberModel(50, 1, 100_000, 1));
    private final JSpinner weightsPerLayer = new JSpinner(new SpinnerNumberModel(500, 1, 10_000_000, 100));
    private final JSpinner mapClass = new JSpinner(new SpinnerNumberModel(-1, -1, 1000, 1));
    private final JSpinner mapPercent = new JSpinner(new SpinnerNumberModel(10.0, 0.1, 100.0, 1.0));
    private final JCheckBox mapDarkest = new JCheckBox("Darkest pixels instead of brightest");
    private final JComboBox<String> mapAdjacency = new JComboBox<>(new String[]{
            "spatial, 4 neighbours (paper)", "spatial, 8 neighbours", "value: difference below the offset"});
    private final JSpinner mapOffset = new JSpinner(new SpinnerNumberModel(FeatureMapGraph.DEFAULT_OFFSET_FRACTION, 0.001, 1.0, 0.001));
    private final JSpinner digit = new JSpinner(new SpinnerNumberModel(8, 0, 9, 1));
    private final JComboBox<String> mapperLens = new JComboBox<>(MAPPER_LENSES);
    private final JComboBox<String> mapperMetric = new JComboBox<>(MAPPER_METRICS);
    private final JSpinner mapperIntervals = new JSpinner(new SpinnerNumberModel(10, 1, 1000, 1));
    private final JSpinner mapperOverlap = new JSpinner(new SpinnerNumberModel(0.5, 0.0, 0.95, 0.05));
    private final JSpinner mapperK = new JSpinner(new SpinnerNumberModel(5, 1, 10_000, 1));
    private final JSpinner mapperPercent = new JSpinner(new SpinnerNumberModel(20.0, 0.1, 100.0, 1.0));

    GeneratorPanel() {
        super(new GridBagLayout());
        model.setEditable(true);
        int row = 0;
        row = add(row, "Model (preset to train, nf-N trained, model .zip, run directory, .onnx or Keras .h5):", model, browse(false, model));
        row = add(row, "Training data (IDX directory; empty = shipped MNIST sample):", data, browse(true, null));
        row = add(row, "Graph kind:", kind, null);
        row = add(row, "Epochs:", epochs, null);
        row = add(row, "Checkpoints (incl. untrained and last):", checkpoints, null);
        row = add(row, "Checkpoint to show (-1 = last):", checkpoint, null);
        row = add(row, "", others, null);
        row = add(row, "", timeline, null);
        row = add(row, "Seed:", seed, null);
        row = add(row, "", mixed, null);
        row = add(row, "Weight graph edges (none, percentile:P, top-k:K):", sparsification, null);
        row = add(row, "Layer (activations: hidden dense; feature map: convolution; 1 = first):", layer, null);
        row = add(row, "Activation pattern graph: neurons per class S (paper: 50):", neuronsPerClass, null);
        row = add(row, "Line graph: largest |w| kept per layer:", weightsPerLayer, null);
        row = add(row, "Feature map: class (-1 = all test images):", mapClass, null);
        row = add(row, "Feature map: percent of pixels as nodes (paper: 10):", mapPercent, null);
        row = add(row, "", mapDarkest, null);
        row = add(row, "Feature map: edges:", mapAdjacency, null);
        row = add(row, "Feature map: value offset, share of max - min:", mapOffset, null);
        row = add(row, "Net fragments: digit for the contribution graph:", digit, null);
        row = add(row, "Mapper: lens (first convolution layer's filters):", mapperLens, null);
        row = add(row, "Mapper: metric:", mapperMetric, null);
        row = add(row, "Mapper: intervals per lens coordinate:", mapperIntervals, null);
        row = add(row, "Mapper: overlap of neighbouring intervals (0-1):", mapperOverlap, null);
        row = add(row, "Mapper: k (density filtration; neighbourhood and density lenses; paper: 5):", mapperK, null);
        add(row, "Mapper: percent of the filters kept, densest first (paper: 20):", mapperPercent, null);
        kind.addActionListener(e -> enableKindFields());
        enableKindFields();
    }

    /** Greys out the fields of the other graph kind. */
    private void enableKindFields() {
        boolean activations = kind.getSelectedIndex() == GraphRequest.Kind.ACTIVATIONS.ordinal();
        boolean lineGraph = kind.getSelectedIndex() == GraphRequest.Kind.LINE_GRAPH.ordinal();
        sparsification.setEnabled(kind.getSelectedIndex() == GraphRequest.Kind.WEIGHTS.ordinal());
        boolean featureMap = kind.getSelectedIndex() == GraphRequest.Kind.FEATURE_MAP.ordinal();
        layer.setEnabled(activations || featureMap);
        neuronsPerClass.setEnabled(activations);
        weightsPerLayer.setEnabled(lineGraph);
        for (java.awt.Component c : new java.awt.Component[]{mapClass, mapPercent, mapDarkest, mapAdjacency, mapOffset}) c.setEnabled(featureMap);
        digit.setEnabled(kind.getSelectedIndex() == GraphRequest.Kind.CONTRIBUTION.ordinal());
        boolean mapper = kind.getSelectedIndex() == GraphRequest.Kind.MAPPER.ordinal();
        for (java.awt.Component c : new java.awt.Component[]{mapperLens, mapperMetric, mapperIntervals, mapperOverlap, mapperK, mapperPercent}) c.setEnabled(mapper);
    }

    private int add(int row, String label, java.awt.Component field, java.awt.Component extra) {
        GridBagConstraints c = new GridBagConstraints();
        c.insets = new Insets(3, 4, 3, 4);
        c.anchor = GridBagConstraints.WEST;
        c.gridy = row;
        c.gridx = 0;
        add(new JLabel(label), c);
        c.gridx = 1;
        c.fill = GridBagConstraints.HORIZONTAL;
        add(field, c);
        if (extra != null) {
            c.gridx = 2;
            c.fill = GridBagConstraints.NONE;
            add(extra, c);
        }
        return row + 1;
    }

    private JButton browse(boolean directoriesOnly, JComboBox<String> target) {
        JButton b = new JButton("Browse...");
        b.addActionListener(e -> {
            JFileChooser fc = new JFileChooser();
            fc.setFileSelectionMode(directoriesOnly ? JFileChooser.DIRECTORIES_ONLY : JFileChooser.FILES_AND_DIRECTORIES);
            if (fc.showOpenDialog(this) != JFileChooser.APPROVE_OPTION) return;
            String path = fc.getSelectedFile().getAbsolutePath();
            if (target != null) target.setSelectedItem(path);
            else data.setText(path);
        });
        return b;
    }

    void show(GraphRequest r) {
        model.setSelectedItem(r.model);
        data.setText(r.data);
        epochs.setValue(r.epochs);
        checkpoints.setValue(r.checkpoints);
        checkpoint.setValue(r.checkpoint);
        seed.setText(Long.toString(r.seed));
        mixed.setSelected(r.mixed);
        others.setSelected(r.otherCheckpoints);
        timeline.setSelected(r.timeline);
        sparsification.setText(r.sparsification);
        kind.setSelectedIndex(r.kind.ordinal());
        layer.setValue(r.layer);
        neuronsPerClass.setValue(r.neuronsPerClass);
        weightsPerLayer.setValue(r.weightsPerLayer);
        mapClass.setValue(r.mapClass);
        mapPercent.setValue(r.mapPercent);
        mapDarkest.setSelected(r.mapDarkest);
        mapAdjacency.setSelectedIndex(r.mapAdjacency.ordinal());
        mapOffset.setValue(r.mapOffsetFraction);
        digit.setValue(r.digit);
        mapperLens.setSelectedIndex(r.mapperLens.ordinal());
        mapperMetric.setSelectedIndex(java.util.Arrays.asList(GraphRequest.MAPPER_METRICS).indexOf(r.mapperMetric));
        mapperIntervals.setValue(r.mapperIntervals);
        mapperOverlap.setValue(r.mapperOverlap);
        mapperK.setValue(r.mapperK);
        mapperPercent.setValue(r.mapperPercent);
        enableKindFields();
    }

    /** @throws IllegalArgumentException naming the field that is wrong */
    GraphRequest read() {
        GraphRequest r = new GraphRequest();
        Object m = model.getSelectedItem();
        r.model = m == null ? "" : m.toString().trim();
        if (r.model.isEmpty()) throw new IllegalArgumentException("Model: choose a preset or a model file");
        r.data = data.getText().trim();
        r.epochs = (Integer) epochs.getValue();
        r.checkpoints = (Integer) checkpoints.getValue();
        if (r.checkpoints > r.epochs + 1) throw new IllegalArgumentException("Checkpoints: at most epochs + 1 = " + (r.epochs + 1));
        r.checkpoint = (Integer) checkpoint.getValue();
        try {
            r.seed = Long.parseLong(seed.getText().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Seed: '" + seed.getText().trim() + "' is not a whole number");
        }
        r.mixed = mixed.isSelected();
        r.otherCheckpoints = others.isSelected();
        r.timeline = timeline.isSelected();
        r.sparsification = sparsification.getText().trim();
        r.kind = GraphRequest.Kind.values()[kind.getSelectedIndex()];
        if (r.kind == GraphRequest.Kind.WEIGHTS) org.neuralgraph.core.weights.Sparsification.parse(r.sparsification);
        r.layer = (Integer) layer.getValue();
        r.neuronsPerClass = (Integer) neuronsPerClass.getValue();
        r.weightsPerLayer = (Integer) weightsPerLayer.getValue();
        r.mapClass = (Integer) mapClass.getValue();
        r.mapPercent = ((Number) mapPercent.getValue()).doubleValue();
        r.mapDarkest = mapDarkest.isSelected();
        r.mapAdjacency = org.neuralgraph.core.featuremap.FeatureMapGraph.Adjacency.values()[mapAdjacency.getSelectedIndex()];
        r.mapOffsetFraction = ((Number) mapOffset.getValue()).doubleValue();
        r.digit = (Integer) digit.getValue();
        r.mapperLens = GraphRequest.MapperLens.values()[mapperLens.getSelectedIndex()];
        r.mapperMetric = GraphRequest.MAPPER_METRICS[mapperMetric.getSelectedIndex()];
        r.mapperIntervals = (Integer) mapperIntervals.getValue();
        r.mapperOverlap = ((Number) mapperOverlap.getValue()).doubleValue();
        r.mapperK = (Integer) mapperK.getValue();
        r.mapperPercent = ((Number) mapperPercent.getValue()).doubleValue();
        if (r.kind == GraphRequest.Kind.MAPPER) r.mapperParameters();
        return r;
    }
}
