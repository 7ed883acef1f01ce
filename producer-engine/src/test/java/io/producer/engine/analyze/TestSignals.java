package io.producer.engine.analyze;

import io.producer.engine.audio.AudioBuffer;

import java.util.SplittableRandom;

/**
 * Test audio written from first principles, independent of the engine: decaying pitch-swept sine
 * kicks, noise-burst hats, and additive-synthesis tones (harmonics 1..6 at 1/h amplitude under an
 * attack-decay envelope).
 */
final class TestSignals {
    static final int CD_RATE = 44100;

    final int RATE;
    final float[] mono;

    TestSignals(double seconds) {
        this(seconds, CD_RATE);
    }

    TestSignals(double seconds, int rate) {
        RATE = rate;
        mono = new float[(int) Math.round(seconds * RATE)];
    }

    /** A kick drum: a sine sweeping 160 → 50 Hz with a 120 ms exponential decay. */
    TestSignals kick(double at, double gain) {
        int start = (int) Math.round(at * RATE);
        double phase = 0;
        for (int i = 0; i < (int) (0.35 * RATE) && start + i < mono.length; i++) {
            double t = (double) i / RATE;
            double f = 50 + 110 * Math.exp(-t / 0.03);
            phase += 2 * Math.PI * f / RATE;
            mono[start + i] += (float) (gain * Math.sin(phase) * Math.exp(-t / 0.12));
        }
        return this;
    }

    /** A hi-hat: 40 ms of decaying white noise (seeded, so tests are repeatable). */
    TestSignals hat(double at, double gain, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int start = (int) Math.round(at * RATE);
        for (int i = 0; i < (int) (0.04 * RATE) && start + i < mono.length; i++) {
            double t = (double) i / RATE;
            mono[start + i] += (float) (gain * (r.nextDouble() * 2 - 1) * Math.exp(-t / 0.012));
        }
        return this;
    }

    /** A harmonic tone of MIDI pitch {@code midi} from {@code at} for {@code length} seconds. */
    TestSignals tone(int midi, double at, double length, double gain) {
        double f0 = 440 * Math.pow(2, (midi - 69) / 12.0);
        int start = (int) Math.round(at * RATE);
        int len = (int) Math.round(length * RATE);
        for (int i = 0; i < len && start + i < mono.length; i++) {
            double t = (double) i / RATE;
            double env = Math.min(1, t / 0.01) * Math.exp(-t / (length * 0.8)) * Math.min(1, (length - t) / 0.02);
            double s = 0;
            for (int h = 1; h <= 6; h++) {
                if (f0 * h > 0.45 * RATE) break;
                s += Math.sin(2 * Math.PI * f0 * h * t) / h;
            }
            mono[start + i] += (float) (gain * env * s);
        }
        return this;
    }

    /** A chord of MIDI pitches plus its root two octaves below the first note, as a bass. */
    TestSignals chord(int[] midis, double at, double length, double gain) {
        for (int m : midis) tone(m, at, length, gain);
        tone(midis[0] - 24, at, length, gain * 1.2);
        return this;
    }

    AudioBuffer buffer() {
        float peak = 0;
        for (float v : mono) peak = Math.max(peak, Math.abs(v));
        float g = peak > 0 ? 0.8f / peak : 1f;
        float[] l = new float[mono.length], r = new float[mono.length];
        for (int i = 0; i < mono.length; i++) {
            l[i] = mono[i] * g;
            r[i] = mono[i] * g;
        }
        return new AudioBuffer(RATE, l, r);
    }
}
