package org.neuralgraph.metrics;

import javax.swing.BorderFactory;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTextField;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.util.Locale;

/**
 * Settings of the modularity sweep: the resolutions as a comma-separated list and the resolution whose
 * communities are kept. Bad text is reported when the statistic is set up, naming the field.
 */
final class ResolutionsPanel extends JPanel {

    private final JTextField resolutions = new JTextField(30);
    private final JTextField keep = new JTextField(6);

    ResolutionsPanel() {
        super(new GridBagLayout());
        setBorder(BorderFactory.createTitledBorder("Modularity over resolutions"));
        GridBagConstraints c = new GridBagConstraints();
        c.insets = new Insets(4, 4, 4, 4);
        c.anchor = GridBagConstraints.WEST;
        c.gridx = 0; c.gridy = 0;
        add(new JLabel("Resolutions (Gephi's convention):"), c);
        c.gridx = 1;
        add(resolutions, c);
        c.gridx = 0; c.gridy = 1;
        add(new JLabel("Keep communities of resolution:"), c);
        c.gridx = 1;
        add(keep, c);
        c.gridx = 0; c.gridy = 2; c.gridwidth = 2;
        add(new JLabel("<html>Gephi's resolution multiplies the internal term: higher values give fewer, larger "
                + "communities.<br>Randomize is off so the same graph gives the same communities.</html>"), c);
    }

    void setResolutions(double[] values) {
        StringBuilder b = new StringBuilder();
        for (double v : values) b.append(b.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.2f", v));
        resolutions.setText(b.toString());
    }

    double[] getResolutions() {
        String[] parts = resolutions.getText().split(",");
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                out[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Resolutions: '" + parts[i].trim() + "' is not a number");
            }
        }
        return out;
    }

    void setKeepResolution(double v) {
        keep.setText(String.format(Locale.ROOT, "%.2f", v));
    }

    double getKeepResolution() {
        try {
            return Double.parseDouble(keep.getText().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Keep communities of resolution: '" + keep.getText().trim() + "' is not a number");
        }
    }
}
