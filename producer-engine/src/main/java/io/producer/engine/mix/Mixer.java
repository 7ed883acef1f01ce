package io.producer.engine.mix;

import io.producer.engine.Profile;
import io.producer.engine.audio.AudioTrack;
import io.producer.engine.audio.LoudnessMeter;
import io.producer.engine.audio.PcmAudio;
import io.producer.engine.audio.PcmStems;
import io.producer.engine.audio.StereoChunks;
import io.producer.engine.audio.Stems;
import io.producer.engine.score.Score;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Mixes the four stems and masters the result.
 *
 * <ol>
 *   <li>Each stem is brought to its place in the balance (a loudness target per stem), then through
 *       its own {@link StemChain}: EQ and compression (for the vocal also a de-esser and presence EQ),
 *       sidechain pumping on bass and music when the style asks, and its sends: a reverb per stem
 *       (the same room for all; a reverb is linear, so one per stem is the same as a shared bus but
 *       keeps every stem's reverb inside that stem), gated on the drums when the style asks for gated
 *       reverb; a tempo-synced ping-pong echo on the vocal.</li>
 *   <li>Bus: a glue compressor whose gain, computed from the sum, is applied to every stem alike,
 *       then the fade-out. The wet stems therefore sum to the pre-master mix (exactly in floats).
 *       They are delivered {@link #STEM_HEADROOM_DB} under that balance: a drum stem brought to its
 *       loudness with a 20+ dB crest factor peaks above full scale, and 16-bit stems would clip there.
 *       Twice the sum of the delivered stems is the pre-master (to within their rounding).</li>
 *   <li>Master (unless the profile is Raw): EQ, then gain and a look-ahead limiter iterated against
 *       the engine's BS.1770 meter until the mix reads −14 LUFS (±0.3) with true peaks ≤ −1 dBTP.
 *       Raw gets no master chain; it is only turned down if its true peak would exceed −1 dBTP.</li>
 * </ol>
 *
 * <p>Memory: the song passes through in chunks. The glue compressor's threshold needs the loudness
 * of the whole summed mix, so the stems are mixed twice: the first pass runs every chain (the
 * instrument stems in place, the vocal into a 16-bit copy at half scale) and only meters the sum; the
 * second applies the bus and delivers each chunk as 16-bit stems and a float pre-master, dropping the
 * instrument chunks behind it. So the mixer holds the three instrument stems' worth of float audio
 * and the wet vocal at 16 bits.
 *
 * <p>Each pass runs as lanes on the mixer's threads (every stem's chain, the sums, the bus, each
 * writer), each lane taking the chunks in order and waiting only for the chunks it needs; every sum
 * runs in a fixed order, so the result does not depend on scheduling.
 */
public final class Mixer {
    public static final double TARGET_LUFS = -14.0;
    public static final double MAX_TRUE_PEAK_DBTP = -1.0;
    /**
     * What mastering actually aims for: MP3 encoding adds inter-sample overshoot, so the master keeps
     * some in hand and the delivered MP3 stays ≤ −1 dBTP too. On the 47 eval prompts the overshoot
     * was 0.2-0.9 dB, at one loud hat or shaker hit per song, and it does not follow the master's
     * level: with the master at −1.5 two MP3s read −0.7, at −1.75 the worst of them reads −1.1. Lower
     * ceilings cost beats: at −2.0 the limiter flattened the cinematic cue's pulse enough for aubio
     * to hear 120 BPM in a 78 BPM score.
     */
    static final double MASTER_TRUE_PEAK_DBTP = -1.75;
    /**
     * The delivered stems sit this far (a factor of exactly ½) under the balance they were mixed at:
     * drum stems were measured peaking at up to +2.8 dBFS in the eval prompts' mixes. Uploads'
     * stems follow the same rule, so stems of any two clips splice at matching levels.
     */
    public static final double STEM_HEADROOM_DB = 20 * Math.log10(2);
    public static final float STEM_GAIN = 0.5f;
    private static final double[] STEM_TARGET_LUFS = {-18.0, -20.0, -21.0, -20.5}; // vocals, drums, bass, other
    private static final double MAX_STEM_BOOST_DB = 12;
    private static final int CHUNK = StereoChunks.CHUNK;
    private static final ExecutorService POOL = MixThreads.POOL;

    public Mixer() {}

    /** Mixes stems the caller keeps: they are read, never changed. */
    public Mix mix(Stems dry, Score score, Profile profile) {
        return mixStems(dry.vocals(), StereoChunks.copyOf(dry.drums()), StereoChunks.copyOf(dry.bass()),
                StereoChunks.copyOf(dry.other()), score, profile);
    }

    /**
     * Mixes stems handed over: the instrument stems are processed in place and released as the mix
     * is delivered (they are unusable afterwards); the vocal is only read.
     */
    public Mix mixStems(AudioTrack vocals, StereoChunks drums, StereoChunks bass, StereoChunks other, Score score, Profile profile) {
        AudioTrack[] dry = {vocals, drums, bass, other};
        int rate = vocals.sampleRate(), frames = vocals.frames();
        for (AudioTrack b : dry)
            if (b.sampleRate() != rate || b.frames() != frames) throw new IllegalArgumentException("stems differ in rate or length");
        MixStyle style = MixStyle.of(score, profile);
        StereoChunks[] inst = {null, drums, bass, other};

        // gain staging needs each dry stem's loudness
        List<Callable<Double>> meters = new ArrayList<>();
        for (AudioTrack b : dry) meters.add(() -> LoudnessMeter.integratedLufs(b));
        double[] lufs = new double[4];
        List<Future<Double>> measured = submitAll(meters);
        for (int s = 0; s < 4; s++) lufs[s] = MixThreads.join(measured.get(s));
        StemChain[] chains = new StemChain[4];
        for (int s = 0; s < 4; s++) chains[s] = chain(s, lufs[s], score, profile, style, rate);

        // pass 1: every chain; the instrument stems keep their wet audio, the sum is only metered
        // the wet vocal is kept for pass 2 at 16 bits, half scale (exactly undone there): the chain once instead of twice
        PcmAudio.Writer wetVocal = chains[0] == null ? null : new PcmAudio.Writer(rate, frames);
        double busLufs = chainPass(vocals, inst, chains, wetVocal, rate, frames);
        WetVocal voice = wetVocal == null ? new WetVocal(vocals, 1f) : new WetVocal(wetVocal.finish(), 1 / STEM_GAIN);

        // Raw: the whole pre-master's true peak decides a final trim of everything, so measure it first
        float trim = 1f;
        if (!profile.mastered()) {
            LoudnessMeter.Meter peak = new LoudnessMeter.Meter(rate, frames, true);
            deliver(voice, inst, score, style, busLufs, 1f, null, (l, r, n) -> peak.add(l, r, n), false);
            double tp = LoudnessMeter.dbtp(peak.truePeak());
            if (tp > MAX_TRUE_PEAK_DBTP - 0.1) trim = (float) Math.pow(10, (MAX_TRUE_PEAK_DBTP - 0.1 - tp) / 20);
        }

        PcmAudio.Writer[] stems = new PcmAudio.Writer[4];
        for (int s = 0; s < 4; s++) stems[s] = new PcmAudio.Writer(rate, frames);
        PcmAudio master;
        if (profile.mastered()) {
            StereoChunks premaster = new StereoChunks(rate, frames);
            Mastering.Polish polish = new Mastering.Polish(rate, frames);
            int[] at = {0};
            deliver(voice, inst, score, style, busLufs, trim, stems, (l, r, n) -> {
                polish.process(l, r, n);
                premaster.add(at[0], l, r, n);
                at[0] += n;
            }, true);
            PcmAudio.Writer out = new PcmAudio.Writer(rate, frames);
            Mastering.master(premaster, polish.lufs(), TARGET_LUFS, MASTER_TRUE_PEAK_DBTP, (l, r, n) -> out.write(l, r, 0, n));
            master = out.finish();
        } else {
            PcmAudio.Writer out = new PcmAudio.Writer(rate, frames);
            deliver(voice, inst, score, style, busLufs, trim, stems, (l, r, n) -> out.write(l, r, 0, n), true);
            master = out.finish();
        }
        return new Mix(new PcmStems(stems[0].finish(), stems[1].finish(), stems[2].finish(), stems[3].finish()), master);
    }

    /** Wet vocal chunks a sum may wait for: the vocal's chain runs at most this far ahead of the bus meter. */
    private static final int VOCAL_AHEAD = 4;

    /**
     * Pass 1: each stem's chain runs through the song chunk by chunk in its own lane (the instrument
     * stems in place, the vocal into a small ring), and a chunk's sum is metered once every lane has
     * passed it. The lanes do not wait for one another, so a core is never idle while a heavy chain
     * (the vocal's) holds up a chunk. Every lane and the sums still see their chunks in order, so the
     * result is the same as a chunk-at-a-time loop.
     *
     * @return the integrated loudness of the summed wet stems
     */
    private static double chainPass(AudioTrack vocals, StereoChunks[] inst, StemChain[] chains, PcmAudio.Writer wetVocal,
                                    int rate, int frames) {
        LoudnessMeter.Meter busMeter = new LoudnessMeter.Meter(rate, frames, false);
        float[][] vl = new float[VOCAL_AHEAD][CHUNK], vr = new float[VOCAL_AHEAD][CHUNK];
        float[] sl = new float[CHUNK], sr = new float[CHUNK], tl = new float[CHUNK], tr = new float[CHUNK]; // the sums', one at a time
        int chunks = (frames + CHUNK - 1) / CHUNK;
        CompletableFuture<?>[] sums = new CompletableFuture<?>[chunks];
        CompletableFuture<?>[] lane = new CompletableFuture<?>[4];
        CompletableFuture<?> previousSum = MixThreads.DONE;
        java.util.Arrays.fill(lane, MixThreads.DONE);
        for (int c = 0; c < chunks; c++) {
            int pos = c * CHUNK, m = Math.min(CHUNK, frames - pos), ci = c, slot = c % VOCAL_AHEAD;
            CompletableFuture<?> slotFree = c >= VOCAL_AHEAD ? sums[c - VOCAL_AHEAD] : MixThreads.DONE;
            lane[0] = MixThreads.after(lane[0], slotFree, () -> vocal(vocals, chains[0], pos, m, vl[slot], vr[slot]));
            for (int s = 1; s < 4; s++) {
                StemChain ch = chains[s];
                StereoChunks st = inst[s];
                if (ch != null) lane[s] = MixThreads.after(lane[s], () -> ch.process(st.left(ci), st.right(ci), 0, m, pos));
            }
            sums[c] = MixThreads.after(previousSum, CompletableFuture.allOf(lane), () -> {
                java.util.Arrays.fill(sl, 0, m, 0f);
                java.util.Arrays.fill(sr, 0, m, 0f);
                addInto(sl, sr, vl[slot], vr[slot], m);
                if (wetVocal != null) {
                    scale(vl[slot], vr[slot], m, STEM_GAIN);
                    wetVocal.write(vl[slot], vr[slot], 0, m);
                }
                for (int s = 1; s < 4; s++) {
                    inst[s].read(pos, tl, tr, m); // a silent stem's unwritten chunks read as zeros, unallocated
                    addInto(sl, sr, tl, tr, m);
                }
                busMeter.add(sl, sr, m);
            });
            previousSum = sums[c];
        }
        MixThreads.join(previousSum);
        return busMeter.integratedLufs();
    }

    /** The chain for a stem, or null when the stem is silent (an instrumental's vocal, a song without drums): it stays as it is. */
    private static StemChain chain(int stem, double lufs, Score score, Profile profile, MixStyle style, int rate) {
        if (lufs <= LoudnessMeter.SILENCE_LUFS + 1) return null; // near-silent residue is kept, not boosted
        float gain = (float) Math.pow(10, Math.min(MAX_STEM_BOOST_DB, STEM_TARGET_LUFS[stem] - lufs) / 20);
        return new StemChain(stem, gain, STEM_TARGET_LUFS[stem], score, profile, style, rate);
    }

    /** Reads the dry vocal of frames {@code [from, from + m)} and runs it through its chain (when it has one). */
    private static void vocal(AudioTrack vocals, StemChain chain, int from, int m, float[] l, float[] r) {
        vocals.read(from, l, r, m);
        if (chain != null) chain.process(l, r, 0, m, from);
    }

    /** The wet vocal as pass 1 left it, and the factor that brings it back to its level. */
    private record WetVocal(AudioTrack audio, float gain) {
        void read(int from, float[] l, float[] r, int m) {
            audio.read(from, l, r, m);
            if (gain != 1f) scale(l, r, m, gain);
        }
    }

    /** Chunks the bus may run ahead of the sink and the stem writers in pass 2. */
    private static final int BUS_AHEAD = 3;

    /**
     * Pass 2: the bus (glue compressor keyed from the sum, fade-out) over every stem alike, the
     * optional trim, then each chunk to {@code stems} (when given) and the pre-master sum to {@code sink};
     * with {@code release} the instrument chunks are dropped behind it.
     *
     * <p>The bus, the sink and each stem's writer are lanes on the mixer's threads, each taking the
     * chunks in order; the bus runs up to {@value #BUS_AHEAD} chunks ahead through a ring of buffers.
     */
    private static void deliver(WetVocal voice, StereoChunks[] inst, Score score, MixStyle style,
                                double busLufs, float trim, PcmAudio.Writer[] stems, Mastering.Sink sink, boolean release) {
        int rate = voice.audio().sampleRate(), frames = voice.audio().frames();
        Compressor glue = busLufs > LoudnessMeter.SILENCE_LUFS + 1 ? new Compressor(rate, busLufs + 5, 2, 30, 300, 0) : null;
        double fadeSeconds = Math.min(10, Math.max(3, score.beatToSeconds(score.lengthBeats()) * 0.08));
        float[][][] wl = new float[BUS_AHEAD][4][CHUNK], wr = new float[BUS_AHEAD][4][CHUNK];
        float[][] sumL = new float[BUS_AHEAD][CHUNK], sumR = new float[BUS_AHEAD][CHUNK];
        float[] g = new float[CHUNK], fade = new float[CHUNK]; // the bus lane's own
        int chunks = (frames + CHUNK - 1) / CHUNK;
        CompletableFuture<?>[] consumed = new CompletableFuture<?>[chunks];
        CompletableFuture<?> bus = MixThreads.DONE, sunk = MixThreads.DONE;
        CompletableFuture<?>[] written = {MixThreads.DONE, MixThreads.DONE, MixThreads.DONE, MixThreads.DONE};
        for (int c = 0; c < chunks; c++) {
            int pos = c * CHUNK, m = Math.min(CHUNK, frames - pos), slot = c % BUS_AHEAD;
            float[][] l = wl[slot], r = wr[slot];
            float[] sl = sumL[slot], sr = sumR[slot];
            CompletableFuture<?> free = c >= BUS_AHEAD ? consumed[c - BUS_AHEAD] : MixThreads.DONE;
            bus = MixThreads.after(bus, free, () -> {
                voice.read(pos, l[0], r[0], m);
                for (int s = 1; s < 4; s++) inst[s].read(pos, l[s], r[s], m);
                if (release) for (int s = 1; s < 4; s++) inst[s].releaseBefore(pos + m);
                java.util.Arrays.fill(sl, 0, m, 0f);
                java.util.Arrays.fill(sr, 0, m, 0f);
                for (int s = 0; s < 4; s++) addInto(sl, sr, l[s], r[s], m);
                boolean gained = false;
                if (glue != null) { glue.gains(sl, sr, m, g); gained = true; }
                if (style.fadeOut()) {
                    ScoreEnvelopes.fadeOut(score, frames, rate, fadeSeconds, pos, m, fade);
                    if (!gained) System.arraycopy(fade, 0, g, 0, m);
                    else for (int i = 0; i < m; i++) g[i] *= fade[i];
                    gained = true;
                }
                if (pos + m > frames - ScoreEnvelopes.endRampFrames(rate)) {
                    if (!gained) java.util.Arrays.fill(g, 0, m, 1f);
                    ScoreEnvelopes.endRamp(frames, rate, pos, m, g);
                    gained = true;
                }
                if (gained) for (int s = 0; s < 4; s++) {
                    float[] ls = l[s], rs = r[s];
                    for (int i = 0; i < m; i++) { ls[i] *= g[i]; rs[i] *= g[i]; }
                }
                java.util.Arrays.fill(sl, 0, m, 0f);
                java.util.Arrays.fill(sr, 0, m, 0f);
                for (int s = 0; s < 4; s++) addInto(sl, sr, l[s], r[s], m);
                if (trim != 1f) {
                    for (int s = 0; s < 4; s++) scale(l[s], r[s], m, trim);
                    scale(sl, sr, m, trim);
                }
            });
            sunk = MixThreads.after(sunk, bus, () -> sink.write(sl, sr, m));
            if (stems != null) for (int s = 0; s < 4; s++) { // the sum is the sink's: each stem is scaled in place
                int si = s;
                written[s] = MixThreads.after(written[s], bus, () -> {
                    scale(l[si], r[si], m, STEM_GAIN);
                    stems[si].write(l[si], r[si], 0, m);
                });
            }
            consumed[c] = CompletableFuture.allOf(sunk, CompletableFuture.allOf(written));
        }
        MixThreads.join(CompletableFuture.allOf(bus, sunk, CompletableFuture.allOf(written)));
    }

    private static void addInto(float[] sl, float[] sr, float[] l, float[] r, int m) {
        for (int i = 0; i < m; i++) { sl[i] += l[i]; sr[i] += r[i]; }
    }

    private static void scale(float[] l, float[] r, int m, float g) {
        for (int i = 0; i < m; i++) { l[i] *= g; r[i] *= g; }
    }

    private static <T> List<Future<T>> submitAll(List<Callable<T>> tasks) {
        List<Future<T>> out = new ArrayList<>();
        for (int i = 1; i < tasks.size(); i++) out.add(POOL.submit(tasks.get(i)));
        // the first task runs on the calling thread
        T first;
        try {
            first = tasks.get(0).call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        out.add(0, java.util.concurrent.CompletableFuture.completedFuture(first));
        return out;
    }
}
