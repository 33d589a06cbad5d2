package org.neuralgraph.pipeline.kind;

/** The five papers the graph kinds and studies come from, as a reader cites them. */
public final class Papers {

    private Papers() { }

    /** Weight graphs of MLPs, feature-map graphs of CNNs, small-world emergence. */
    public static final String DARNELL_LEONARD = "Darnell and Leonard, \"Finding the 'Network' Behind Neural Networks\"";
    /** Activation pattern graphs, overlapping modularity, activation entropy. */
    public static final String MOSTAFA_MONDAL = "Mostafa and Mondal, \"On the Evolution of Neuron Communities in a Deep Learning Architecture\" (2021)";
    /** Mapper graphs of convolution filters. */
    public static final String BRUEL_GABRIELSSON = "Brüel Gabrielsson, \"Topological Data Analysis of Convolutional Neural Networks' Weights on Images\"";
    /** The 9x9 digits, eleven small models, net fragments, activation maximisation. */
    public static final String NET_FRAGMENTS = "\"Preliminary Study 4\" (net fragments in small networks on 9x9 digits)";
    /** Neural capacitance: beta_eff of a probe predicts accuracy early in training. */
    public static final String NEURAL_CAPACITANCE = "Jiang, Pedapati, Chen, Sun and Gao, \"Neural Capacitance\"";
}
