package io.producer.engine.voice;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Residual-excited LPC resynthesis of kal diphones at a sung pitch and timing. Each phone is
 * covered by the second half of the diphone coming into it and the first half of the diphone
 * leaving it. A phone shorter than its recording is played faster; a longer one keeps its
 * transitions at speaking speed and sustains the steady part in between, gliding the vocal-tract
 * filter (in reflection coefficients) from the one recording to the other. Pitch comes from
 * placing one recorded residual per target period, centred in it. Pitch marks advance by the exact
 * fractional period, so the mean pitch is exact; each residual lands on the nearest sample, since
 * interpolating it to a fractional position would low-pass the excitation and dull the consonants.
 *
 * <p>Rendering happens at a virtual rate of {@code 16000 * alpha} samples per second of song: read
 * back at 16 kHz, the formants of the recording move up by {@code alpha}, which is how a female
 * or child-like vocal tract is made from the male recording without moving the pitch.
 */
final class DiphoneSynth {
    /**
     * Every pole of the vocal-tract filter is moved this far towards the origin, widening each formant
     * by about 36 Hz. kal's formants are sharp, fit for speech at 100 Hz whose harmonics lie dense under
     * them; at a sung pitch a harmonic gliding across one swelled the vowel by 10-20 dB within 50 ms,
     * which pitch trackers read as another note and energy tracks as an onset. Measured over the nine
     * seed lyrics at 0.9 (eval-vocals --survey), male / female: pitch accuracy lowest 0.912 / 0.940 →
     * 0.935 / 0.960, words within 60 ms 0.911 / 0.899 → 0.941 / 0.912, WER 0.406 / 0.515 → 0.408 /
     * 0.503. Wider cost words: 0.990 read WER 0.430 / 0.532, and 0.985 (without the glottal onsets, against
     * 0.403 / 0.500) 0.435 / 0.535, for a little more pitch accuracy.
     */
    static final double POLE_RADIUS = 0.993;

    /**
     * A phone is sung from two recordings that meet in its middle: the end of the diphone coming into
     * it and the start of the one leaving it. kal's diphones were not recorded at one level, and the two
     * can differ by 13 dB (the "l" of "tell": the "t-l" recording's against the "l-eh" one's), a step in
     * the middle of the phone. In a voiced consonant each half is brought towards the two's geometric
     * mean at the join, by at most this factor (6 dB), fading from the phone's edges, where the sound is
     * one recording and continuous, to the join. In a vowel only the second half moves, to the first's
     * level (by at most its square, 12 dB): raising a quiet first half swelled a vowel by up to 6 dB in
     * its first 50 ms, so that the word's onset no longer lay near its vowel's level (SingerTest's
     * "magic"), and the timeline lost words. Measured at lyrics_strength 0.9, nine seed lyrics on three
     * composition seeds: male 0.366 / 0.366 / 0.376 -> 0.351 / 0.356 / 0.338, female 0.343 / 0.393 /
     * 0.396 -> 0.371 / 0.398 / 0.383, so even. Unvoiced phones matched too, the levels matched only
     * within 30 ms of the join, or matched as sung rather than as recorded read no better; matching a
     * vowel's halves as sung (each frame sung a few periods) held the male "me" level but cost words
     * (nine lyrics male 0.348 -> 0.360, female 0.384 -> 0.393 over the three seeds), so as sung is only
     * a bound ({@link #SUNG_LIMIT}).
     */
    static final double JOIN_LIMIT = 2;

    /**
     * Matched as recorded, a vowel's second half can still come out much louder as sung: in the male
     * "above me" (147 Hz) "iy-pau" reads 5 dB under "m-iy" as recorded and is raised by that, but a
     * harmonic lies on its first formant and it sings 4.5 dB louder, so the held "me" rose 10 dB and the
     * timeline heard the word 82 ms late. The second half is never raised past this factor (6 dB) above
     * the first as the synth sings both at the note's pitch ({@link #sungLevel}). Nine seed lyrics at
     * 0.9, WER on four composition seeds, male 0.351 / 0.356 / 0.338 / 0.393 -> 0.353 / 0.356 / 0.333 /
     * 0.388, female on three 0.371 / 0.398 / 0.383 -> 0.368 / 0.390 / 0.388; timeline misses male 11 ->
     * 6, female 13 -> 5. At 4 dB, or bounded both ways, the male read 0.009-0.013 worse (README).
     */
    static final double SUNG_LIMIT = 2;

    private final DiphoneBank bank;


    DiphoneSynth(DiphoneBank bank) {
        this.bank = bank;
    }

