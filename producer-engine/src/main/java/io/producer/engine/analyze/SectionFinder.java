package io.producer.engine.analyze;

import io.producer.engine.score.Key;
import io.producer.engine.score.Section;

import java.util.ArrayList;
import java.util.List;

/**
 * Sections from a bar-by-bar self-similarity matrix of harmony (chroma) and sound (band levels,
 * loudness). Boundaries are peaks of Foote's checkerboard novelty (where the bars before are alike,
 * the bars after are alike, and the two differ), at least {@link #MIN_BARS} bars apart, with a small
 * preference for 4-bar phrase starts. Segments whose bars repeat one another (compared bar against
 * bar along the diagonal) share a label; the loudest repeated group is the chorus, other repeated
 * groups verses, a distinct or quiet first or last segment intro or outro, other distinct ones
 * (after a chorus) bridges.
 */
final class SectionFinder {
    private static final int MIN_BARS = 4;
    /** Half-width of the checkerboard kernel in bars (a Gaussian taper of half that). */
    private static final int KERNEL = 6;
    /** Weight of harmony against sound in bar similarity: sections differ more in sound than in key. */
    private static final double CHROMA_WEIGHT = 0.3;

    private SectionFinder() {}

    /**
     * @param barStarts seconds at which bars 0..n-1 start; the last bar ends at {@code end}
     */
    static List<Section> find(double[] barStarts, double end, Chromagram cg, Key key) {
        int n = barStarts.length;
        double[][] chroma = new double[n][12];
        double[][] timbre = new double[n][Chromagram.BANDS + 1];
        double[] levelDb = new double[n];
        for (int b = 0; b < n; b++) {
            double s = barStarts[b], e = b + 1 < n ? barStarts[b + 1] : end;
            int from = Math.max(0, (int) Math.floor(s * Chromagram.RATE));
            int to = Math.min(cg.frames(), Math.max(from + 1, (int) Math.ceil(e * Chromagram.RATE)));
            double energy = 0;
            double[] bands = new double[Chromagram.BANDS];
            int count = 0;
            for (int f = from; f < to; f++) {
                for (int k = 0; k < 12; k++) chroma[b][k] += cg.chroma[f][k];
                for (int k = 0; k < Chromagram.BANDS; k++) bands[k] += cg.bands[f][k];
                energy += cg.energy[f];
                count++;
            }
            double min = Double.MAX_VALUE;
            for (double v : chroma[b]) min = Math.min(min, v);
            for (int k = 0; k < 12; k++) chroma[b][k] -= min;
            levelDb[b] = 10 * Math.log10(energy / Math.max(1, count) + 1e-10);
            for (int k = 0; k < Chromagram.BANDS; k++) timbre[b][k] = bands[k] / Math.max(1, count);
            timbre[b][Chromagram.BANDS] = levelDb[b];
        }
        for (int k = 0; k <= Chromagram.BANDS; k++) {
            double[] col = new double[n];
            for (int b = 0; b < n; b++) col[b] = timbre[b][k];
            double[] z = BeatFeatures.z(col);
            for (int b = 0; b < n; b++) timbre[b][k] = z[b];
        }
        double[][] sim = new double[n][n];
        for (int a = 0; a < n; a++) {
            for (int b = a; b < n; b++) {
                double d2 = 0;
                for (int k = 0; k <= Chromagram.BANDS; k++) d2 += (timbre[a][k] - timbre[b][k]) * (timbre[a][k] - timbre[b][k]);
                double s = CHROMA_WEIGHT * BeatFeatures.cosine(chroma[a], chroma[b]) + (1 - CHROMA_WEIGHT) * Math.exp(-d2 / 4);
                sim[a][b] = s;
                sim[b][a] = s;
            }
        }
        List<Integer> starts = boundaries(sim);
        return label(starts, n, sim, levelDb, key);
    }

