package org.neuralgraph.dl4j;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.BaseOutputLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToCnnPreProcessor;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.neuralgraph.core.progress.CancelledException;
import org.neuralgraph.core.progress.ProgressMonitor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Activation maximisation (the net-fragment study, Section 4.1, last paragraph, and Fig. 4.5): with the model's parameters frozen,
 * "an empty image is fed into the network and updated with backpropagation of error such that the probability for a
 * given class is maximized". For each class {@code c} this finds the input {@code x} in {@code [0,1]^n} that
 * maximises {@code log p(c|x) - lambda * ||x||^2 / 2} by projected, normalised gradient ascent from the empty image:
 * with {@code g = d log p(c|x)/dx - lambda * x}, {@code x <- clip(x + lr * g / max|g|, 0, 1)}, a fixed number of steps,
 * and returns the best image met (by that objective), so the result never scores below the start. All classes are
 * optimised together, one row per class in one mini-batch.
 *
 * <p>Why normalised: the trained models' input gradients differ by orders of magnitude between models and classes (the
 * head activations of the net-fragment study's model 5 reach 20). A plain step {@code lr * g} then overshoots: on model 5 class 9 it
 * drove the probability from 0.04 down to 3e-7 within 200 steps. Dividing by the row's largest |g| moves its steepest
 * pixel by exactly {@code lr} per step, whatever the scale.
 *
 * <p>The input gradient is DL4J's {@code MultiLayerNetwork.calculateGradients(features, labels, null, null)}, whose
 * second element is the gradient of the output layer's loss with respect to the network input. With the one-hot label
 * of class {@code c} and the softmax/MCXENT output layer that loss is {@code -log p(c|x)} for each row; DL4J does not
 * divide the input gradient by the mini-batch size (that happens in the updater, which is never called here), so each
 * row's gradient is that of its own example (checked against finite differences in the test).
 *
 * <p>Freezing: the search runs on a {@link MultiLayerNetwork#clone() clone} of the network, so the caller's network
 * (parameters, input, labels, gradient view) is not touched; {@code calculateGradients} computes gradients without
 * applying any update, and after the search the clone's parameters are compared with the original's, an
 * {@link IllegalStateException} if they differ. {@code calculateGradients} runs the forward pass in training mode, so
 * on the clone dropout and weight noise are switched off (set to null on every layer's configuration): the gradient is
 * that of the inference-mode network, the one {@code output(x, false)} computes. Networks with batch normalisation,
 * whose training mode differs otherwise, are rejected; {@link ModelFactory} builds none.
 *
 * <p>Defaults (the paper names no optimiser, step size or regulariser): with learning rate
 * {@value #DEFAULT_LEARNING_RATE} a pixel moves at most a tenth of its range [0, 1] per step, so {@value #DEFAULT_STEPS}
 * steps let pixels with a tenth of the steepest gradient still travel the whole range; on the test's 9x9 bars network
 * every class goes from its empty-image probability to above 0.99. {@code lambda = }{@value #DEFAULT_LAMBDA} is a weak L2 pull towards
 * the empty image, so pixels that barely raise the class probability fade back to 0, while at {@code x = 1} its
 * gradient (1e-3) stays far below the log-probability's: the images show what the class needs, not what the box
 * constraint allows. Set it to 0 for the paper's plain maximisation.
 *
 * <p>The start: the empty image plus seeded noise uniform in [0, {@value #DEFAULT_START_NOISE}) by default. From the
 * exactly empty image a ReLU network whose first units all sit at exactly 0 there has a zero input gradient and can
 * never leave it: the net-fragment study's model 11, whose fixed line kernels have no bias, is such a network. One per cent of noise
 * is still an empty image to the eye and to the other models.
 */
public final class ActivationMaximisation {

    /** Default number of gradient steps. */
    public static final int DEFAULT_STEPS = 200;
    /** Default step size (pixels live in [0, 1]). */
    public static final double DEFAULT_LEARNING_RATE = 0.1;
    /** Default weight of the L2 penalty {@code lambda * ||x||^2 / 2}. */
    public static final double DEFAULT_LAMBDA = 1e-3;
    /** Default amplitude of the start noise. */
    public static final double DEFAULT_START_NOISE = 0.01;

    private final int steps;
    private final double learningRate;
    private final double lambda;
    private final double startNoise;
    private final long seed;

    /** The defaults: {@value #DEFAULT_STEPS} steps, learning rate {@value #DEFAULT_LEARNING_RATE}, lambda {@value #DEFAULT_LAMBDA}. */
    public ActivationMaximisation() {
        this(DEFAULT_STEPS, DEFAULT_LEARNING_RATE, DEFAULT_LAMBDA);
    }

    /**
     * @param steps        gradient steps, 1 to 1,000,000
     * @param learningRate step size, in (0, 1000]
     * @param lambda       L2 penalty weight, in [0, 1000]
     * @throws IllegalArgumentException naming the parameter out of range
     */
    public ActivationMaximisation(int steps, double learningRate, double lambda) {
        this(steps, learningRate, lambda, DEFAULT_START_NOISE, 0);
    }

    /**
     * @param startNoise the start is the empty image plus noise uniform in [0, startNoise), in [0, 0.5]; 0 for exactly empty
     * @param seed       seed of that noise
     */
    public ActivationMaximisation(int steps, double learningRate, double lambda, double startNoise, long seed) {
        if (!(startNoise >= 0 && startNoise <= 0.5)) throw new IllegalArgumentException("startNoise must be in [0, 0.5], got " + startNoise);
        this.startNoise = startNoise;
        this.seed = seed;
        if (steps < 1 || steps > 1_000_000) throw new IllegalArgumentException("steps must be in 1..1000000, got " + steps);
        if (!(learningRate > 0 && learningRate <= 1000)) throw new IllegalArgumentException("learningRate must be in (0, 1000], got " + learningRate);
        if (!(lambda >= 0 && lambda <= 1000)) throw new IllegalArgumentException("lambda must be in [0, 1000], got " + lambda);
        this.steps = steps;
        this.learningRate = learningRate;
        this.lambda = lambda;
    }

    public int steps() { return steps; }
    public double startNoise() { return startNoise; }
    public long seed() { return seed; }
    public double learningRate() { return learningRate; }
    public double lambda() { return lambda; }

    /** The result for one class: the image that maximises its probability, and its probability before and after. */
    public static final class ClassImage {
        private final int classIndex;
        private final float[] image;
        private final double startProbability;
        private final double endProbability;

        ClassImage(int classIndex, float[] image, double startProbability, double endProbability) {
            this.classIndex = classIndex;
            this.image = image;
            this.startProbability = startProbability;
            this.endProbability = endProbability;
        }

        public int classIndex() { return classIndex; }
        /** The image, {@code channels * height * width} values in [0, 1], index {@code (ch * height + row) * width + col}. */
        public float[] image() { return image; }
        /** p(c | empty image). */
        public double startProbability() { return startProbability; }
        /** p(c | the found image). */
        public double endProbability() { return endProbability; }
    }

    /**
     * Finds one image per class.
     *
     * @param net      trained network: flat input of {@code channels * height * width} values (as
     *                 {@code InputType.convolutionalFlat} or {@code feedForward} give), softmax output layer with
     *                 MCXENT (or negative log-likelihood) loss; not modified
     * @param monitor  progress in steps; cancellation is checked before each step
     * @return one entry per class, in class order
     * @throws IllegalArgumentException if the network or the image size does not fit
     * @throws ArithmeticException      if a gradient or the image becomes NaN or infinite
     * @throws CancelledException       if the monitor was cancelled
     */
    public List<ClassImage> run(MultiLayerNetwork net, int channels, int height, int width, ProgressMonitor monitor) {
        if (channels < 1 || height < 1 || width < 1) {
            throw new IllegalArgumentException("image size must be positive, got " + channels + "x" + height + "x" + width);
        }
        long n = (long) channels * height * width;
        long expected = inputSize(net);
        if (expected < 0) throw new IllegalArgumentException("cannot tell the network's input size: its first layer is neither dense nor a flat-input convolution");
        if (expected != n) {
            throw new IllegalArgumentException("the network takes " + expected + " input values, not " + channels + "x"
                    + height + "x" + width + " = " + n);
        }
        MultiLayerNetwork frozen = frozenCopy(net);
        int classes = (int) ((FeedForwardLayer) frozen.getOutputLayer().conf().getLayer()).getNOut();
        INDArray labels = Nd4j.eye(classes).castTo(frozen.params().dataType());
        INDArray x = Nd4j.zeros(frozen.params().dataType(), classes, n);
        if (startNoise > 0) { // the empty image plus seeded noise in [0, startNoise), see the class comment
            java.util.Random rnd = new java.util.Random(seed);
            for (int c = 0; c < classes; c++) for (long i = 0; i < n; i++) x.putScalar(c, i, rnd.nextDouble() * startNoise);
        }
        double[] start = ownClassProbabilities(frozen, x);
        monitor.start("activation maximisation of " + classes + " classes", steps);
        INDArray best = x.dup();
        double[] bestScore = objective(frozen, x);
        for (int step = 0; step < steps; step++) {
            if (monitor.isCancelled()) throw new CancelledException();
            // ascent on log p - lambda ||x||^2 / 2, each row's step normalised so that its steepest pixel moves by
            // learningRate, then projection onto [0, 1]
            INDArray grad = logProbabilityGradient(frozen, x, labels).subi(x.mul(lambda));
            INDArray steepest = Transforms.max(Transforms.abs(grad, true).max(1), 1e-12, false).reshape(classes, 1);
            x.addi(grad.diviColumnVector(steepest).muli(learningRate));
            Transforms.min(Transforms.max(x, 0.0, false), 1.0, false);
            if (!Double.isFinite(x.sumNumber().doubleValue())) {
                throw new ArithmeticException("activation maximisation diverged (NaN or infinite pixels) at step " + (step + 1));
            }
            double[] score = objective(frozen, x);
            for (int c = 0; c < classes; c++) {
                if (score[c] > bestScore[c]) {
                    bestScore[c] = score[c];
                    best.putRow(c, x.getRow(c));
                }
            }
            monitor.progress(step + 1, null);
        }
        x = best;
        double[] end = ownClassProbabilities(frozen, x);
        if (!Arrays.equals(frozen.params().toDoubleVector(), net.params().toDoubleVector())) {
            throw new IllegalStateException("the network's parameters changed during activation maximisation");
        }
        monitor.progress(steps, String.format(Locale.ROOT, "mean class probability %.3f -> %.3f", mean(start), mean(end)));
        float[][] images = x.toFloatMatrix();
        List<ClassImage> out = new ArrayList<>(classes);
        for (int c = 0; c < classes; c++) {
            if (Double.isNaN(end[c])) throw new ArithmeticException("the probability of class " + c + " is NaN");
            out.add(new ClassImage(c, images[c], start[c], end[c]));
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * A clone of {@code net} whose training-mode forward pass equals its inference-mode one (dropout and weight noise
     * off), after checking that its output is a softmax with cross-entropy loss.
     */
    static MultiLayerNetwork frozenCopy(MultiLayerNetwork net) {
        org.deeplearning4j.nn.conf.layers.Layer out = net.getOutputLayer().conf().getLayer();
        if (!(out instanceof BaseOutputLayer)
                || !(((BaseOutputLayer) out).getActivationFn() instanceof ActivationSoftmax)
                || !(((BaseOutputLayer) out).getLossFn() instanceof LossMCXENT)) {
            throw new IllegalArgumentException("activation maximisation needs a softmax output layer with cross-entropy (MCXENT) loss, got "
                    + out.getClass().getSimpleName());
        }
        if (((LossMCXENT) ((BaseOutputLayer) out).getLossFn()).getWeights() != null) {
            throw new IllegalArgumentException("activation maximisation needs an unweighted cross-entropy loss");
        }
        MultiLayerNetwork copy = ConvolutionOps.install(net.clone());
        for (Layer l : copy.getLayers()) {
            org.deeplearning4j.nn.conf.layers.Layer conf = l.conf().getLayer();
            if (conf instanceof BatchNormalization) {
                throw new IllegalArgumentException("activation maximisation does not support batch normalisation layers");
            }
            conf.setIDropout(null);
            if (conf instanceof BaseLayer) ((BaseLayer) conf).setWeightNoise(null);
        }
        return copy;
    }

    /** Row i: the gradient of {@code log p(argmax labels_i | x_i)} with respect to {@code x_i}, from DL4J's backprop. */
    static INDArray logProbabilityGradient(MultiLayerNetwork frozen, INDArray x, INDArray labels) {
        INDArray lossGradient = frozen.calculateGradients(x, labels, null, null).getSecond();
        INDArray g = lossGradient.reshape(x.shape()).neg();
        if (!Double.isFinite(g.sumNumber().doubleValue())) throw new ArithmeticException("the input gradient is NaN or infinite");
        return g;
    }

    /** Row i of x's probability of class i. */
    /** Per row: log p(c | x_c) - lambda ||x_c||^2 / 2, the quantity maximised. */
    private double[] objective(MultiLayerNetwork frozen, INDArray x) {
        double[] p = ownClassProbabilities(frozen, x);
        double[] o = new double[p.length];
        for (int c = 0; c < p.length; c++) {
            double norm2 = x.getRow(c).norm2Number().doubleValue();
            o[c] = Math.log(Math.max(p[c], Double.MIN_VALUE)) - lambda * norm2 * norm2 / 2;
        }
        return o;
    }

    private static double[] ownClassProbabilities(MultiLayerNetwork frozen, INDArray x) {
        INDArray p = frozen.output(x, false);
        double[] d = new double[(int) x.rows()];
        for (int c = 0; c < d.length; c++) d[c] = p.getDouble(c, c);
        return d;
    }

    /** The number of input values the network takes, or -1 if it cannot tell. */
    static long inputSize(MultiLayerNetwork net) {
        InputPreProcessor pre = net.getLayerWiseConfigurations().getInputPreProcess(0);
        if (pre instanceof FeedForwardToCnnPreProcessor) {
            FeedForwardToCnnPreProcessor p = (FeedForwardToCnnPreProcessor) pre;
            return p.getNumChannels() * p.getInputHeight() * p.getInputWidth();
        }
        org.deeplearning4j.nn.conf.layers.Layer first = net.getLayer(0).conf().getLayer();
        if (pre == null && first instanceof FeedForwardLayer) return ((FeedForwardLayer) first).getNIn();
        return -1;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double d : v) s += d;
        return s / v.length;
    }
}
