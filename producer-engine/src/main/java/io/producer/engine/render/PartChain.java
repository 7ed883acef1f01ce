package io.producer.engine.render;

import io.producer.engine.render.synth.Biquad;
import io.producer.engine.render.synth.Dispersion;
import io.producer.engine.score.Instrument;
import io.producer.engine.score.Part;
import io.producer.engine.score.PartRole;

/**
 * What happens to one part between its instrument and its stem: a high-pass that keeps parts above
 * the bass out of the low end (each role has its own corner), the attack of a sampled kit or synth
 * bass spread over a few milliseconds ({@link Dispersion}), the part's gain, and equal-power
 * panning (a centred part keeps unity gain in both channels; a hard-panned one gets +3 dB on its side).
 */
final class PartChain {
    private static final int SYNTH_BASS_1 = 38, SYNTH_BASS_2 = 39;
    private final Biquad hpL, hpR;
    private final Dispersion dispersion;
    private final float gainL, gainR;

    /** {@code sampled}: the part is played by the SoundFont, not by one of our own synths. */
    PartChain(Part part, int rate, boolean sampled) {
        double corner = highPassHz(part.role());
        if (corner > 0) {
            hpL = Biquad.highPass(rate, corner, 0.707);
            hpR = Biquad.highPass(rate, corner, 0.707);
        } else {
            hpL = hpR = null;
        }
        dispersion = sampled && startsOnAnEdge(part.instrument()) ? new Dispersion(rate) : null;
        double g = Math.pow(10, part.gainDb() / 20);
        double angle = (part.pan() + 1) * Math.PI / 4;
        gainL = (float) (g * Math.cos(angle) * Math.sqrt(2));
        gainR = (float) (g * Math.sin(angle) * Math.sqrt(2));
    }

    static double highPassHz(PartRole role) {
        return switch (role) {
            case DRUMS, BASS -> 0;
            case PERCUSSION -> 80;
            case PAD, HARMONY -> 110;
            case LEAD, COUNTER_MELODY, ARP -> 140;
            case FX -> 90;
            case TEXTURE -> 50;
        };
    }

    /** Sampled sounds whose notes start on one steep wavefront: drum kits and the GM synth basses. */
    static boolean startsOnAnEdge(Instrument ins) {
        return ins.drums() || ins.gmProgram() == SYNTH_BASS_1 || ins.gmProgram() == SYNTH_BASS_2;
    }

    void process(float[] left, float[] right, int frames) {
        if (hpL != null) Biquad.processPair(hpL, left, hpR, right, 0, frames);
        if (dispersion != null) dispersion.process(left, right, frames);
        for (int i = 0; i < frames; i++) {
            left[i] *= gainL;
            right[i] *= gainR;
        }
    }
}
