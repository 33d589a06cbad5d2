package org.neuralgraph.core.graph;

import java.util.Locale;

/**
 * The names of node columns and graph attributes that one module writes and another reads: the graph builders, the
 * checkpoint facts, Gephi's statistics, the studies and the Gephi plugins all take them from here, so a name is spelled
 * once. They are also what users see in Gephi's Data Laboratory and in GEXF files, so they never change lightly.
 */
public final class Names {

    private Names() { }

    // ---- node columns ----

    /** Layer of a node: 0 = input, then one per weight layer. */
    public static final String LAYER = "layer";
    /** The layer's name in the model. */
    public static final String LAYER_NAME = "layer_name";
    /** Signed value: a weight graph's edge weight with its sign, a feature-map pixel's value. */
    public static final String VALUE = "value";
    /** An activation pattern graph's class cover, classes separated by {@code |}. */
    public static final String CLASSES = "classes";
    /**
     * Each node's communities with its belonging coefficient alpha_cv (Mostafa and Mondal, Eq. 4), e.g.
     * {@code 3:0.75|7:0.25}: written by the overlapping modularity statistic, read by pie-chart nodes.
     */
    public static final String BELONGING = "belonging";
    /** Gephi's Louvain communities (Gephi's own column id). */
    public static final String MODULARITY_CLASS = "modularity_class";
    /**
     * A node's community followed over checkpoints: the {@link #MODULARITY_CLASS} of every checkpoint renumbered so
     * that a community keeps its id from one checkpoint to the next (core.community.CommunityTracking).
     */
    public static final String COMMUNITY = "community";
    /** The title of {@link #COMMUNITY}. */
    public static final String COMMUNITY_TITLE = "Community (followed over checkpoints)";
    /** The activation entropy of a neuron (the activation entropy statistic). */
    public static final String ACTIVATION_ENTROPY = "activation_entropy";

    // ---- graph attributes ----

    /** What kind of graph this is, in words. */
    public static final String GRAPH_KIND = "graph_kind";
    /** The Gao-Barzel-Barabasi effective coupling of the graph's own edge weights. */
    public static final String BETA_EFF = "beta_eff";
    /** beta_eff of a line graph's |w||w'| links. */
    public static final String BETA_EFF_WEIGHTS = "beta_eff_weights";
    /** The checkpoint's facts. */
    public static final String CHECKPOINT = "checkpoint";
    public static final String EPOCH = "epoch";
    public static final String TRAIN_ACCURACY = "train_accuracy";
    public static final String TEST_ACCURACY = "test_accuracy";
    public static final String TRAIN_LOSS = "train_loss";
    public static final String TEST_LOSS = "test_loss";
    public static final String SEED = "seed";
    public static final String SHUFFLED_LABELS = "shuffled_labels";
    /** The model file a checkpoint was read from. */
    public static final String SOURCE = "source";
    /** What a dynamic graph's timestamps count: {@link #EPOCH} or {@link #CHECKPOINT}. */
    public static final String TIMELINE_UNIT = "timeline_unit";

    // ---- a neural-capacitance candidate's probe graph ----

    /** The candidate model's name. */
    public static final String CANDIDATE = "candidate";
    /** Its accuracy predicted from beta_eff, and from how many epochs. */
    public static final String PREDICTED_ACCURACY = "predicted_accuracy";
    public static final String PREDICTED_ACCURACY_STD = "predicted_accuracy_std";
    public static final String PREDICTED_FROM_EPOCHS = "predicted_from_epochs";
    /** Its validation accuracy after the last fine-tuning epoch. */
    public static final String FINAL_ACCURACY = "final_accuracy";
    public static final String EARLY_EPOCHS = "early_epochs";

    /** The probe's beta_eff after fine-tuning epoch {@code epoch}: {@code beta_eff_epoch_03}. */
    public static String betaEffAtEpoch(int epoch) {
        return String.format(Locale.ROOT, "beta_eff_epoch_%02d", epoch);
    }

    /** The validation accuracy after fine-tuning epoch {@code epoch}. */
    public static String validationAccuracyAtEpoch(int epoch) {
        return String.format(Locale.ROOT, "val_accuracy_epoch_%02d", epoch);
    }

    /** The training loss of fine-tuning epoch {@code epoch} (epochs from 1). */
    public static String trainingLossAtEpoch(int epoch) {
        return String.format(Locale.ROOT, "training_loss_epoch_%02d", epoch);
    }

    /** A probe weight's interaction strength after fine-tuning epoch {@code epoch} (a node column). */
    public static String strengthAtEpoch(int epoch) {
        return String.format(Locale.ROOT, "strength_epoch_%02d", epoch);
    }
}
