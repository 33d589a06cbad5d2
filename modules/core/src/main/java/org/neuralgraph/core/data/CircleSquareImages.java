package org.neuralgraph.core.data;

import java.util.Locale;
import java.util.Random;

/**
 * The synthetic data set of Brüel Gabrielsson, Section 6: "28 x 28 pixel images with either a circle or a square of random
 * radius and width respectively" (10,000 training and 2,500 test images), which the paper's CNN learns to tell
 * apart. Label {@link #CIRCLE} = 0, {@link #SQUARE} = 1. The paper's Fig. 3 is not in its text, so the drawing is
 * ours:
 * <ul>
 *   <li><b>Outlines, 2 px wide</b> (or filled, with stroke 0). The paper asks whether the first-layer filters learn
 *       edges and lines of every orientation (Section 5) and compares the result with MNIST (Section 6: "a pattern
 *       also found among our weights trained on the MNIST data"); an outline is a stroke as wide as an MNIST pen
 *       stroke, so both data sets show the filters thin lines: of every orientation on a circle, only horizontal and
 *       vertical ones on a square.</li>
 *   <li><b>Same size distribution for both shapes</b>: the circle's radius and the square's half-width (centre to
 *       the middle of the stroke) are uniform in [{@link #MIN_HALF}, {@link #MAX_HALF}] px, so the square's width is
 *       10..22 px and the circle's diameter too: size says nothing about the class, only the shape does.</li>
 *   <li><b>Random centre</b>, continuous, uniform among the positions that keep the whole shape, stroke and
 *       anti-aliasing included, at least one pixel away from the border. Squares are axis-aligned (the paper names
 *       no rotation).</li>
 *   <li><b>Anti-aliased</b>, white on black like MNIST: a pixel's value falls linearly from 1 to 0 over the pixel
 *       at the edge of the stroke (its value is {@code clamp(stroke/2 + 1/2 - |d|, 0, 1)} with {@code d} the
 *       signed distance of the pixel centre to the outline; Chebyshev distance for the square, whose corners stay
 *       sharp). Without it a circle is a staircase of horizontal and vertical steps.</li>
 *   <li><b>Optional pixel noise</b>: Gaussian with the given standard deviation, added and clipped to [0, 1]
 *       (default 0: the paper mentions none).</li>
 *   <li><b>Balanced</b>: {@code n/2} circles and {@code n - n/2} squares in a seeded random order.</li>
 * </ul>
 * Everything is drawn from one {@link Random} of the given seed, so the same seed gives the same images.
 */
public final class CircleSquareImages {

    /** Image side, pixels. */
    public static final int SIZE = 28;
    /** Labels. */
    public static final int CIRCLE = 0, SQUARE = 1;
    /** Section 6's set sizes. */
    public static final int PAPER_TRAIN = 10_000, PAPER_TEST = 2_500;
    /** Range of the circle's radius and the square's half-width, pixels (centre to the middle of the stroke). */
    public static final double MIN_HALF = 5, MAX_HALF = 11;
    /** Default outline width, pixels. */
    public static final double STROKE = 2;

    private final double stroke;
    private final double noise;

    /**
     * @param stroke outline width in pixels, in [0.5, 3] (wider would not fit the largest shape inside the 1 px margin); 0 draws filled shapes
     * @param noise  standard deviation of the Gaussian pixel noise, in [0, 1]; 0 for none
     */
    public CircleSquareImages(double stroke, double noise) {
        if (!(stroke == 0 || (stroke >= 0.5 && stroke <= 3))) throw new IllegalArgumentException("stroke must be 0 (filled) or in [0.5, 3] px, got " + stroke);
        if (!(noise >= 0 && noise <= 1)) throw new IllegalArgumentException("noise must be in [0, 1], got " + noise);
        this.stroke = stroke;
        this.noise = noise;
    }

    /** Outlines {@link #STROKE} px wide, no noise: the default. */
    public static CircleSquareImages outlines() {
        return new CircleSquareImages(STROKE, 0);
    }

