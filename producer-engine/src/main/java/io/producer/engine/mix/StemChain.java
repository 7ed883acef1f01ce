package io.producer.engine.mix;

import io.producer.engine.Profile;
import io.producer.engine.render.synth.Biquad;
import io.producer.engine.render.synth.Dispersion;
import io.producer.engine.score.Score;

import java.util.ArrayList;
import java.util.List;

/**
 * One stem's own processing, block by block and in place: gain staging to the stem's loudness
 * target, EQ and dynamics (for the vocal also a de-esser and presence EQ), sidechain pumping keyed
 * from the score's kicks when the style asks, then its sends (the room, gated on the drums for gated
 * reverb; a ping-pong echo on the vocal) added back in. Every stage keeps its state between blocks,
 * so the output does not depend on how the song is cut into blocks of {@value #BLOCK} frames; two
 * chains built alike give the same samples.
 */
final class StemChain {
    static final int BLOCK = 4096;
    static final int VOCALS = 0, DRUMS = 1, BASS = 2, OTHER = 3;

    private final int stem, rate;
    private final float gain;
    private final Biquad[] eqL, eqR, postL, postR; // the EQ sections in order, left and right; post: after the de-esser
    private final Dispersion rotator;
    private final DeEsser deEsser;
    private final Compressor compressor;
    private final List<Long> kicks;
    private final double pumpDepthDb, pumpRecoverSeconds;
    private final Reverb reverb;
    private final float reverbSend;
    private final List<Long> gateHits;
    private final PingPongDelay delay;
    private final float delaySend;
    private final float[] sl = new float[BLOCK], sr = new float[BLOCK], ol = new float[BLOCK], or = new float[BLOCK], env = new float[BLOCK];

    /** {@code gain} (linear) brings the dry stem to {@code level}, its loudness target in LUFS. */
    StemChain(int stem, float gain, double level, Score score, Profile profile, MixStyle style, int rate) {
        this.stem = stem;
        this.rate = rate;
        this.gain = gain;
        // a broadcast vocal chain's phase rotator: plosive bursts lose their single steep edge
        rotator = stem == VOCALS ? new Dispersion(rate) : null;
        List<Biquad[]> eq = new ArrayList<>(), eqAfterDeEsser = new ArrayList<>(); // {left, right} pairs, in order
        switch (stem) {
            case VOCALS -> {
                eq.add(pair(Biquad.highPass(rate, 90, 0.707), Biquad.highPass(rate, 90, 0.707)));
                deEsser = new DeEsser(rate);
                eqAfterDeEsser.add(pair(Biquad.peaking(rate, 300, 1.0, -2), Biquad.peaking(rate, 300, 1.0, -2)));
                eqAfterDeEsser.add(pair(Biquad.peaking(rate, 3200, 1.0, 2.5), Biquad.peaking(rate, 3200, 1.0, 2.5)));
                eqAfterDeEsser.add(pair(Biquad.highShelf(rate, 10000, 2), Biquad.highShelf(rate, 10000, 2)));
                compressor = new Compressor(rate, level + 4, 3.5, 5, 100, 1.5);
            }
            case DRUMS -> {
                eq.add(pair(Biquad.highPass(rate, 30, 0.707), Biquad.highPass(rate, 30, 0.707)));
                eq.add(pair(Biquad.peaking(rate, 400, 1.0, -2), Biquad.peaking(rate, 400, 1.0, -2)));
                eq.add(pair(Biquad.highShelf(rate, 8000, 1.5), Biquad.highShelf(rate, 8000, 1.5)));
                deEsser = null;
                compressor = new Compressor(rate, level + 8, 3, 8, 90, 1);
            }
            case BASS -> {
                eq.add(pair(Biquad.highPass(rate, 32, 0.707), Biquad.highPass(rate, 32, 0.707)));
                eq.add(pair(Biquad.peaking(rate, 250, 1.0, -2), Biquad.peaking(rate, 250, 1.0, -2)));
                deEsser = null;
                compressor = new Compressor(rate, level + 5, 4, 10, 120, 1.5);
            }
            default -> {
                eq.add(pair(Biquad.peaking(rate, 350, 0.9, -1.5), Biquad.peaking(rate, 350, 0.9, -1.5)));
                eq.add(pair(Biquad.highShelf(rate, 9000, 1), Biquad.highShelf(rate, 9000, 1)));
                deEsser = null;
                compressor = new Compressor(rate, level + 6, 2, 20, 200, 0.5);
            }
        }
        eqL = side(eq, 0);
        eqR = side(eq, 1);
        postL = side(eqAfterDeEsser, 0);
        postR = side(eqAfterDeEsser, 1);
        boolean pumps = style.sidechain() && (stem == BASS || stem == OTHER);
        kicks = pumps ? ScoreEnvelopes.kicks(score, rate) : null;
        pumpDepthDb = stem == BASS ? -8 : -6;
        pumpRecoverSeconds = score.secondsPerBeat() * 0.6;

        double send = switch (stem) { case VOCALS -> style.vocalSend(); case DRUMS -> style.drumSend(); case BASS -> 0; default -> style.otherSend(); };
        if (send > 0) {
            double rt = style.gatedReverb() && stem == DRUMS ? 1.6 : style.reverbSeconds();
            if (profile.reverb() == 1) rt *= 0.8;
            reverb = new Reverb(rate, rt, stem == VOCALS ? 45 : 20, stem == DRUMS ? 7000 : 5500);
            gateHits = style.gatedReverb() && stem == DRUMS ? ScoreEnvelopes.drumHits(score, rate) : null;
        } else {
            reverb = null;
            gateHits = null;
        }
        reverbSend = (float) send;
        boolean echo = stem == VOCALS && style.vocalDelaySend() > 0 && profile.reverb() > 0;
        delay = echo ? new PingPongDelay(rate, score.secondsPerBeat() * 0.75, 0.32, 3500) : null;
        delaySend = (float) style.vocalDelaySend();
    }

