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

    /**
     * The tonal polish (high-pass, low and high shelves) applied block by block as the pre-master
     * is made, metering the polished mix's loudness on the way, so mastering needs no pass of its own for it.
     */
    static final class Polish {
        private final Biquad[] eqL, eqR;
        private final LoudnessMeter.Meter meter;

        Polish(int rate, int frames) {
            eqL = new Biquad[]{Biquad.highPass(rate, 25, 0.707), Biquad.lowShelf(rate, 90, 0.8), Biquad.highShelf(rate, 11000, 1.2)};
            eqR = new Biquad[]{Biquad.highPass(rate, 25, 0.707), Biquad.lowShelf(rate, 90, 0.8), Biquad.highShelf(rate, 11000, 1.2)};
            meter = new LoudnessMeter.Meter(rate, frames, false);
        }

        /** Polishes the next {@code n} frames in place. */
        void process(float[] l, float[] r, int n) {
            for (int k = 0; k < eqL.length; k++) Biquad.processPair(eqL[k], l, eqR[k], r, 0, n);
            meter.add(l, r, n);
        }

        double lufs() { return meter.integratedLufs(); }
    }

    /** Masters a plain buffer (left untouched) into a new one. */
    static AudioBuffer master(AudioBuffer premaster, double targetLufs, double maxTruePeakDbtp) {
        int n = premaster.frames();
        StereoChunks polished = StereoChunks.copyOf(premaster);
        Polish polish = new Polish(premaster.sampleRate(), n);
        for (int c = 0; c < polished.chunks(); c++) polish.process(polished.left(c), polished.right(c), polished.chunkFrames(c));
        float[] l = new float[n], r = new float[n];
        int[] at = {0};
        master(polished, polish.lufs(), targetLufs, maxTruePeakDbtp, (bl, br, m) -> {
            System.arraycopy(bl, 0, l, at[0], m);
            System.arraycopy(br, 0, r, at[0], m);
            at[0] += m;
        });
        return new AudioBuffer(premaster.sampleRate(), l, r);
    }

    /** Masters the {@link Polish polished} pre-master, of loudness {@code lufs}, into {@code out}, releasing it as it writes. */
    static void master(StereoChunks premaster, double lufs, double targetLufs, double maxTruePeakDbtp, Sink out) {
        int rate = premaster.sampleRate(), n = premaster.frames();
        if (lufs <= LoudnessMeter.SILENCE_LUFS + 1) { // nothing to make loud
            run(premaster, 0, Float.POSITIVE_INFINITY, 1f, null, out, null, true);
            return;
        }

        Limiter limiter = new Limiter(rate, 1.5, 80);
        double gainDb = targetLufs - lufs;
        double ceilingDb = maxTruePeakDbtp - 0.4;
        double bestGain = 0, bestCeiling = 0, bestErr = Double.MAX_VALUE;
        boolean found = false;
        double lastGain = 0, lastCeiling = 0, lastMeasured = 0, lastTp = 0; // the previous attempt, then the final one
        for (int iteration = 0; iteration < 6; iteration++) {
            LoudnessMeter.Meter meter = new LoudnessMeter.Meter(rate, n, true);
            run(premaster, gainDb, (float) Math.pow(10, ceilingDb / 20), 1f, limiter, null, meter, false);
            double measured = meter.integratedLufs();
            double tp = LoudnessMeter.dbtp(meter.truePeak());
            boolean peakOk = tp <= maxTruePeakDbtp;
            double err = Math.abs(measured - targetLufs);
            if (peakOk && err < bestErr) { bestGain = gainDb; bestCeiling = ceilingDb; bestErr = err; found = true; }
            if (peakOk && err <= 0.2) break;
            // Each step divides by a secant through the previous attempt. Inter-sample peaks overshoot a
            // lower sample-peak ceiling by more (true peak moved 0.7-1.0 dB per dB of ceiling on our masters),
            // and limiting eats part of every dB of gain; stepping by the plain shortfall undershot, attempt after attempt.
            double tpSlope = 1, lufsSlope = 1;
            if (iteration > 0 && Math.abs(ceilingDb - lastCeiling) > 0.05)
                tpSlope = Math.max(0.5, Math.min(1, (tp - lastTp) / (ceilingDb - lastCeiling)));
            if (iteration > 0 && Math.abs(ceilingDb - lastCeiling) < 1e-9 && Math.abs(gainDb - lastGain) > 0.05)
                lufsSlope = Math.max(0.3, Math.min(1, (measured - lastMeasured) / (gainDb - lastGain)));
            lastGain = gainDb;
            lastCeiling = ceilingDb;
            lastMeasured = measured;
            lastTp = tp;
            if (!peakOk) ceilingDb -= (tp - maxTruePeakDbtp + 0.05) / tpSlope;
            gainDb += (targetLufs - measured) / lufsSlope;
        }
        if (found) {
            run(premaster, bestGain, (float) Math.pow(10, bestCeiling / 20), 1f, limiter, out, null, true);
            return;
        }
        // Very sparse, peaky material (a lone kick under a quiet pad) can keep poking inter-sample peaks
        // through the limiter. The true-peak ceiling is the hard promise, loudness the soft one: a plain
        // gain cut scales true peak exactly, so it always lands under the ceiling.
        float cut = (float) Math.pow(10, (maxTruePeakDbtp - 0.05 - lastTp) / 20);
        run(premaster, lastGain, (float) Math.pow(10, lastCeiling / 20), cut, limiter, out, null, true);
    }

    /**
     * One pass: the polished mix times the gain, through a fresh limiter pass (when {@code limiter}
     * is not null), times {@code cut}, into {@code sink} or else {@code meter}; the final pass
     * ({@code release}) drops the polished mix behind it. The sink (or the meter's two channels, one
     * task each) takes each block on the other cores while the limiter fills the next.
     */
    private static void run(StereoChunks polished, double gainDb, float ceiling, float cut, Limiter limiter, Sink sink,
                            LoudnessMeter.Meter meter, boolean release) {
        int n = polished.frames();
        int w = limiter == null ? 0 : limiter.lookahead();
        float g = (float) Math.pow(10, gainDb / 20);
        float[][] l = {new float[BLOCK + w], new float[BLOCK + w]}, r = {new float[BLOCK + w], new float[BLOCK + w]};
        Limiter.Stream lim = limiter == null ? null : limiter.stream(n, ceiling);
        java.util.concurrent.Future<?> pending = null, pendingRight = null;
        for (int pos = 0, b = 0; pos < n; pos += BLOCK, b ^= 1) {
            int m = Math.min(BLOCK, n - pos), ahead = Math.min(BLOCK + w, n - pos);
            float[] bl = l[b], br = r[b];
            polished.read(pos, bl, br, ahead);
            if (lim != null) {
                for (int i = 0; i < ahead; i++) { bl[i] *= g; br[i] *= g; }
                lim.process(bl, br, m);
            }
            if (cut != 1f) for (int i = 0; i < m; i++) { bl[i] *= cut; br[i] *= cut; }
            if (sink != null) { // the polish filters ring on after the bus's end ramp; the master ends on zero itself
                ScoreEnvelopes.endRamp(n, polished.sampleRate(), pos, m, bl);
                ScoreEnvelopes.endRamp(n, polished.sampleRate(), pos, m, br);
            }
            await(pending); // each consumer sees the blocks one at a time, in order
            await(pendingRight);
            if (release) polished.releaseBefore(pos);
            if (meter != null) {
                pending = MixThreads.POOL.submit(() -> meter.addLeft(bl, m));
                pendingRight = MixThreads.POOL.submit(() -> meter.addRight(br, m));
            } else {
                pending = MixThreads.POOL.submit(() -> sink.write(bl, br, m));
            }
        }
        await(pending);
        await(pendingRight);
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
