package io.producer.engine.mix;

import io.producer.engine.audio.AudioBuffer;
import io.producer.engine.audio.LoudnessMeter;
import io.producer.engine.audio.StereoChunks;
import io.producer.engine.render.synth.Biquad;

/**
 * The master bus: a gentle tonal polish, then loudness. Gain and limiting are iterated against
 * the engine's own BS.1770 meter: set the gain for the target loudness, limit to a sample ceiling a
 * little under the true-peak limit, measure integrated loudness and true peak, and correct (more
 * gain when limiting ate loudness, a lower ceiling when inter-sample peaks poke through).
 *
 * <p>Each attempt streams the polished mix through gain, limiter and meter block by block and keeps
 * only the two numbers; the chosen attempt is then run once more into the output. So mastering
 * holds one song-length buffer (the polished mix, filtered in place) however many attempts it takes.
 */
final class Mastering {
    private static final int BLOCK = 1 << 14;

    private Mastering() {}

    /** Receives the master block by block, front to back. */
    interface Sink {
        void write(float[] left, float[] right, int n);
    }

    /** Masters a plain buffer (left untouched) into a new one. */
    static AudioBuffer master(AudioBuffer premaster, double targetLufs, double maxTruePeakDbtp) {
        int n = premaster.frames();
        float[] l = new float[n], r = new float[n];
        int[] at = {0};
        master(StereoChunks.copyOf(premaster), targetLufs, maxTruePeakDbtp, (bl, br, m) -> {
            System.arraycopy(bl, 0, l, at[0], m);
            System.arraycopy(br, 0, r, at[0], m);
            at[0] += m;
        });
        return new AudioBuffer(premaster.sampleRate(), l, r);
    }

    /** Masters {@code premaster} (which it filters in place and releases as it writes) into {@code out}. */
    static void master(StereoChunks premaster, double targetLufs, double maxTruePeakDbtp, Sink out) {
        int rate = premaster.sampleRate(), n = premaster.frames();
        Biquad[] eq = {Biquad.highPass(rate, 25, 0.707), Biquad.lowShelf(rate, 90, 0.8), Biquad.highShelf(rate, 11000, 1.2)};
        Biquad[] eqR = {Biquad.highPass(rate, 25, 0.707), Biquad.lowShelf(rate, 90, 0.8), Biquad.highShelf(rate, 11000, 1.2)};
        LoudnessMeter.Meter polishedMeter = new LoudnessMeter.Meter(rate, n, false);
        for (int c = 0; c < premaster.chunks(); c++) {
            float[] l = premaster.left(c), r = premaster.right(c);
            int m = premaster.chunkFrames(c);
            for (int k = 0; k < eq.length; k++) Biquad.processPair(eq[k], l, eqR[k], r, 0, m);
            polishedMeter.add(l, r, m);
        }
        double lufs = polishedMeter.integratedLufs();
        if (lufs <= LoudnessMeter.SILENCE_LUFS + 1) { // nothing to make loud
            run(premaster, 0, Float.POSITIVE_INFINITY, 1f, null, out, true);
            return;
        }

        Limiter limiter = new Limiter(rate, 1.5, 80);
        double gainDb = targetLufs - lufs;
        double ceilingDb = maxTruePeakDbtp - 0.4;
        double bestGain = 0, bestCeiling = 0, lastGain = 0, lastCeiling = 0;
        boolean found = false;
        double bestErr = Double.MAX_VALUE, lastTp = 0;
        for (int iteration = 0; iteration < 6; iteration++) {
            LoudnessMeter.Meter meter = new LoudnessMeter.Meter(rate, n, true);
            run(premaster, gainDb, (float) Math.pow(10, ceilingDb / 20), 1f, limiter, meter::add, false);
            double measured = meter.integratedLufs();
            double tp = LoudnessMeter.dbtp(meter.truePeak());
            lastGain = gainDb;
            lastCeiling = ceilingDb;
            lastTp = tp;
            boolean peakOk = tp <= maxTruePeakDbtp;
            double err = Math.abs(measured - targetLufs);
            if (peakOk && err < bestErr) { bestGain = gainDb; bestCeiling = ceilingDb; bestErr = err; found = true; }
            if (peakOk && err <= 0.2) break;
            if (!peakOk) ceilingDb -= (tp - maxTruePeakDbtp) + 0.05;
            gainDb += targetLufs - measured;
        }
        if (found) {
            run(premaster, bestGain, (float) Math.pow(10, bestCeiling / 20), 1f, limiter, out, true);
            return;
        }
        // Very sparse, peaky material (a lone kick under a quiet pad) can keep poking inter-sample peaks
        // through the limiter. The true-peak ceiling is the hard promise, loudness the soft one: a plain
        // gain cut scales true peak exactly, so it always lands under the ceiling.
        float cut = (float) Math.pow(10, (maxTruePeakDbtp - 0.05 - lastTp) / 20);
        run(premaster, lastGain, (float) Math.pow(10, lastCeiling / 20), cut, limiter, out, true);
    }

    /**
     * One pass: the polished mix times the gain, through a fresh limiter pass (when {@code limiter}
     * is not null), times {@code cut}, into {@code sink}; the final pass ({@code release}) drops the
     * polished mix behind it.
     */
    private static void run(StereoChunks polished, double gainDb, float ceiling, float cut, Limiter limiter, Sink sink, boolean release) {
        int n = polished.frames();
        int w = limiter == null ? 0 : limiter.lookahead();
        float g = (float) Math.pow(10, gainDb / 20);
        // two block buffers: the sink takes one on another core while the limiter fills the other
        float[][] l = {new float[BLOCK + w], new float[BLOCK + w]}, r = {new float[BLOCK + w], new float[BLOCK + w]};
        Limiter.Stream lim = limiter == null ? null : limiter.stream(n, ceiling);
        java.util.concurrent.Future<?> pending = null;
        for (int pos = 0, b = 0; pos < n; pos += BLOCK, b ^= 1) {
            int m = Math.min(BLOCK, n - pos), ahead = Math.min(BLOCK + w, n - pos);
            float[] bl = l[b], br = r[b];
            polished.read(pos, bl, br, ahead);
            if (lim != null) {
                for (int i = 0; i < ahead; i++) { bl[i] *= g; br[i] *= g; }
                lim.process(bl, br, m);
            }
            if (cut != 1f) for (int i = 0; i < m; i++) { bl[i] *= cut; br[i] *= cut; }
            await(pending); // the sink sees the blocks one at a time, in order
            if (release) polished.releaseBefore(pos);
            pending = MixThreads.POOL.submit(() -> sink.write(bl, br, m));
        }
        await(pending);
        if (release) polished.releaseBefore(n);
    }

    private static void await(java.util.concurrent.Future<?> f) {
        if (f == null) return;
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("mastering interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IllegalStateException(e.getCause());
        }
    }
}