    private static Biquad[] pair(Biquad l, Biquad r) { return new Biquad[]{l, r}; }

    private static Biquad[] side(List<Biquad[]> pairs, int channel) {
        Biquad[] out = new Biquad[pairs.size()];
        for (int i = 0; i < out.length; i++) out[i] = pairs.get(i)[channel];
        return out;
    }

    /** Processes frames {@code [from, from + n)} of the song, held in {@code l/r[off..off + n)}, in place. */
    void process(float[] l, float[] r, int off, int n, int from) {
        for (int done = 0; done < n; done += BLOCK) {
            int m = Math.min(BLOCK, n - done);
            block(l, r, off + done, m, from + done);
        }
    }

    private void block(float[] l, float[] r, int o, int m, int from) {
        for (int i = o; i < o + m; i++) { l[i] *= gain; r[i] *= gain; }
        Biquad.processCascade(eqL, l, eqR, r, o, o + m);
        // the remaining stages work on a block starting at index 0
        float[] x = sl, y = sr;
        System.arraycopy(l, o, x, 0, m);
        System.arraycopy(r, o, y, 0, m);
        if (rotator != null) rotator.process(x, y, m);
        if (deEsser != null) deEsser.process(x, y, m);
        Biquad.processCascade(postL, x, postR, y, 0, m);
        compressor.process(x, y, m);
        if (kicks != null) {
            ScoreEnvelopes.pump(kicks, from, m, env, rate, pumpDepthDb, pumpRecoverSeconds);
            for (int i = 0; i < m; i++) { x[i] *= env[i]; y[i] *= env[i]; }
        }
        System.arraycopy(x, 0, l, o, m);
        System.arraycopy(y, 0, r, o, m);
        if (reverb != null) {
            for (int i = 0; i < m; i++) { x[i] = l[o + i] * reverbSend; y[i] = r[o + i] * reverbSend; }
            reverb.process(x, y, ol, or, 0, m);
            if (gateHits != null) {
                ScoreEnvelopes.gate(gateHits, from, m, env, rate, 0.22);
                for (int i = 0; i < m; i++) { ol[i] *= env[i] * 2f; or[i] *= env[i] * 2f; }
            }
            for (int i = 0; i < m; i++) { l[o + i] += ol[i]; r[o + i] += or[i]; }
        }
        if (delay != null) {
            for (int i = 0; i < m; i++) { x[i] = l[o + i] * delaySend; y[i] = r[o + i] * delaySend; }
            delay.process(x, y, ol, or, 0, m);
            for (int i = 0; i < m; i++) { l[o + i] += ol[i]; r[o + i] += or[i]; }
        }
    }

    int stem() { return stem; }
}
