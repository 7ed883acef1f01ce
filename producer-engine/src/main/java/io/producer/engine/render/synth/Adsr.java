package io.producer.engine.render.synth;

/**
 * Attack (linear), decay and release (exponential) envelope advanced one sample at a time with a
 * multiply-add, so it costs nothing like an exp() per sample.
 */
public final class Adsr {
    private float level;
    private int stage;        // 0 attack, 1 decay/sustain, 2 release, 3 done
    private float attackStep, decayCoef, sustain, releaseCoef;

    public void start(int rate, double attackS, double decayS, double sustain, double releaseS) {
        attackStep = (float) (1.0 / Math.max(1, attackS * rate));
        decayCoef = (float) Math.exp(-1.0 / Math.max(1, decayS * rate));
        releaseCoef = (float) Math.exp(-1.0 / Math.max(1, releaseS * rate));
        this.sustain = (float) sustain;
        level = 0;
        stage = 0;
    }

    /** The next level; {@code gate} false starts (or continues) the release. */
    public float next(boolean gate) {
        if (!gate && stage < 2) stage = 2;
        switch (stage) {
            case 0 -> {
                level += attackStep;
                if (level >= 1f) { level = 1f; stage = 1; }
            }
            case 1 -> level = sustain + (level - sustain) * decayCoef;
            case 2 -> {
                level *= releaseCoef;
                if (level < 1e-4f) { level = 0; stage = 3; }
            }
            default -> { }
        }
        return level;
    }

    public boolean done() { return stage == 3; }
}
