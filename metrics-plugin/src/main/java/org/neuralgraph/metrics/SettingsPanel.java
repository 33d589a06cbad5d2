package org.neuralgraph.metrics;

import javax.swing.BorderFactory;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTextField;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A titled form of labelled text fields with a note underneath; values are parsed with errors that name the field. */
class SettingsPanel extends JPanel {

    private final Map<String, JTextField> fields = new LinkedHashMap<>();
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
        fields.get(label).setText(String.valueOf(value));
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
