package io.producer.engine.mix;

/**
 * A tempo-synced ping-pong echo: the repeats alternate between the channels and lose their highs
 * in the feedback path, like a tape echo. Wet output only.
 */
final class PingPongDelay {
    private final float[] bufL, bufR;
    private int pos;
    private final float feedback;
    private final float lpCoef;
    private float lpL, lpR;

    PingPongDelay(int rate, double delaySeconds, double feedback, double toneHz) {
        int len = Math.max(1, (int) Math.round(delaySeconds * rate));
        bufL = new float[len];
        bufR = new float[len];
        this.feedback = (float) feedback;
        this.lpCoef = (float) Math.exp(-2 * Math.PI * toneHz / rate);
    }

    void process(float[] inL, float[] inR, float[] outL, float[] outR, int from, int to) {
        for (int n = from; n < to; n++) {
            float dl = bufL[pos], dr = bufR[pos];
            lpL = dl + lpCoef * (lpL - dl);
            lpR = dr + lpCoef * (lpR - dr);
            float mono = (inL[n] + inR[n]) * 0.5f;
            bufL[pos] = mono + lpR * feedback;   // crossed feedback: left echo feeds the right, and back
            bufR[pos] = lpL * feedback;
            if (++pos == bufL.length) pos = 0;
            outL[n] = dl;
            outR[n] = dr;
        }
    }
}
