package io.producer.engine.analyze;

import io.producer.engine.score.Key;

/**
 * Key by correlating the song's pitch-class distribution with the Krumhansl–Kessler probe-tone
 * profiles rotated to all 24 major and minor keys; the strength is the winning correlation.
 */
final class KeyFinder {
    private static final double[] MAJOR = {6.35, 2.23, 3.48, 2.33, 4.38, 4.09, 2.52, 5.19, 2.39, 3.66, 2.29, 2.88};
    private static final double[] MINOR = {6.33, 2.68, 3.52, 5.38, 2.60, 3.53, 2.54, 4.75, 3.98, 2.69, 3.34, 3.17};

    record Result(Key key, double strength) {}

    private KeyFinder() {}

    static Result find(double[] pitchClassWeights) {
        Key best = new Key(0, Key.Mode.MAJOR);
        double bestR = -2;
        double[] rotated = new double[12];
        for (int mode = 0; mode < 2; mode++) {
            double[] profile = mode == 0 ? MAJOR : MINOR;
            for (int tonic = 0; tonic < 12; tonic++) {
                for (int k = 0; k < 12; k++) rotated[(k + tonic) % 12] = profile[k];
                double r = BeatFeatures.pearson(pitchClassWeights, rotated);
                if (r > bestR + 1e-12) {
                    bestR = r;
                    best = new Key(tonic, mode == 0 ? Key.Mode.MAJOR : Key.Mode.MINOR);
                }
            }
        }
        return new Result(best, Math.max(0, bestR));
    }
}
