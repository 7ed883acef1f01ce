package io.producer.engine.mix;

import io.producer.engine.Profile;
import io.producer.engine.audio.AudioBuffer;
import io.producer.engine.audio.LoudnessMeter;
import io.producer.engine.audio.Stems;
import io.producer.engine.render.synth.Biquad;
import io.producer.engine.score.Score;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Mixes the four stems and masters the result.
 *
 * <ol>
 *   <li>Each stem is brought to its place in the balance (a loudness target per stem), then through
 *       its own chain: EQ and compression; for the vocal also a de-esser and presence EQ.</li>
 *   <li>Sends: a reverb per stem (the same room for all; a reverb is linear, so one per stem is the
 *       same as a shared bus but keeps every stem's reverb inside that stem), gated on the drums when
 *       the style asks for gated reverb; a tempo-synced ping-pong echo on the vocal.</li>
 *   <li>Sidechain pumping on bass and music, keyed from the score's kicks, when the style asks.</li>
 *   <li>Bus: a glue compressor whose gain, computed from the sum, is applied to every stem alike,
 *       then the fade-out. The wet stems therefore sum exactly to the pre-master mix.</li>
 *   <li>Master (unless the profile is Raw): EQ, then gain and a look-ahead limiter iterated against
 *       the engine's BS.1770 meter until the mix reads −14 LUFS (±0.3) with true peaks ≤ −1 dBTP.
 *       Raw gets no master chain; it is only turned down if its true peak would exceed −1 dBTP.</li>
 * </ol>
 */
public final class Mixer {
    public static final double TARGET_LUFS = -14.0;
    public static final double MAX_TRUE_PEAK_DBTP = -1.0;
    /**
     * What mastering actually aims for: MP3 encoding adds up to about 0.5 dB of inter-sample
     * overshoot, so the master keeps that much in hand and the delivered MP3 stays ≤ −1 dBTP too.
     */
    static final double MASTER_TRUE_PEAK_DBTP = -1.5;
    private static final double[] STEM_TARGET_LUFS = {-18.0, -20.0, -21.0, -20.5}; // vocals, drums, bass, other
    private static final double MAX_STEM_BOOST_DB = 12;
    private static final ExecutorService POOL = Executors.newFixedThreadPool(
            Math.max(1, Runtime.getRuntime().availableProcessors()), r -> {
                Thread t = new Thread(r, "producer-mix");
                t.setDaemon(true);
                return t;
            });

    private static final int BLOCK = 4096;

    public Mixer() {}

    public Mix mix(Stems dry, Score score, Profile profile) {
        AudioBuffer[] in = {dry.vocals(), dry.drums(), dry.bass(), dry.other()};
        int rate = in[0].sampleRate(), frames = in[0].frames();
        for (AudioBuffer b : in)
            if (b.sampleRate() != rate || b.frames() != frames) throw new IllegalArgumentException("stems differ in rate or length");
        MixStyle style = MixStyle.of(score, profile);

        List<Future<AudioBuffer>> futures = new ArrayList<>();
        for (int s = 0; s < 4; s++) {
            int stem = s;
            futures.add(POOL.submit(() -> stemChain(stem, in[stem], score, profile, style)));
        }
        AudioBuffer[] wet = new AudioBuffer[4];
        for (int s = 0; s < 4; s++) wet[s] = join(futures.get(s));

        bus(wet, score, style, rate, frames);
        AudioBuffer premaster = sum(wet, rate, frames);
        AudioBuffer master;
        if (profile.mastered()) {
            master = Mastering.master(premaster, TARGET_LUFS, MASTER_TRUE_PEAK_DBTP);
        } else {
            double tp = LoudnessMeter.truePeakDbtp(premaster);
            if (tp > MAX_TRUE_PEAK_DBTP - 0.1) {
                float g = (float) Math.pow(10, (MAX_TRUE_PEAK_DBTP - 0.1 - tp) / 20);
                for (AudioBuffer b : wet) scale(b, g);
                scale(premaster, g);
            }
            master = premaster;
        }
        return new Mix(new Stems(wet[0], wet[1], wet[2], wet[3]), master);
    }

    private static AudioBuffer join(Future<AudioBuffer> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("mixing interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IllegalStateException(e.getCause());
        }
    }

    /** One stem through gain staging, EQ, dynamics and its sends. Returns a new buffer. */
    static AudioBuffer stemChain(int stem, AudioBuffer dry, Score score, Profile profile, MixStyle style) {
        int rate = dry.sampleRate(), n = dry.frames();
        double lufs = LoudnessMeter.integratedLufs(dry);
        if (lufs <= LoudnessMeter.SILENCE_LUFS + 1) {
            // Silent (an instrumental's vocal, a song without drums): nothing to process, and any
            // near-silent residue is kept as it is rather than boosted.
            return new AudioBuffer(rate, dry.left().clone(), dry.right().clone());
        }
        float gain = (float) Math.pow(10, Math.min(MAX_STEM_BOOST_DB, STEM_TARGET_LUFS[stem] - lufs) / 20);
        float[] l = new float[n], r = new float[n];
        float[] dl = dry.left(), dr = dry.right();
        for (int i = 0; i < n; i++) { l[i] = dl[i] * gain; r[i] = dr[i] * gain; }
        double level = STEM_TARGET_LUFS[stem];
        switch (stem) {
            case 0 -> { // vocals
                eq(l, r, rate, Biquad.highPass(rate, 90, 0.707), Biquad.highPass(rate, 90, 0.707));
                new DeEsser(rate).process(l, r);
                eq(l, r, rate, Biquad.peaking(rate, 300, 1.0, -2), Biquad.peaking(rate, 300, 1.0, -2));
                eq(l, r, rate, Biquad.peaking(rate, 3200, 1.0, 2.5), Biquad.peaking(rate, 3200, 1.0, 2.5));
                eq(l, r, rate, Biquad.highShelf(rate, 10000, 2), Biquad.highShelf(rate, 10000, 2));
                new Compressor(rate, level + 4, 3.5, 5, 100, 1.5).process(l, r);
            }
            case 1 -> { // drums
                eq(l, r, rate, Biquad.highPass(rate, 30, 0.707), Biquad.highPass(rate, 30, 0.707));
                eq(l, r, rate, Biquad.peaking(rate, 400, 1.0, -2), Biquad.peaking(rate, 400, 1.0, -2));
                eq(l, r, rate, Biquad.highShelf(rate, 8000, 1.5), Biquad.highShelf(rate, 8000, 1.5));
                new Compressor(rate, level + 8, 3, 8, 90, 1).process(l, r);
            }
            case 2 -> { // bass
                eq(l, r, rate, Biquad.highPass(rate, 32, 0.707), Biquad.highPass(rate, 32, 0.707));
                eq(l, r, rate, Biquad.peaking(rate, 250, 1.0, -2), Biquad.peaking(rate, 250, 1.0, -2));
                new Compressor(rate, level + 5, 4, 10, 120, 1.5).process(l, r);
            }
            default -> { // other
                eq(l, r, rate, Biquad.peaking(rate, 350, 0.9, -1.5), Biquad.peaking(rate, 350, 0.9, -1.5));
                eq(l, r, rate, Biquad.highShelf(rate, 9000, 1), Biquad.highShelf(rate, 9000, 1));
                new Compressor(rate, level + 6, 2, 20, 200, 0.5).process(l, r);
            }
        }
        if (style.sidechain() && (stem == 2 || stem == 3)) {
            float[] pump = ScoreEnvelopes.pump(ScoreEnvelopes.kicks(score, rate), n, rate, stem == 2 ? -8 : -6,
                    score.secondsPerBeat() * 0.6);
            for (int i = 0; i < n; i++) { l[i] *= pump[i]; r[i] *= pump[i]; }
        }
        double send = switch (stem) { case 0 -> style.vocalSend(); case 1 -> style.drumSend(); case 2 -> 0; default -> style.otherSend(); };
        if (send > 0) addReverb(stem, l, r, score, profile, style, send, rate);
        if (stem == 0 && style.vocalDelaySend() > 0 && profile.reverb() > 0) addDelay(l, r, score, rate, style.vocalDelaySend());
        return new AudioBuffer(rate, l, r);
    }

    private static void eq(float[] l, float[] r, int rate, Biquad a, Biquad b) {
        a.process(l, 0, l.length);
        b.process(r, 0, r.length);
    }

    /** Adds the stem's reverb (fed by the stem times {@code send}) into the stem itself, block by block. */
    private static void addReverb(int stem, float[] l, float[] r, Score score, Profile profile, MixStyle style, double send, int rate) {
        int n = l.length;
        double rt = style.gatedReverb() && stem == 1 ? 1.6 : style.reverbSeconds();
        if (profile.reverb() == 1) rt *= 0.8;
        Reverb reverb = new Reverb(rate, rt, stem == 0 ? 45 : 20, stem == 1 ? 7000 : 5500);
        float[] gate = style.gatedReverb() && stem == 1
                ? ScoreEnvelopes.gate(ScoreEnvelopes.drumHits(score, rate), n, rate, 0.22) : null;
        float g = (float) send;
        float[] sl = new float[BLOCK], sr = new float[BLOCK], ol = new float[BLOCK], or = new float[BLOCK];
        for (int pos = 0; pos < n; pos += BLOCK) {
            int m = Math.min(BLOCK, n - pos);
            for (int i = 0; i < m; i++) { sl[i] = l[pos + i] * g; sr[i] = r[pos + i] * g; }
            reverb.process(sl, sr, ol, or, 0, m);
            if (gate != null) for (int i = 0; i < m; i++) { ol[i] *= gate[pos + i] * 2f; or[i] *= gate[pos + i] * 2f; }
            for (int i = 0; i < m; i++) { l[pos + i] += ol[i]; r[pos + i] += or[i]; }
        }
    }

    /** A dotted-eighth ping-pong echo of the vocal, added into the vocal stem. */
    private static void addDelay(float[] l, float[] r, Score score, int rate, double send) {
        int n = l.length;
        PingPongDelay delay = new PingPongDelay(rate, score.secondsPerBeat() * 0.75, 0.32, 3500);
        float g = (float) send;
        float[] sl = new float[BLOCK], sr = new float[BLOCK], ol = new float[BLOCK], or = new float[BLOCK];
        for (int pos = 0; pos < n; pos += BLOCK) {
            int m = Math.min(BLOCK, n - pos);
            for (int i = 0; i < m; i++) { sl[i] = l[pos + i] * g; sr[i] = r[pos + i] * g; }
            delay.process(sl, sr, ol, or, 0, m);
            for (int i = 0; i < m; i++) { l[pos + i] += ol[i]; r[pos + i] += or[i]; }
        }
    }

    /**
     * Bus processing applied to every stem alike, so the stems keep summing to the mix: the glue
     * compressor's gain (computed from the sum) and the fade-out.
     */
    private static void bus(AudioBuffer[] wet, Score score, MixStyle style, int rate, int frames) {
        AudioBuffer sum = sum(wet, rate, frames);
        double busLufs = LoudnessMeter.integratedLufs(sum);
        float[] g = busLufs > LoudnessMeter.SILENCE_LUFS + 1
                ? new Compressor(rate, busLufs + 5, 2, 30, 300, 0).gains(sum.left(), sum.right())
                : null;
        if (style.fadeOut()) {
            double musicSeconds = score.beatToSeconds(score.lengthBeats());
            float[] fade = ScoreEnvelopes.fadeOut(score, frames, rate, Math.min(10, Math.max(3, musicSeconds * 0.08)));
            if (g == null) g = fade;
            else for (int i = 0; i < frames; i++) g[i] *= fade[i];
        }
        if (g == null) return;
        for (AudioBuffer b : wet) {
            float[] l = b.left(), r = b.right();
            for (int i = 0; i < frames; i++) { l[i] *= g[i]; r[i] *= g[i]; }
        }
    }

    static AudioBuffer sum(AudioBuffer[] stems, int rate, int frames) {
        float[] l = new float[frames], r = new float[frames];
        for (AudioBuffer b : stems) {
            float[] bl = b.left(), br = b.right();
            for (int i = 0; i < frames; i++) { l[i] += bl[i]; r[i] += br[i]; }
        }
        return new AudioBuffer(rate, l, r);
    }

    static void scale(AudioBuffer b, float g) {
        float[] l = b.left(), r = b.right();
        for (int i = 0; i < l.length; i++) { l[i] *= g; r[i] *= g; }
    }
}