    private static List<Integer> boundaries(double[][] sim) {
        int n = sim.length;
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        if (n < 2 * MIN_BARS) return starts;
        double[] novelty = new double[n];
        for (int b = 1; b < n; b++) {
            double sum = 0, weights = 0;
            for (int i = -KERNEL; i < KERNEL; i++) {
                for (int j = -KERNEL; j < KERNEL; j++) {
                    int x = b + i, y = b + j;
                    if (x < 0 || y < 0 || x >= n || y >= n) continue;
                    double g = Math.exp(-((i + 0.5) * (i + 0.5) + (j + 0.5) * (j + 0.5)) / (2.0 * KERNEL * KERNEL / 4.0));
                    double sign = (i < 0) == (j < 0) ? 1 : -1;
                    sum += sign * g * sim[x][y];
                    weights += g;
                }
            }
            novelty[b] = weights > 0 ? sum / weights : 0;
            if (b % 4 == 0) novelty[b] *= 1.1;
        }
        double mean = 0, sd = 0;
        for (int b = 1; b < n; b++) mean += novelty[b];
        mean /= n - 1;
        for (int b = 1; b < n; b++) sd += (novelty[b] - mean) * (novelty[b] - mean);
        sd = Math.sqrt(sd / (n - 1));
        double threshold = mean + 0.5 * sd;
        List<Integer> candidates = new ArrayList<>();
        for (int b = MIN_BARS; b <= n - MIN_BARS; b++) {
            boolean peak = novelty[b] > threshold;
            for (int d = -2; d <= 2 && peak; d++) {
                int x = b + d;
                if (d != 0 && x > 0 && x < n && novelty[x] > novelty[b]) peak = false;
            }
            if (peak) candidates.add(b);
        }
        candidates.sort((p, q) -> Double.compare(novelty[q], novelty[p]) != 0
                ? Double.compare(novelty[q], novelty[p]) : Integer.compare(p, q));
        List<Integer> chosen = new ArrayList<>();
        for (int c : candidates) {
            boolean far = true;
            for (int o : chosen) if (Math.abs(o - c) < MIN_BARS) far = false;
            if (far) chosen.add(c);
        }
        chosen.sort(Integer::compare);
        starts.addAll(chosen);
        return starts;
    }

    private static List<Section> label(List<Integer> starts, int n, double[][] sim, double[] levelDb, Key key) {
        int count = starts.size();
        int[] from = new int[count], len = new int[count];
        double[] level = new double[count];
        for (int s = 0; s < count; s++) {
            from[s] = starts.get(s);
            len[s] = (s + 1 < count ? starts.get(s + 1) : n) - from[s];
            double e = 0;
            for (int b = from[s]; b < from[s] + len[s]; b++) e += Math.pow(10, levelDb[b] / 10);
            level[s] = 10 * Math.log10(e / len[s] + 1e-10);
        }
        double offMean = 0, offSd = 0;
        int pairs = 0;
        for (int a = 0; a < n; a++) for (int b = a + 1; b < n; b++) { offMean += sim[a][b]; pairs++; }
        offMean /= Math.max(1, pairs);
        for (int a = 0; a < n; a++) for (int b = a + 1; b < n; b++) offSd += (sim[a][b] - offMean) * (sim[a][b] - offMean);
        offSd = Math.sqrt(offSd / Math.max(1, pairs));
        double alike = offMean + 0.75 * offSd;

        int[] group = new int[count];
        List<Integer> groupFirst = new ArrayList<>();
        for (int s = 0; s < count; s++) {
            group[s] = -1;
            for (int g = 0; g < groupFirst.size() && group[s] < 0; g++) {
                int r = groupFirst.get(g);
                int m = Math.min(len[s], len[r]);
                double d = 0;
                for (int k = 0; k < m; k++) d += sim[from[s] + k][from[r] + k];
                if (d / m >= alike) group[s] = g;
            }
            if (group[s] < 0) {
                group[s] = groupFirst.size();
                groupFirst.add(s);
            }
        }
        int groups = groupFirst.size();
        int[] members = new int[groups];
        double[] groupLevel = new double[groups];
        for (int s = 0; s < count; s++) {
            members[group[s]]++;
            groupLevel[group[s]] += level[s];
        }
        int chorus = -1;
        for (int g = 0; g < groups; g++) {
            groupLevel[g] /= members[g];
            if (members[g] >= 2 && (chorus < 0 || groupLevel[g] > groupLevel[chorus])) chorus = g;
        }
        double loudest = Double.NEGATIVE_INFINITY;
        for (double l : level) loudest = Math.max(loudest, l);
        double[] sortedLevels = level.clone();
        java.util.Arrays.sort(sortedLevels);
        double medianLevel = sortedLevels[count / 2];
        List<Section> sections = new ArrayList<>();
        int verses = 0, bridges = 0;
        boolean chorusSeen = false;
        for (int s = 0; s < count; s++) {
            String kind;
            boolean single = members[group[s]] == 1;
            boolean quiet = level[s] < medianLevel - 1.5;
            if (count > 2 && s == 0 && (single || quiet) && group[s] != chorus) kind = "intro";
            else if (count > 2 && s == count - 1 && (single || quiet) && group[s] != chorus) kind = "outro";
            else if (group[s] == chorus) kind = "chorus";
            else if (single && chorusSeen) kind = "bridge";
            else kind = "verse";
            if (kind.equals("chorus")) chorusSeen = true;
            String label = switch (kind) {
                case "verse" -> "Verse " + (++verses);
                case "bridge" -> bridges++ == 0 ? "Bridge" : "Bridge " + bridges;
                default -> Character.toUpperCase(kind.charAt(0)) + kind.substring(1);
            };
            double energy = Math.max(0.05, Math.min(1, 1 + (level[s] - loudest) / 20));
            sections.add(new Section(kind, label, from[s], len[s], energy, key));
        }
        return sections;
    }
}