    /** The phrase as 16 kHz samples of a vocal tract scaled by {@code alpha}; sample 0 is {@code phrase.start()}. */
    float[] render(Phrase phrase, double alpha) {
        List<SungPhone> phones = phrase.phones();
        int count = phones.size();
        double vr = DiphoneBank.RATE * alpha;
        double origin = phrase.start();
        int total = (int) Math.ceil((phrase.end() - origin) * vr) + 1;
        float[] out = new float[total];

        double[] s = new double[count];
        double[] e = new double[count];
        DiphoneBank.Half[] in = new DiphoneBank.Half[count];
        DiphoneBank.Half[] outOf = new DiphoneBank.Half[count];
        boolean[] unvoiced = new boolean[count];
        for (int i = 0; i < count; i++) {
            SungPhone p = phones.get(i);
            s[i] = (p.start() - origin) * vr;
            e[i] = (p.end() - origin) * vr;
            String prev = i == 0 ? Phone.PAU : phones.get(i - 1).phone();
            String next = i == count - 1 ? Phone.PAU : phones.get(i + 1).phone();
            in[i] = bank.pair(prev, p.phone()).startOfSecond();
            outOf[i] = bank.pair(p.phone(), next).endOfFirst();
            unvoiced[i] = Phone.isUnvoiced(p.phone());
        }
        // each phone's two recordings brought to one level where they meet (see JOIN_LIMIT)
        double[] joinIn = new double[count], joinOut = new double[count];
        for (int i = 0; i < count; i++) {
            joinIn[i] = joinOut[i] = 1;
            if (unvoiced[i] || phones.get(i).phone().equals(Phone.PAU)) continue;
            DiphoneBank.Frame last = in[i].frames()[in[i].frames().length - 1], first = outOf[i].frames()[0];
            double l = last.level(), r = first.level();
            if (l <= 0 || r <= 0) continue;
            if (Phone.isVowel(phones.get(i).phone())) { // the first half as recorded: no swell at the onset
                double hz = Phrase.hz(phrase.pitch(), (s[i] + e[i]) / 2 / vr);
                double sung = sungLevel(last, hz, vr) / sungLevel(first, hz, vr);
                joinOut[i] = Math.clamp(Math.min(l / r, sung * SUNG_LIMIT), 1 / (JOIN_LIMIT * JOIN_LIMIT), JOIN_LIMIT * JOIN_LIMIT);
                continue;
            }
            double mean = Math.sqrt(l * r);
            joinIn[i] = Math.clamp(mean / l, 1 / JOIN_LIMIT, JOIN_LIMIT);
            joinOut[i] = Math.clamp(mean / r, 1 / JOIN_LIMIT, JOIN_LIMIT);
        }

        int order = bank.order();
        double[] a = new double[order];
        double[] work = new double[order];
        float[] pitch = phrase.pitch();
        float[] gain = phrase.gain();
        double breath = phrase.breathiness();
        SplittableRandom noise = new SplittableRandom(phrase.noiseSeed());
        float[] ulaw = DiphoneBank.ULAW;

        FundamentalResonance h1 = new FundamentalResonance(total);
        double pm = 0;
        int seg = 0;
        while (pm < total - 1) {
            while (seg < count - 1 && pm >= e[seg]) seg++;
            double t = pm / vr;
            double hz = Phrase.hz(pitch, t);
            double period = vr / hz;

            // where in the recordings this period comes from
            DiphoneBank.Frame fa, fb;
            double w, join;
            double x = pm - s[seg];
            double span = Math.max(1e-9, e[seg] - s[seg]);
            DiphoneBank.Half hin = in[seg], hout = outOf[seg];
            double natural = hin.length() + hout.length();
            if (span <= natural) {
                double u = Math.max(0, x) * natural / span;
                if (u < hin.length()) {
                    int j = locate(hin, u);
                    fa = hin.frames()[j];
                    fb = j + 1 < hin.frames().length ? hin.frames()[j + 1] : fa;
                    w = weight(hin, j, u);
                    join = Math.pow(joinIn[seg], u / hin.length());
                } else {
                    double v = u - hin.length();
                    int j = locate(hout, v);
                    fa = hout.frames()[j];
                    fb = j + 1 < hout.frames().length ? hout.frames()[j + 1] : fa;
                    w = weight(hout, j, v);
                    join = Math.pow(joinOut[seg], Math.max(0, 1 - v / hout.length()));
                }
            } else {
                double hold = span - natural;
                if (x < hin.length()) {
                    int j = locate(hin, Math.max(0, x));
                    fa = hin.frames()[j];
                    fb = j + 1 < hin.frames().length ? hin.frames()[j + 1] : fa;
                    w = weight(hin, j, Math.max(0, x));
                    join = Math.pow(joinIn[seg], Math.max(0, x) / hin.length());
                } else if (x >= hin.length() + hold) {
                    double v = x - hin.length() - hold;
                    int j = locate(hout, v);
                    fa = hout.frames()[j];
                    fb = j + 1 < hout.frames().length ? hout.frames()[j + 1] : fa;
                    w = weight(hout, j, v);
                    join = Math.pow(joinOut[seg], Math.max(0, 1 - v / hout.length()));
                } else {
                    fa = hin.frames()[hin.frames().length - 1];
                    fb = hout.frames()[0];
                    w = (x - hin.length()) / hold;
                    w = w * w * (3 - 2 * w);
                    join = Math.pow(joinIn[seg], 1 - w) * Math.pow(joinOut[seg], w);
                }
            }
            Lpc.blendToPredictor(fa.reflection(), fb.reflection(), w, a, work);
            Lpc.widen(a, POLE_RADIUS);
            DiphoneBank.Frame src = w < 0.5 ? fa : fb;
            byte[] res = src.residual();
            int len = res.length;

            double g = Phrase.curve(gain, t) / 32768.0 * join;
            double breathAmp = breath * src.residualRms() * 1.7;
            boolean tile = unvoiced[seg] && period > len;
            int offset = centredIn(pm, period, len);
            int n0 = (int) Math.ceil(pm);
            int n1 = Math.min(total, (int) Math.ceil(pm + period));
            if (!unvoiced[seg]) h1.measure(a, 2 * Math.PI / period, n0, n1);
            for (int n = n0; n < n1; n++) {
                double ex;
                if (tile) {
                    ex = ulaw[res[(n - n0) % len] + 128];
                } else {
                    ex = residualAt(res, n - offset);
                }
                if (breathAmp > 0) ex += breathAmp * (noise.nextDouble() * 2 - 1);
                double y = ex * g;
                int kmax = Math.min(order, n);
                for (int k = 0; k < kmax; k++) y += a[k] * out[n - 1 - k];
                out[n] = (float) y;
            }
            pm += period;
        }
        h1.apply(out, vr, pitch);
        return out;
    }

