package io.producer.engine.arrange;

import io.producer.engine.Seeds;
import io.producer.engine.style.Style;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The drum part: the genre's groove bar by bar, sparse in quiet sections, nothing in breakdowns but
 * hats, snare rolls through builds, a crash on each lifted section and (at full arrangement) a fill
 * into it. Swing delays the off-beats.
 */
final class DrumWriter {
    Notes write(List<SectionView> sections, Style style, String groove, double swing, boolean fills, long seed) {
        Notes n = new Notes();
        boolean doubleKick = style.has("double_kick");
        // "quiet" is relative to the song: a lofi or ambient song keeps its full beat in its main sections
        double peak = 0;
        for (SectionView s : sections) peak = Math.max(peak, s.energy());
        for (SectionView s : sections) {
            SplittableRandom rnd = Seeds.stream(seed, "drums", s.index());
            String kind = s.kind();
            String g = groove;
            if (style.has("four_on_the_floor") && (kind.equals("chorus") || kind.equals("drop") || kind.equals("hook")) && s.beatsPerBar() == 4)
                g = "four_on_floor";
            if (style.has("one_drop") && s.beatsPerBar() == 4) g = "one_drop";
            double e = s.energy();
            for (int bar = 0; bar < s.bars(); bar++) {
                double barStart = s.startBeat() + bar * s.beatsPerBar();
                boolean lastBar = bar == s.bars() - 1;
                if (kind.equals("breakdown") || (kind.equals("intro") && e < 0.25 && bar < s.bars() - 1)) {
                    if (!g.equals("none") && kind.equals("breakdown") && bar >= s.bars() / 2)
                        hats(n, barStart, s.beatsPerBar(), 40 + (int) (30 * e));
                    continue;
                }
                if (kind.equals("build")) {
                    build(n, barStart, s.beatsPerBar(), bar, s.bars(), e);
                    continue;
                }
                if (kind.equals("outro") && bar >= s.bars() - 1 && s.last()) {
                    if (!g.equals("none")) n.add(barStart, 2, Groove.CRASH, 70);
                    n.add(barStart, 1, Groove.KICK, 80);
                    break;
                }
                boolean sparse = s.kind().equals("intro") || s.kind().equals("outro") || e < 0.7 * peak;
                List<Groove.Line> lines = Groove.forBar(g, s.beatsPerBar(), sparse, rnd);
                int fillFrom = fills && lastBar && s.nextLifts() && !lines.isEmpty() ? 12 : 99;
                for (Groove.Line line : lines) {
                    int drum = line.drum();
                    if (doubleKick && drum == Groove.KICK && !sparse) line = new Groove.Line(drum, "xxxxxxxxxxxxxxxx".substring(0, line.steps().length()));
                    String steps = line.steps();
                    for (int i = 0; i < steps.length(); i++) {
                        char c = steps.charAt(i);
                        if (c == '.' || i >= fillFrom) continue;
                        double t = barStart + i * 0.25 + swingOffset(i, swing);
                        int vel = c == 'x' ? (int) (78 + 40 * e) : (int) (40 + 22 * e);
                        if (drum == Groove.CLOSED_HAT || drum == Groove.RIDE) vel -= 12 - (i % 4 == 0 ? 6 : 0);
                        n.add(t, drum == Groove.CRASH ? 2.0 : 0.25, drum, vel);
                    }
                }
                if (fillFrom < 99) fill(n, barStart + 3, e, rnd);
                if (bar == 0 && !s.first() && e >= 0.5 && !lines.isEmpty()) n.add(barStart, 2.0, Groove.CRASH, (int) (80 + 30 * e));
            }
        }
        return n;
    }

    static double swingOffset(int step16, double swing) {
        if (swing <= 0) return 0;
        if (step16 % 4 == 2) return swing / 6.0;  // the "and" of the beat towards the triplet
        if (step16 % 2 == 1) return swing / 12.0;
        return 0;
    }

    private static void hats(Notes n, double barStart, double bpb, int vel) {
        for (double b = 0; b < bpb - 1e-9; b += 0.5) n.add(barStart + b, 0.25, Groove.CLOSED_HAT, vel - (b % 1 == 0 ? 0 : 10));
    }

    /** A build: kick on every beat, snare hits getting denser (quarters, 8ths, 16ths) and louder. */
    private static void build(Notes n, double barStart, double bpb, int bar, int bars, double e) {
        double progress = (bar + 1.0) / bars;
        double step = progress < 0.5 ? 1.0 : progress < 0.8 ? 0.5 : 0.25;
        for (double b = 0; b < bpb - 1e-9; b += step) {
            double p = (bar * bpb + b) / (bars * bpb);
            n.add(barStart + b, step, Groove.SNARE, (int) (50 + 60 * p * (0.6 + 0.4 * e)));
        }
        for (double b = 0; b < bpb - 1e-9; b += 1) n.add(barStart + b, 0.25, Groove.KICK, (int) (70 + 30 * progress));
    }

    private static void fill(Notes n, double start, double e, SplittableRandom rnd) {
        int[] toms = {Groove.HIGH_TOM, Groove.HIGH_TOM, Groove.MID_TOM, Groove.MID_TOM, Groove.LOW_TOM, Groove.LOW_TOM, Groove.FLOOR_TOM, Groove.FLOOR_TOM};
        boolean snareFill = rnd.nextBoolean();
        for (int i = 0; i < 4; i++) {
            int drum = snareFill ? Groove.SNARE : toms[i * 2];
            n.add(start + i * 0.25, 0.25, drum, (int) (70 + 30 * e + i * 5));
        }
    }
}
