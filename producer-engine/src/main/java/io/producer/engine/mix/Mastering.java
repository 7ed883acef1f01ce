package io.producer.engine.mix;

import io.producer.engine.audio.AudioBuffer;
import io.producer.engine.audio.LoudnessMeter;
import io.producer.engine.audio.StereoChunks;
import io.producer.engine.render.synth.Biquad;

import java.util.concurrent.CompletableFuture;

/**
 * The master bus: a gentle tonal polish, then loudness. The limiter's drive is iterated against
 * the engine's own BS.1770 meter: drive the limiter, measure integrated loudness and true peak,
 * and drive harder while the peaks stand too far above the loudness for both targets; then a gain
 * after the limiter sets the loudness exactly.
 *
 * <p>Each attempt streams the polished mix through gain, limiter and meter block by block and keeps
 * only the two numbers; the chosen attempt is then run once more into the output. So mastering
 * holds one song-length buffer (the polished mix, filtered in place) however many attempts it takes.
 */
final class Mastering {
    private static final int BLOCK = 1 << 14;
    /**
     * How far over the allowed peak-to-loudness ratio an attempt is still taken rather than limit once
     * more: with the 0.05 dB kept under the peak limit, the master lands at most 0.2 LU under its target.
     */
    private static final double LOUDNESS_TOLERANCE_DB = 0.15;
    /**
     * The most the limiter is driven beyond the first attempt. The eval prompts needed up to 4.8 dB more; material
     * that asks for more (lone clicks under near-silence) is delivered quieter rather than crushed.
     */
    private static final double MAX_EXTRA_DRIVE_DB = 12;

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Mastering.class);

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
            Biquad.processCascade(eqL, l, eqR, r, 0, n);
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
            run(premaster, 0, 1f, null, out, null, true);
            return;
        }

        Limiter limiter = new Limiter(rate, 1.5, 80);
        // The limiter only compares levels with its ceiling, so limiting g·x to a ceiling c is c times
        // limiting (g/c)·x to 1: an attempt is one number, the drive g/c. Loudness and true peak both
        // scale exactly with a gain after the limiter, so one attempt tells what it would give at any
        // output gain: a master at the target loudness peaks at target + (its peak-to-loudness ratio).
        // The search is only for the least drive whose ratio fits between the target and the peak limit.
        double allowedPlr = maxTruePeakDbtp - targetLufs;
        double firstDrive = targetLufs - lufs - (maxTruePeakDbtp - 0.4), driveDb = firstDrive;
        double bestDrive = driveDb, bestLufs = 0, bestTp = 0, bestPlr = Double.MAX_VALUE;
        double lastDrive = 0, lastPlr = 0;
        int attempts = 0;
        for (int attempt = 0; attempt < 6; attempt++) {
            attempts++;
            LoudnessMeter.Meter meter = new LoudnessMeter.Meter(rate, n, true);
            run(premaster, driveDb, 1f, limiter, null, meter, false);
            double measured = meter.integratedLufs();
            double tp = LoudnessMeter.dbtp(meter.truePeak());
            double plr = tp - measured;
            if (plr < bestPlr) { bestDrive = driveDb; bestLufs = measured; bestTp = tp; bestPlr = plr; }
            if (plr <= allowedPlr + LOUDNESS_TOLERANCE_DB) break; // the output gain below gives up the excess in loudness
            // A dB of drive takes less than a dB off the ratio: limiting eats part of the loudness it adds,
            // and inter-sample peaks rise as more samples sit at the ceiling. Our masters lost 0.67-0.9 dB
            // of ratio per dB at the first step (0.33 on a pop song already limited hard, whose next dBs took
            // off more); after it, a secant, at least 0.4.
            double slope = attempt == 0 ? 0.7 : Math.max(0.4, Math.min(1, (lastPlr - plr) / (driveDb - lastDrive)));
            lastDrive = driveDb;
            lastPlr = plr;
            double next = Math.min(firstDrive + MAX_EXTRA_DRIVE_DB, driveDb + (plr - allowedPlr + 0.05) / slope);
            if (next <= driveDb) break;
            driveDb = next;
        }
        // The true-peak limit is the hard promise, loudness the soft one: a master whose ratio is a
        // little over ends a little under the target, and very sparse, peaky material (a lone kick
        // under a quiet pad), whose inter-sample peaks stay however hard it is limited, is as loud as they allow.
        double outDb = Math.min(targetLufs - bestLufs, maxTruePeakDbtp - 0.05 - bestTp);
        if (LOG.isDebugEnabled()) LOG.debug(String.format(java.util.Locale.ROOT,
                "pre-master %.2f LUFS: %d attempts, first drive %.2f dB, chosen %.2f dB (ratio %.2f dB), output %.2f dB",
                lufs, attempts, firstDrive, bestDrive, bestPlr, outDb));
        run(premaster, bestDrive, (float) Math.pow(10, outDb / 20), limiter, out, null, true);
    }

    /** Limited blocks a consumer may lag behind the limiter. */
    private static final int AHEAD = 6;

    /**
     * One pass: the polished mix times the gain (the drive), through a fresh limiter pass to a ceiling
     * of 1 (when {@code limiter} is not null), times {@code outGain}, into {@code sink} or else
     * {@code meter}; the final pass ({@code release}) drops the polished mix behind it.
     *
     * <p>The limiter and the consumers (the sink, or the meter's two channels) are lanes on the mixer's
     * threads, each taking the blocks in order; the limiter runs up to {@value #AHEAD} blocks ahead
     * through a ring of buffers, so no lane waits for another block by block.
     */
    private static void run(StereoChunks polished, double gainDb, float outGain, Limiter limiter, Sink sink,
                            LoudnessMeter.Meter meter, boolean release) {
        int n = polished.frames(), rate = polished.sampleRate();
        int w = limiter == null ? 0 : limiter.lookahead();
        float g = (float) Math.pow(10, gainDb / 20);
        float[][] l = new float[AHEAD][BLOCK + w], r = new float[AHEAD][BLOCK + w];
        Limiter.Stream lim = limiter == null ? null : limiter.stream(n, 1f);
        int blocks = (n + BLOCK - 1) / BLOCK;
        CompletableFuture<?>[] consumed = new CompletableFuture<?>[blocks];
        CompletableFuture<?> limited = MixThreads.DONE, left = MixThreads.DONE, right = MixThreads.DONE;
        for (int b = 0; b < blocks; b++) {
            int pos = b * BLOCK, m = Math.min(BLOCK, n - pos), ahead = Math.min(BLOCK + w, n - pos);
            float[] bl = l[b % AHEAD], br = r[b % AHEAD];
            CompletableFuture<?> free = b >= AHEAD ? consumed[b - AHEAD] : MixThreads.DONE;
            limited = MixThreads.after(limited, free, () -> {
                if (release) polished.releaseBefore(pos);
                polished.read(pos, bl, br, ahead);
                if (lim != null) {
                    for (int i = 0; i < ahead; i++) { bl[i] *= g; br[i] *= g; }
                    lim.process(bl, br, m);
                }
                if (outGain != 1f) for (int i = 0; i < m; i++) { bl[i] *= outGain; br[i] *= outGain; }
                if (sink != null) { // the polish filters ring on after the bus's end ramp; the master ends on zero itself
                    ScoreEnvelopes.endRamp(n, rate, pos, m, bl);
                    ScoreEnvelopes.endRamp(n, rate, pos, m, br);
                }
            });
            if (meter != null) {
                left = MixThreads.after(left, limited, () -> meter.addLeft(bl, m));
                right = MixThreads.after(right, limited, () -> meter.addRight(br, m));
            } else {
                left = MixThreads.after(left, limited, () -> sink.write(bl, br, m));
            }
            consumed[b] = CompletableFuture.allOf(left, right);
        }
        MixThreads.join(CompletableFuture.allOf(limited, left, right));
        if (release) polished.releaseBefore(n);
    }
}
