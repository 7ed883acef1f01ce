package io.producer.engine.render.synth;

/**
 * A second-order IIR section (RBJ cookbook designs), transposed direct form II, for one channel.
 * Coefficients can be changed between blocks; state carries over.
 */
public final class Biquad {
    private double b0 = 1, b1, b2, a1, a2;
    private double s1, s2;

    public static Biquad lowPass(double rate, double hz, double q) { Biquad b = new Biquad(); b.setLowPass(rate, hz, q); return b; }
    public static Biquad highPass(double rate, double hz, double q) { Biquad b = new Biquad(); b.setHighPass(rate, hz, q); return b; }
    public static Biquad peaking(double rate, double hz, double q, double db) { Biquad b = new Biquad(); b.setPeaking(rate, hz, q, db); return b; }
    public static Biquad lowShelf(double rate, double hz, double db) { Biquad b = new Biquad(); b.setShelf(rate, hz, db, true); return b; }
    public static Biquad highShelf(double rate, double hz, double db) { Biquad b = new Biquad(); b.setShelf(rate, hz, db, false); return b; }
    public static Biquad bandPass(double rate, double hz, double q) { Biquad b = new Biquad(); b.setBandPass(rate, hz, q); return b; }

    private static double w0(double rate, double hz) { return 2 * Math.PI * Math.min(hz, rate * 0.49) / rate; }

    public void setLowPass(double rate, double hz, double q) {
        double w = w0(rate, hz), c = Math.cos(w), alpha = Math.sin(w) / (2 * q);
        set((1 - c) / 2, 1 - c, (1 - c) / 2, 1 + alpha, -2 * c, 1 - alpha);
    }

    public void setHighPass(double rate, double hz, double q) {
        double w = w0(rate, hz), c = Math.cos(w), alpha = Math.sin(w) / (2 * q);
        set((1 + c) / 2, -(1 + c), (1 + c) / 2, 1 + alpha, -2 * c, 1 - alpha);
    }

    public void setBandPass(double rate, double hz, double q) {
        double w = w0(rate, hz), c = Math.cos(w), alpha = Math.sin(w) / (2 * q);
        set(alpha, 0, -alpha, 1 + alpha, -2 * c, 1 - alpha);
    }

    public void setPeaking(double rate, double hz, double q, double db) {
        double a = Math.pow(10, db / 40), w = w0(rate, hz), c = Math.cos(w), alpha = Math.sin(w) / (2 * q);
        set(1 + alpha * a, -2 * c, 1 - alpha * a, 1 + alpha / a, -2 * c, 1 - alpha / a);
    }

    public void setShelf(double rate, double hz, double db, boolean low) {
        double a = Math.pow(10, db / 40), w = w0(rate, hz), c = Math.cos(w);
        double alpha = Math.sin(w) / 2 * Math.sqrt(2); // shelf slope 1
        double sq = 2 * Math.sqrt(a) * alpha;
        if (low) set(a * ((a + 1) - (a - 1) * c + sq), 2 * a * ((a - 1) - (a + 1) * c), a * ((a + 1) - (a - 1) * c - sq),
                (a + 1) + (a - 1) * c + sq, -2 * ((a - 1) + (a + 1) * c), (a + 1) + (a - 1) * c - sq);
        else set(a * ((a + 1) + (a - 1) * c + sq), -2 * a * ((a - 1) + (a + 1) * c), a * ((a + 1) + (a - 1) * c - sq),
                (a + 1) - (a - 1) * c + sq, 2 * ((a - 1) - (a + 1) * c), (a + 1) - (a - 1) * c - sq);
    }

    private void set(double nb0, double nb1, double nb2, double na0, double na1, double na2) {
        b0 = nb0 / na0; b1 = nb1 / na0; b2 = nb2 / na0; a1 = na1 / na0; a2 = na2 / na0;
    }

    public float process(float x) {
        double y = b0 * x + s1;
        s1 = b1 * x - a1 * y + s2;
        s2 = b2 * x - a2 * y;
        return (float) y;
    }

    /** Filters {@code x[from..to)} in place. */
    public void process(float[] x, int from, int to) {
        double b0 = this.b0, b1 = this.b1, b2 = this.b2, a1 = this.a1, a2 = this.a2, s1 = this.s1, s2 = this.s2;
        for (int i = from; i < to; i++) {
            double in = x[i];
            double y = b0 * in + s1;
            s1 = b1 * in - a1 * y + s2;
            s2 = b2 * in - a2 * y;
            x[i] = (float) y;
        }
        store(s1, s2);
    }

