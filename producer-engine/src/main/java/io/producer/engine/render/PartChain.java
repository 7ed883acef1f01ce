package io.producer.engine.render;

import io.producer.engine.render.synth.Biquad;
import io.producer.engine.score.Part;
import io.producer.engine.score.PartRole;

/**
 * What happens to one part between its instrument and its stem: a high-pass that keeps parts above
 * the bass out of the low end (each role has its own corner), the part's gain, and equal-power
 * panning (a centred part keeps unity gain in both channels; a hard-panned one gets +3 dB on its side).
 */
final class PartChain {
    private final Biquad hpL, hpR;
    private final float gainL, gainR;

    PartChain(Part part, int rate) {
        double corner = highPassHz(part.role());
        if (corner > 0) {
            hpL = Biquad.highPass(rate, corner, 0.707);
            hpR = Biquad.highPass(rate, corner, 0.707);
        } else {
            hpL = hpR = null;
        }
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

    void process(float[] left, float[] right, int frames) {
        if (hpL != null) Biquad.processPair(hpL, left, hpR, right, 0, frames);
        for (int i = 0; i < frames; i++) {
            left[i] *= gainL;
            right[i] *= gainR;
        }
    }
}
