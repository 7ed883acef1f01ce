package io.producer.engine.mix;

import io.producer.engine.audio.AudioBuffer;

/** The eval tools' click measure: the largest |x[n] − x[n−1]| in dB above the RMS of the surrounding 50 ms (floor −60 dBFS). */
final class ClickMeter {
    private ClickMeter() {}

    static double maxJumpDb(AudioBuffer b) {
        double worst = -200;
        int half = b.sampleRate() / 40;
        for (float[] x : new float[][]{b.left(), b.right()}) {
            int n = x.length;
            double[] cum = new double[n + 1];
            for (int i = 0; i < n; i++) cum[i + 1] = cum[i] + x[i] * (double) x[i];
            for (int i = 1; i < n; i++) {
                double jump = Math.abs(x[i] - x[i - 1]);
                if (jump < 1e-4) continue;
                int a = Math.max(0, i - half), z = Math.min(n, i + half);
                double rms = Math.max(Math.sqrt((cum[z] - cum[a]) / (z - a)), 1e-3);
                worst = Math.max(worst, 20 * Math.log10(jump / rms));
            }
        }
        return worst;
    }
}
