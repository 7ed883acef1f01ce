package io.producer.engine.mix;

import io.producer.engine.audio.AudioBuffer;
import io.producer.engine.audio.LoudnessMeter;
import io.producer.engine.render.synth.Biquad;

/**
 * The master bus: a gentle tonal polish, then loudness. Gain and limiting are iterated against
 * the engine's own BS.1770 meter: set the gain for the target loudness, limit to a sample ceiling a
 * little under the true-peak limit, measure integrated loudness and true peak, and correct (more
 * gain when limiting ate loudness, a lower ceiling when inter-sample peaks poke through).
 */
final class Mastering {
    private Mastering() {}

    static AudioBuffer master(AudioBuffer premaster, double targetLufs, double maxTruePeakDbtp) {
        int rate = premaster.sampleRate(), n = premaster.frames();
        float[] l = premaster.left().clone(), r = premaster.right().clone();
        Biquad[] eq = {Biquad.highPass(rate, 25, 0.707), Biquad.lowShelf(rate, 90, 0.8), Biquad.highShelf(rate, 11000, 1.2)};
        Biquad[] eqR = {Biquad.highPass(rate, 25, 0.707), Biquad.lowShelf(rate, 90, 0.8), Biquad.highShelf(rate, 11000, 1.2)};
        for (int k = 0; k < eq.length; k++) {
            eq[k].process(l, 0, n);
            eqR[k].process(r, 0, n);
        }
        AudioBuffer polished = new AudioBuffer(rate, l, r);
        double lufs = LoudnessMeter.integratedLufs(polished);
        if (lufs <= LoudnessMeter.SILENCE_LUFS + 1) return polished; // nothing to make loud

        Limiter limiter = new Limiter(rate, 1.5, 80);
        double gainDb = targetLufs - lufs;
        double ceilingDb = maxTruePeakDbtp - 0.4;
        AudioBuffer best = null, last = null;
        double bestErr = Double.MAX_VALUE, lastTp = 0;
        for (int iteration = 0; iteration < 6; iteration++) {
            float g = (float) Math.pow(10, gainDb / 20);
            float[] ol = new float[n], or = new float[n];
            for (int i = 0; i < n; i++) { ol[i] = l[i] * g; or[i] = r[i] * g; }
            limiter.process(ol, or, (float) Math.pow(10, ceilingDb / 20));
            AudioBuffer out = new AudioBuffer(rate, ol, or);
            double measured = LoudnessMeter.integratedLufs(out);
            double tp = LoudnessMeter.truePeakDbtp(out);
            last = out;
            lastTp = tp;
            boolean peakOk = tp <= maxTruePeakDbtp;
            double err = Math.abs(measured - targetLufs);
            if (peakOk && err < bestErr) { best = out; bestErr = err; }
            if (peakOk && err <= 0.2) break;
            if (!peakOk) ceilingDb -= (tp - maxTruePeakDbtp) + 0.05;
            gainDb += targetLufs - measured;
        }
        if (best != null) return best;
        // Very sparse, peaky material (a lone kick under a quiet pad) can keep poking inter-sample peaks
        // through the limiter. The true-peak ceiling is the hard promise, loudness the soft one: a plain
        // gain cut scales true peak exactly, so it always lands under the ceiling.
        float cut = (float) Math.pow(10, (maxTruePeakDbtp - 0.05 - lastTp) / 20);
        float[] sl = last.left(), sr = last.right();
        for (int i = 0; i < n; i++) { sl[i] *= cut; sr[i] *= cut; }
        return last;
    }
}