    /** Section 6's 10,000 training and 2,500 test images of the default drawing. */
    public static TrainTestData paper(long seed) {
        return outlines().trainTest(PAPER_TRAIN, PAPER_TEST, seed);
    }

    public double stroke() { return stroke; }
    public double noise() { return noise; }

    /** {@code n} images, balanced, in a seeded random order. */
    public LabeledImages generate(int n, long seed) {
        return generate(n, new Random(seed));
    }

    /**
     * Training and test images from one seeded stream, the training images first (so they do not depend on
     * {@code nTest}).
     */
    public TrainTestData trainTest(int nTrain, int nTest, long seed) {
        Random rnd = new Random(seed);
        LabeledImages train = generate(nTrain, rnd);
        LabeledImages test = generate(nTest, rnd);
        String how = stroke == 0 ? "filled" : String.format(Locale.ROOT, "%.1f px outlines", stroke);
        String noisy = noise == 0 ? "" : String.format(Locale.ROOT, ", pixel noise sd %.2f", noise);
        return new TrainTestData(train, test, String.format(Locale.ROOT,
                "synthetic circles and squares (Brüel Gabrielsson, Section 6): %d training and %d test images of %dx%d, %s, "
                        + "radius/half-width %.0f-%.0f px%s, seed %d",
                nTrain, nTest, SIZE, SIZE, how, MIN_HALF, MAX_HALF, noisy, seed));
    }

    private LabeledImages generate(int n, Random rnd) {
        if (n < 1) throw new IllegalArgumentException("number of images must be >= 1, got " + n);
        int px = SIZE * SIZE;
        int[] order = Permutations.random(n, rnd);
        int[] labels = new int[n];
        for (int k = 0; k < n; k++) labels[order[k]] = k < n / 2 ? CIRCLE : SQUARE;
        float[] pixels = new float[n * px];
        double reach = reach(stroke);
        for (int i = 0; i < n; i++) {
            double half = MIN_HALF + (MAX_HALF - MIN_HALF) * rnd.nextDouble();
            double lo = 1 + half + reach, hi = SIZE - 1 - half - reach;
            double cx = lo + (hi - lo) * rnd.nextDouble();
            double cy = lo + (hi - lo) * rnd.nextDouble();
            float[] img = draw(labels[i], cx, cy, half, stroke);
            if (noise > 0) {
                for (int p = 0; p < px; p++) img[p] = (float) Math.min(1, Math.max(0, img[p] + noise * rnd.nextGaussian()));
            }
            System.arraycopy(img, 0, pixels, i * px, px);
        }
        return new LabeledImages(pixels, labels, SIZE, SIZE, 2);
    }

    /** How far beyond the outline's middle line ink can reach: half the stroke plus the one-pixel anti-aliasing ramp. */
    static double reach(double stroke) {
        return stroke == 0 ? 0.5 : stroke / 2 + 0.5;
    }

    /**
     * One {@link #SIZE} x {@link #SIZE} image, row-major: a circle of radius {@code half} or an axis-aligned square
     * of half-width {@code half}, centred at ({@code cx}, {@code cy}) in pixel units (pixel (r, c) covers
     * [c, c+1] x [r, r+1], its centre is (c + 0.5, r + 0.5)).
     *
     * @param stroke outline width, or 0 for a filled shape
     */
    public static float[] draw(int shape, double cx, double cy, double half, double stroke) {
        if (shape != CIRCLE && shape != SQUARE) throw new IllegalArgumentException("shape must be CIRCLE (0) or SQUARE (1), got " + shape);
        float[] img = new float[SIZE * SIZE];
        for (int r = 0; r < SIZE; r++) {
            for (int c = 0; c < SIZE; c++) {
                double dx = c + 0.5 - cx, dy = r + 0.5 - cy;
                double d = shape == CIRCLE ? Math.sqrt(dx * dx + dy * dy) - half : Math.max(Math.abs(dx), Math.abs(dy)) - half;
                double v = stroke == 0 ? 0.5 - d : stroke / 2 + 0.5 - Math.abs(d);
                img[r * SIZE + c] = (float) Math.min(1, Math.max(0, v));
            }
        }
        return img;
    }
}
