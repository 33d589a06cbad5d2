package org.neuralgraph.metrics;

import javax.swing.BorderFactory;
import javax.swing.DefaultComboBoxModel;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTextField;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A titled form of labelled text fields, or editable lists of choices, with a note underneath; values are parsed with
 * errors that name the field.
 */
class SettingsPanel extends JPanel {

    private final Map<String, JTextField> fields = new LinkedHashMap<>();
    private final Map<String, JComboBox<String>> choices = new LinkedHashMap<>();
    private int row;

    SettingsPanel(String title) {
        super(new GridBagLayout());
        setBorder(BorderFactory.createTitledBorder(title));
    }

    SettingsPanel field(String label, int columns) {
        GridBagConstraints c = constraints();
        add(new JLabel(label + ":"), c);
        c.gridx = 1;
        JTextField f = new JTextField(columns);
        add(f, c);
        fields.put(label, f);
        row++;
        return this;
    }

    /** A field that also offers a list of values ({@link #choices}); what is typed counts as well. */
    SettingsPanel choice(String label, int columns) {
        GridBagConstraints c = constraints();
        add(new JLabel(label + ":"), c);
        c.gridx = 1;
        JComboBox<String> box = new JComboBox<>();
        box.setEditable(true);
        JTextField editor = (JTextField) box.getEditor().getEditorComponent();
        editor.setColumns(columns);
        box.setPrototypeDisplayValue("x".repeat(columns));
        add(box, c);
        fields.put(label, editor);
        choices.put(label, box);
        row++;
        return this;
    }

    /** The values a {@link #choice} field offers. */
    void choices(String label, List<String> values) {
        JComboBox<String> box = choices.get(label);
        Object shown = box.getEditor().getItem();
        box.setModel(new DefaultComboBoxModel<>(values.toArray(new String[0])));
        box.setSelectedItem(shown);
    }

    /** What a {@link #choice} field offers now. */
    List<String> offered(String label) {
        JComboBox<String> box = choices.get(label);
        List<String> values = new java.util.ArrayList<>();
        for (int i = 0; i < box.getItemCount(); i++) values.add(box.getItemAt(i));
        return values;
    }

    SettingsPanel note(String html) {
        GridBagConstraints c = constraints();
        c.gridwidth = 2;
        add(new JLabel("<html>" + html + "</html>"), c);
        row++;
        return this;
    }

    private GridBagConstraints constraints() {
        GridBagConstraints c = new GridBagConstraints();
        c.insets = new Insets(4, 4, 4, 4);
        c.anchor = GridBagConstraints.WEST;
        c.gridx = 0;
        c.gridy = row;
        return c;
    }

    void set(String label, Object value) {
        if (choices.containsKey(label)) choices.get(label).setSelectedItem(String.valueOf(value));
        else fields.get(label).setText(String.valueOf(value));
    }

    String text(String label) {
        return fields.get(label).getText().trim();
    }

    long number(String label) {
        try {
            return Long.parseLong(text(label));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(label + ": '" + text(label) + "' is not a whole number");
        }
    }
}