    /**
     * Filters {@code x[from..to)} with {@code a} and {@code y[from..to)} with {@code b} in one loop:
     * the two channels' recursions are independent, so running them side by side keeps the core
     * busy while each waits for its previous output. Each channel gets exactly what
     * {@link #process(float[], int, int)} would give it.
     */
    public static void processPair(Biquad a, float[] x, Biquad b, float[] y, int from, int to) {
        double ab0 = a.b0, ab1 = a.b1, ab2 = a.b2, aa1 = a.a1, aa2 = a.a2, as1 = a.s1, as2 = a.s2;
        double bb0 = b.b0, bb1 = b.b1, bb2 = b.b2, ba1 = b.a1, ba2 = b.a2, bs1 = b.s1, bs2 = b.s2;
        for (int i = from; i < to; i++) {
            double in = x[i];
            double out = ab0 * in + as1;
            as1 = ab1 * in - aa1 * out + as2;
            as2 = ab2 * in - aa2 * out;
            x[i] = (float) out;
            double in2 = y[i];
            double out2 = bb0 * in2 + bs1;
            bs1 = bb1 * in2 - ba1 * out2 + bs2;
            bs2 = bb2 * in2 - ba2 * out2;
            y[i] = (float) out2;
        }
        a.store(as1, as2);
        b.store(bs1, bs2);
    }

    /**
     * Filters {@code x} through the sections {@code left[0], left[1], …} in turn and {@code y} through
     * {@code right[…]}, both over {@code [from, to)} in place. Sections run two at a time in one loop
     * ({@link #processTwoPairs}): each section's recursion waits on its own previous output, not on
     * the other's, so a core keeps four of them in flight. Each channel gets exactly what running
     * {@link #process(float[], int, int)} once per section would give it.
     */
    public static void processCascade(Biquad[] left, float[] x, Biquad[] right, float[] y, int from, int to) {
        int k = 0;
        for (; k + 1 < left.length; k += 2) processTwoPairs(left[k], left[k + 1], x, right[k], right[k + 1], y, from, to);
        if (k < left.length) processPair(left[k], x, right[k], y, from, to);
    }

    /** Two sections in series on each channel ({@code a1} then {@code a2} on x, {@code b1} then {@code b2} on y), in one loop. */
    static void processTwoPairs(Biquad a1, Biquad a2, float[] x, Biquad b1, Biquad b2, float[] y, int from, int to) {
        double p0 = a1.b0, p1 = a1.b1, p2 = a1.b2, pa1 = a1.a1, pa2 = a1.a2, ps1 = a1.s1, ps2 = a1.s2;
        double q0 = a2.b0, q1 = a2.b1, q2 = a2.b2, qa1 = a2.a1, qa2 = a2.a2, qs1 = a2.s1, qs2 = a2.s2;
        double u0 = b1.b0, u1 = b1.b1, u2 = b1.b2, ua1 = b1.a1, ua2 = b1.a2, us1 = b1.s1, us2 = b1.s2;
        double v0 = b2.b0, v1 = b2.b1, v2 = b2.b2, va1 = b2.a1, va2 = b2.a2, vs1 = b2.s1, vs2 = b2.s2;
        for (int i = from; i < to; i++) {
            double in = x[i];
            double out = p0 * in + ps1;
            ps1 = p1 * in - pa1 * out + ps2;
            ps2 = p2 * in - pa2 * out;
            double mid = (float) out; // rounded as the first section's output array would hold it
            out = q0 * mid + qs1;
            qs1 = q1 * mid - qa1 * out + qs2;
            qs2 = q2 * mid - qa2 * out;
            x[i] = (float) out;
            in = y[i];
            out = u0 * in + us1;
            us1 = u1 * in - ua1 * out + us2;
            us2 = u2 * in - ua2 * out;
            mid = (float) out;
            out = v0 * mid + vs1;
            vs1 = v1 * mid - va1 * out + vs2;
            vs2 = v2 * mid - va2 * out;
            y[i] = (float) out;
        }
        a1.store(ps1, ps2);
        a2.store(qs1, qs2);
        b1.store(us1, us2);
        b2.store(vs1, vs2);
    }

    /** Keeps the state after a block, flushing denormals: a decayed filter must not slow the loop down. */
    private void store(double s1, double s2) {
        this.s1 = Math.abs(s1) < 1e-25 ? 0 : s1;
        this.s2 = Math.abs(s2) < 1e-25 ? 0 : s2;
    }

    /** Magnitude response at {@code hz}, for tests and gain compensation. */
    public double magnitude(double rate, double hz) {
        double w = 2 * Math.PI * hz / rate;
        double cr = b0 + b1 * Math.cos(-w) + b2 * Math.cos(-2 * w), ci = b1 * Math.sin(-w) + b2 * Math.sin(-2 * w);
        double dr = 1 + a1 * Math.cos(-w) + a2 * Math.cos(-2 * w), di = a1 * Math.sin(-w) + a2 * Math.sin(-2 * w);
        return Math.hypot(cr, ci) / Math.hypot(dr, di);
    }
}
