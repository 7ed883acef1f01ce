package io.producer.engine.mix;

/**
 * Look-ahead brick-wall limiter. For every frame the gain that keeps the louder channel under the
 * ceiling is computed; a sliding minimum over the look-ahead window makes the gain start falling
 * before the peak arrives, a release follower lets it recover slowly, and a moving average as long
 * as the look-ahead smooths the attack into a ramp. Because the average covers only frames the
 * minimum already looked at, the smoothed gain never exceeds what any sample needs: no overs,
 * and no clicks from instant gain jumps. The audio is delayed by the look-ahead inside the
 * computation only; output stays time-aligned with the input.
 */
final class Limiter {
    private final int lookahead;
    private final float releaseCoef;

    Limiter(int rate, double lookaheadMs, double releaseMs) {
        this.lookahead = Math.max(1, (int) Math.round(lookaheadMs * 0.001 * rate));
        this.releaseCoef = (float) Math.exp(-1.0 / (releaseMs * 0.001 * rate));
    }

    int lookahead() { return lookahead; }

    /** Limits {@code left/right} in place to {@code ceiling} (linear sample peak). Returns the largest reduction in dB (≤ 0). */
    double process(float[] left, float[] right, float ceiling) {
        Stream s = stream(left.length, ceiling);
        s.process(left, right, left.length);
        return s.maxReductionDb();
    }

    /** A limiter pass over {@code frames} frames fed block by block, with the same output as one whole-array call. */
    Stream stream(int frames, float ceiling) { return new Stream(frames, ceiling); }

    final class Stream {
        private final int frames;
        private final float ceiling;
        private final int cap = lookahead + 2;
        private final int[] dq = new int[cap];          // monotonic deque of frame indices...
        private final float[] dqNeed = new float[cap];  // ...and the gain each one needs
        private int head, tail, next, pos;
        private float rel = 1f, minGain = 1f;
        private final float[] recent = new float[lookahead + 1]; // the last w + 1 release-smoothed gains
        private double sum;
        private int slot; // i mod (w + 1): where the gain of w + 1 frames ago is kept

        private Stream(int frames, float ceiling) {
            this.frames = frames;
            this.ceiling = ceiling;
        }

        /**
         * Limits the next {@code n} frames in place. The arrays hold the frames from the current
         * position on: those {@code n} plus the look-ahead after them (as far as the audio goes), which
         * are only read; the caller passes them again at the start of the next block.
         */
        void process(float[] left, float[] right, int n) {
            int w = lookahead;
            for (int k = 0; k < n; k++) {
                int i = pos + k;
                int until = Math.min(frames - 1, i + w);
                // sliding minimum over [i, i + w] of the gain each frame needs, then release smoothing
                while (next <= until) {
                    float a = Math.max(Math.abs(left[next - pos]), Math.abs(right[next - pos]));
                    float need = a > ceiling ? ceiling / a : 1f;
                    while (head != tail && dqNeed[tail == 0 ? cap - 1 : tail - 1] >= need) tail = tail == 0 ? cap - 1 : tail - 1;
                    dq[tail] = next;
                    dqNeed[tail] = need;
                    tail = tail + 1 == cap ? 0 : tail + 1;
                    next++;
                }
                while (dq[head] < i) head = head + 1 == cap ? 0 : head + 1;
                rel = Math.min(dqNeed[head], releaseCoef * rel + (1 - releaseCoef));
                // moving average over [i - w, i]: each output gain is a mean of values that are each ≤ the need at i
                sum += rel;
                if (i - w - 1 >= 0) sum -= recent[slot];
                recent[slot] = rel;
                if (++slot == recent.length) slot = 0;
                int count = Math.min(i + 1, w + 1);
                float gi = (float) (sum / count);
                left[k] *= gi;
                right[k] *= gi;
                minGain = Math.min(minGain, gi);
            }
            pos += n;
        }

        double maxReductionDb() { return 20 * Math.log10(minGain); }
    }
}
