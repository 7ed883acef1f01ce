package io.producer.engine.edit;

import io.producer.engine.audio.AudioBuffer;
import io.producer.engine.audio.PcmAudio;

/**
 * Joins kept audio and newly rendered audio so that the kept samples are untouched outside short
 * linear crossfades. The output is: the original before {@code a}; the new render from {@code a} to
 * {@code b}; then the original again from {@code b - shift} on (what followed the replaced window,
 * moved by {@code shift} frames), to {@code outFrames}. Each join is a crossfade of {@code fade}
 * frames centred on the join. {@code renderOffset} is where the new render's frame 0 sits in the
 * output (the upbeat before an uploaded song's first downbeat).
 */
public final class AudioSplicer {
    private AudioSplicer() {}

    /** The same for delivered 16-bit audio: kept samples stay the very same 16-bit values. */
    public static PcmAudio splice(PcmAudio original, PcmAudio rendered, int renderOffset, int a, int b, int shift,
                                  int outFrames, int fade) {
        return PcmAudio.of(splice(original.toFloat(), rendered.toFloat(), renderOffset, a, b, shift, outFrames, fade));
    }

    public static AudioBuffer splice(AudioBuffer original, AudioBuffer rendered, int renderOffset, int a, int b, int shift,
                                     int outFrames, int fade) {
        if (original.sampleRate() != rendered.sampleRate())
            throw new IllegalArgumentException("sample rates differ: " + original.sampleRate() + " vs " + rendered.sampleRate());
        float[] l = new float[outFrames], r = new float[outFrames];
        fill(l, original.left(), rendered.left(), renderOffset, a, b, shift, fade);
        fill(r, original.right(), rendered.right(), renderOffset, a, b, shift, fade);
        return new AudioBuffer(original.sampleRate(), l, r);
    }

    private static void fill(float[] out, float[] orig, float[] ren, int off, int a, int b, int shift, int fade) {
        int half = fade / 2;
        for (int i = 0; i < out.length; i++) {
            float o1 = at(orig, i), n = at(ren, i - off), o2 = at(orig, i - shift);
            float v;
            if (i < a - half) v = o1;
            else if (i < a + half) {
                float w = (float) (i - (a - half)) / Math.max(1, fade);
                v = o1 * (1 - w) + n * w;
            } else if (i < b - half) v = n;
            else if (i < b + half) {
                float w = (float) (i - (b - half)) / Math.max(1, fade);
                v = n * (1 - w) + o2 * w;
            } else v = o2;
            out[i] = v;
        }
    }

    private static float at(float[] x, int i) {
        return i >= 0 && i < x.length ? x[i] : 0f;
    }
}
