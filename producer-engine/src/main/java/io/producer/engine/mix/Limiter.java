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

    /** Limits {@code left/right} in place to {@code ceiling} (linear sample peak). Returns the largest reduction in dB (≤ 0). */
    double process(float[] left, float[] right, float ceiling) {
        int n = left.length;
        int w = lookahead;
        float[] need = new float[n];
        for (int i = 0; i < n; i++) {
            float a = Math.max(Math.abs(left[i]), Math.abs(right[i]));
            need[i] = a > ceiling ? ceiling / a : 1f;
        }
        // sliding minimum over [i, i + w] (monotonic deque of indices), followed by release smoothing
        float[] g = new float[n];
        int[] dq = new int[w + 2];
        int head = 0, tail = 0; // ring buffer indices into dq
        int cap = dq.length;
        int next = 0;
        float rel = 1f;
        for (int i = 0; i < n; i++) {
            int until = Math.min(n - 1, i + w);
            while (next <= until) {
                while (head != tail && need[dq[(tail - 1 + cap) % cap]] >= need[next]) tail = (tail - 1 + cap) % cap;
                dq[tail] = next;
                tail = (tail + 1) % cap;
                next++;
            }
            while (dq[head] < i) head = (head + 1) % cap;
            float m = need[dq[head]];
            rel = Math.min(m, releaseCoef * rel + (1 - releaseCoef));
            g[i] = rel;
        }
        // moving average over [i - w, i]: each output gain is a mean of values that are each ≤ need[i]
        double sum = 0;
        float minGain = 1f;
        float[] avg = need; // reuse the array
        for (int i = 0; i < n; i++) {
            sum += g[i];
            if (i - w - 1 >= 0) sum -= g[i - w - 1];
            int count = Math.min(i + 1, w + 1);
            float gi = (float) (sum / count);
            avg[i] = gi;
        }
        for (int i = 0; i < n; i++) {
            float gi = avg[i];
            left[i] *= gi;
            right[i] *= gi;
            minGain = Math.min(minGain, gi);
        }
        return 20 * Math.log10(minGain);
    }
}