    /**
     * A frame's RMS as this synth sings it at {@code hz} ({@code rate} samples per second): its residual
     * through its (widened) filter for six periods, the last four measured. Estimating it from the filter
     * at the harmonics alone was wrong by up to 17 dB: the residual is not white.
     */
    private static double sungLevel(DiphoneBank.Frame f, double hz, double rate) {
        int order = f.reflection().length;
        double[] a = new double[order];
        Lpc.blendToPredictor(f.reflection(), f.reflection(), 0, a, new double[order]);
        Lpc.widen(a, POLE_RADIUS);
        double period = rate / hz;
        byte[] res = f.residual();
        int len = res.length, total = (int) Math.ceil(6 * period) + 1, from = (int) Math.ceil(2 * period);
        double[] y = new double[total];
        double energy = 0;
        for (double pm = 0; pm < total - 1; pm += period) {
            int offset = centredIn(pm, period, len);
            int n1 = Math.min(total, (int) Math.ceil(pm + period));
            for (int n = (int) Math.ceil(pm); n < n1; n++) {
                double v = residualAt(res, n - offset);
                for (int k = 0; k < Math.min(order, n); k++) v += a[k] * y[n - 1 - k];
                y[n] = v;
                if (n >= from) energy += v * v;
            }
        }
        return Math.sqrt(energy / Math.max(1, total - from));
    }

    /** Where a residual of {@code len} samples starts so that it is centred in the period starting at {@code pm}. */
    private static int centredIn(double pm, double period, int len) {
        return (int) Math.round(pm + (period - len) / 2.0);
    }

    /** Sample {@code i} of a μ-law residual; silence outside it. */
    private static double residualAt(byte[] res, int i) {
        return i < 0 || i >= res.length ? 0 : DiphoneBank.ULAW[res[i] + 128];
    }

    private static int locate(DiphoneBank.Half h, double u) {
        double[] c = h.centres();
        int j = 0;
        while (j + 1 < c.length && c[j + 1] <= u) j++;
        return j;
    }

    private static double weight(DiphoneBank.Half h, int j, double u) {
        double[] c = h.centres();
        // the nearest recorded frame, as FreeTTS does: interpolating between frames blurs bursts and
        // transitions and costs intelligibility (measured with vocal-wer on speech timing)
        if (j + 1 >= c.length || u <= c[j]) return 0;
        return (u - c[j]) / (c[j + 1] - c[j]) < 0.5 ? 0 : 1;
    }
}
