package org.neuralgraph.importer;

import org.neuralgraph.pipeline.kind.GraphKind;
import org.neuralgraph.pipeline.kind.GraphKinds;
import org.neuralgraph.pipeline.model.ModelSources;

import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JSpinner;
import javax.swing.JTextField;
import javax.swing.SpinnerNumberModel;
import java.awt.CardLayout;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The generator's settings, in the order the work happens: model, data, training, checkpoint, then the graph kind and
 * its parameters. The kinds and their fields come from the registry ({@link GraphKinds}, {@link ParameterForm}): only
 * the chosen kind's parameters show (a card each; the dialog keeps the size of the largest), each with its description
 * and paper as tooltip.
 */
final class GeneratorPanel extends JPanel {

    /** The model choices: presets to train, and the trained models shipped with the plugin. */
    static String[] modelChoices() {
        List<String> m = new ArrayList<>(org.neuralgraph.dl4j.ModelSpec.allPresetNames());
        for (int i = 1; i <= org.neuralgraph.dl4j.NetFragmentModels.COUNT; i++) m.add("nf-" + i);
        return m.toArray(new String[0]);
    }

    private final List<GraphKind> kinds = GraphKinds.all();
    private final JComboBox<String> model = new JComboBox<>(modelChoices());
    private final JComboBox<String> kind = new JComboBox<>();
    private final JTextField data = new JTextField(24);
    private final JSpinner epochs = new JSpinner(new SpinnerNumberModel(5, 1, 1000, 1));
    private final JSpinner checkpoints = new JSpinner(new SpinnerNumberModel(2, 2, 1001, 1));
    private final JSpinner checkpoint = new JSpinner(new SpinnerNumberModel(-1, -1, 1000, 1));
    private final JTextField seed = new JTextField(10);
    private final JCheckBox mixed = new JCheckBox("Shuffle the training labels (random-label control)");
    private final JCheckBox others = new JCheckBox("Also open every other checkpoint in a workspace of its own");
    private final JCheckBox timeline = new JCheckBox("All checkpoints as one dynamic graph (play the training in the timeline)");
    private final JPanel cards = new JPanel(new CardLayout());
    private final Map<String, ParameterForm> forms = new HashMap<>();
    private final JLabel kindDescription = new JLabel();
    /** The kind whose fields show. */
    private GraphKind shown;

    GeneratorPanel() {
        super(new GridBagLayout());
        model.setEditable(true);
        model.setToolTipText("<html>" + ModelSources.describeAll() + "</html>");
        for (GraphKind k : kinds) {
            kind.addItem(k.title());
            ParameterForm form = new ParameterForm(k.parameters());
            forms.put(k.id(), form);
            cards.add(form, k.id());
        }
        int row = 0;
        row = add(row, "Model (preset, nf-N, model file or run directory):", model, browse(false, model));
        row = add(row, "Training data (IDX directory; empty = shipped MNIST sample):", data, browse(true, null));
        row = add(row, "Epochs:", epochs, null);
        row = add(row, "Checkpoints (incl. untrained and last):", checkpoints, null);
        row = add(row, "Checkpoint to show (-1 = last):", checkpoint, null);
        row = add(row, "", others, null);
        row = add(row, "", timeline, null);
        row = add(row, "Seed:", seed, null);
        row = add(row, "", mixed, null);
        row = add(row, "Graph kind:", kind, null);
        row = add(row, "", kindDescription, null);
        cards.setBorder(BorderFactory.createTitledBorder("Graph parameters"));
        GridBagConstraints c = new GridBagConstraints();
        c.gridy = row;
        c.gridx = 0;
        c.gridwidth = 3;
        c.fill = GridBagConstraints.HORIZONTAL;
        c.insets = new Insets(6, 4, 3, 4);
        add(cards, c);
        model.addActionListener(e -> showTraining());
        kind.addActionListener(e -> {
            // a model left at the previous kind's default follows the kind (mlp-seed000 has no filters for a Mapper graph)
            if (shown != null && shown.defaultModel().equals(String.valueOf(model.getSelectedItem()))) model.setSelectedItem(chosen().defaultModel());
            showKind();
        });
        showKind();
    }

    /**
     * The training fields (epochs, checkpoints, shuffled labels) take effect only for a model trained here (a preset);
     * for a shipped trained model (nf-N), a model file or a run directory they are greyed out. The data stays: it is
     * also the images a kind runs the network on.
     */
    private void showTraining() {
        boolean trains;
        try {
            trains = ModelSources.of(String.valueOf(model.getSelectedItem()).trim()).trains();
        } catch (IllegalArgumentException e) {
            trains = true; // not a model yet: leave the fields to the user
        }
        for (java.awt.Component c : new java.awt.Component[]{epochs, checkpoints, mixed}) c.setEnabled(trains);
    }

    private GraphKind chosen() {
        return kinds.get(Math.max(0, kind.getSelectedIndex()));
    }

    /** Shows the chosen kind's fields, description and reference. */
    private void showKind() {
        GraphKind k = chosen();
        shown = k;
        ((CardLayout) cards.getLayout()).show(cards, k.id());
        kindDescription.setText("<html><i>" + k.description() + "</i></html>");
        kindDescription.setToolTipText(k.reference());
        kind.setToolTipText(k.reference());
        timeline.setEnabled(k.hasTimeline());
        revalidate();
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
        data.setText(r.data);
        epochs.setValue(r.epochs);
        checkpoints.setValue(r.checkpoints);
        checkpoint.setValue(r.checkpoint);
        seed.setText(Long.toString(r.seed));
        mixed.setSelected(r.mixed);
        others.setSelected(r.otherCheckpoints);
        timeline.setSelected(r.timeline);
        for (GraphKind k : kinds) forms.get(k.id()).show(r.parameters.getOrDefault(k.id(), new HashMap<>()));
        for (int i = 0; i < kinds.size(); i++) if (kinds.get(i).id().equals(r.kind)) kind.setSelectedIndex(i);
        model.setSelectedItem(r.model); // after the kind: choosing the kind moves a model left at a default, not the request's
        showKind();
        showTraining();
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
        if (r.checkpoints > r.epochs + 1 && checkpoints.isEnabled()) throw new IllegalArgumentException("Checkpoints: at most epochs + 1 = " + (r.epochs + 1));
        r.checkpoint = (Integer) checkpoint.getValue();
        try {
            r.seed = Long.parseLong(seed.getText().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Seed: '" + seed.getText().trim() + "' is not a whole number");
        }
        r.mixed = mixed.isSelected();
        r.otherCheckpoints = others.isSelected();
        r.timeline = timeline.isSelected();
        for (GraphKind k : kinds) r.parameters.put(k.id(), forms.get(k.id()).read());
        r.kind = chosen().id();
        r.values(); // the chosen kind's values are checked here, named as the fields are labelled
        return r;
    }

    /** The form of a kind's parameters, for tests. */
    ParameterForm form(String kindId) {
        return forms.get(kindId);
    }
}
