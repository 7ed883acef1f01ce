package io.producer.engine.arrange;

import io.producer.engine.Seeds;
import io.producer.engine.score.Chord;
import io.producer.engine.score.ChordEvent;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Harmony parts: the comping instrument in the genre's idiom ("block", "power", "strum", "skank",
 * "jazz", "bossa", "arpeggio", "stab", "pulse", "beats", "sustain", "waltz", "funk"), sustained pads, arpeggios
 * and the counter-melody. Voicings move to the nearest chord tones so the harmony leads smoothly.
 */
final class CompWriter {

    Notes comp(List<SectionView> sections, List<ChordEvent> chords, String style, int center, double swing, long seed) {
        Notes n = new Notes();
        int prevCenter = center;
        for (SectionView s : sections) {
            SplittableRandom rnd = Seeds.stream(seed, "comp", s.index());
            int vel = (int) (48 + 45 * s.energy());
            for (ChordEvent ce : chords) {
                if (!inside(ce, s)) continue;
                Chord c = ce.chord();
                double t0 = ce.startBeat(), len = ce.durationBeats();
                List<Integer> v = Voicing.near(c, prevCenter, style.equals("power") ? 2 : 4);
                String st = s.quiet() && !style.equals("arpeggio") && !style.equals("waltz") ? "sustain" : style;
                if (s.kind().equals("breakdown") && !style.equals("arpeggio")) st = "sustain";
                for (double bar = 0; bar < len - 1e-9; bar += s.beatsPerBar()) {
                    double b0 = t0 + bar, bl = Math.min(s.beatsPerBar(), len - bar);
                    switch (st) {
                        case "power" -> {
                            int r = Voicing.root(c, 40);
                            double step = s.energy() > 0.6 ? 0.5 : 1.0;
                            for (double b = 0; b < bl - 1e-9; b += step) chord(n, b0 + b, step * 0.9, List.of(r, r + 7, r + 12), vel - (b % 1 == 0 ? 0 : 8), 0);
                        }
                        case "strum" -> {
                            String pat = "D.DU.UDU";
                            for (int i = 0; i < 8 && i * 0.5 < bl; i++) {
                                char ch = pat.charAt(i);
                                if (ch == '.') continue;
                                double t = b0 + i * 0.5 + (i % 2 == 1 ? swing / 6.0 : 0);
                                List<Integer> notes = Voicing.close(c, 52, 5);
                                if (ch == 'U') notes = notes.reversed().subList(0, 3);
                                chord(n, t, 0.45, notes, vel - (ch == 'U' ? 14 : 0), 0.015);
                            }
                        }
                        case "skank" -> {
                            for (double b = 0.5; b < bl; b += 1) chord(n, b0 + b + swing / 6.0, 0.22, Voicing.near(c, 64, 3), vel, 0);
                        }
                        case "jazz" -> {
                            List<Integer> shell = Voicing.near(c, 60, c.intervals().length >= 4 ? 4 : 3);
                            double[] hits = rnd.nextBoolean() ? new double[]{0, 1.5 + swing / 6.0} : new double[]{0.5 + swing / 6.0, 2.5 + swing / 6.0};
                            for (double h : hits) if (h < bl) chord(n, b0 + h, 0.8, shell, vel - 8, 0.01);
                        }
                        case "bossa" -> {
                            double[] hits = {0, 1.0, 1.5, 2.5, 3.5};
                            for (double h : hits) if (h < bl) chord(n, b0 + h, 0.4, Voicing.near(c, 60, 4), vel - 6, 0.01);
                        }
                        case "arpeggio" -> {
                            List<Integer> tones = Voicing.close(c, center - 12, 3);
                            int[] order = {0, 1, 2, 3, 2, 1, 2, 3};
                            double step = s.beatsPerBar() == 3 ? 0.5 : 0.5;
                            int i = 0;
                            for (double b = 0; b < bl - 1e-9; b += step, i++) {
                                int idx = order[i % order.length];
                                int m = idx == 3 ? tones.get(0) + 12 : tones.get(idx);
                                if (idx == 0 && i % 8 == 0) m = Voicing.root(c, center - 24);
                                n.add(b0 + b, step * 1.8, m, vel - (i % 4 == 0 ? 0 : 12));
                            }
                        }
                        case "stab" -> {
                            for (double b = 0.5; b < bl; b += 1) chord(n, b0 + b, 0.3, v, vel, 0);
                        }
                        case "beats" -> {
                            for (double b = 0; b < bl - 1e-9; b += 1) chord(n, b0 + b, Math.min(1, bl - b) * 0.95, v, vel - (b == 0 ? 0 : 10), 0.01);
                        }
                        case "pulse" -> {
                            for (double b = 0; b < bl - 1e-9; b += 0.5) chord(n, b0 + b, 0.4, v, vel - (b % 1 == 0 ? 0 : 10), 0);
                        }
                        case "funk" -> {
                            double[] hits = {0.25, 0.75, 1.5, 2.25, 2.75, 3.5};
                            for (double h : hits) if (h < bl) chord(n, b0 + h, 0.15, Voicing.near(c, 67, 3), vel - (rnd.nextBoolean() ? 0 : 15), 0);
                        }
                        case "waltz" -> {
                            n.add(b0, 0.9, Voicing.root(c, 40), vel);
                            for (double b = 1; b < bl - 1e-9; b += 1) chord(n, b0 + b, 0.7, Voicing.near(c, center, 3), vel - 12, 0);
                        }
                        case "block" -> {
                            double[] hits = s.energy() > 0.55 ? new double[]{0, 1.5, 2.5, 3.5} : new double[]{0, 2};
                            for (int i = 0; i < hits.length; i++) {
                                if (hits[i] >= bl) break;
                                double end = i + 1 < hits.length && hits[i + 1] < bl ? hits[i + 1] : bl;
                                chord(n, b0 + hits[i], (end - hits[i]) * 0.9, v, vel - (i == 0 ? 0 : 8), 0.008);
                            }
                        }
                        default -> chord(n, b0, bl * 0.98, v, vel - 10, 0.01); // sustain
                    }
                }
                double mean = 0;
                for (int m : v) mean += m;
                prevCenter = (int) Math.round((mean / v.size() + center) / 2);
            }
        }
        return n;
    }

    /** Held chords, one per chord change, in sections loud enough for a pad (or always when {@code always}). */
    Notes pad(List<SectionView> sections, List<ChordEvent> chords, int center, boolean always) {
        Notes n = new Notes();
        int prev = center;
        for (SectionView s : sections) {
            if (!always && s.energy() < 0.4 && !s.kind().equals("breakdown") && !s.kind().equals("intro")) continue;
            int vel = (int) (40 + 40 * s.energy());
            for (ChordEvent ce : chords) {
                if (!inside(ce, s)) continue;
                List<Integer> v = Voicing.near(ce.chord(), prev, 4);
                chord(n, ce.startBeat(), ce.durationBeats(), v, vel, 0);
                prev = (int) Math.round((v.get(0) + v.get(v.size() - 1)) / 2.0 * 0.5 + center * 0.5);
            }
        }
        return n;
    }

    /** One plucked chord tone on every beat (root, fifth, third, fifth), the downbeat leaning hardest. */
    Notes beatPulse(List<SectionView> sections, List<ChordEvent> chords, int bottom) {
        Notes n = new Notes();
        for (SectionView s : sections) {
            int vel = (int) (72 + 40 * s.energy());
            for (ChordEvent ce : chords) {
                if (!inside(ce, s)) continue;
                List<Integer> tones = Voicing.close(ce.chord(), bottom, 3);
                int[] order = {0, 2, 1, 2};
                int i = 0;
                for (double b = 0; b < ce.durationBeats() - 1e-9; b += 1, i++) {
                    double t = ce.startBeat() + b;
                    boolean downbeat = Math.abs((t - s.startBeat()) % s.beatsPerBar()) < 1e-6;
                    n.add(t, 0.9, tones.get(order[i % order.length] % tones.size()), Math.min(127, vel + (downbeat ? 12 : 0)));
                }
            }
        }
        return n;
    }

    /** Up-and-down arpeggios over two octaves in the louder sections. */
    Notes arp(List<SectionView> sections, List<ChordEvent> chords, int bottom, double step) {
        Notes n = new Notes();
        for (SectionView s : sections) {
            if (s.energy() < 0.45 && !s.kind().equals("build") && !s.kind().equals("breakdown")) continue;
            int vel = (int) (45 + 40 * s.energy());
            for (ChordEvent ce : chords) {
                if (!inside(ce, s)) continue;
                List<Integer> tones = Voicing.close(ce.chord(), bottom, 6);
                int[] order = {0, 1, 2, 3, 4, 5, 4, 3, 2, 1};
                int i = 0;
                for (double b = 0; b < ce.durationBeats() - 1e-9; b += step, i++)
                    n.add(ce.startBeat() + b, step * 0.8, tones.get(order[i % order.length]), vel - (i % 4 == 0 ? 0 : 10));
            }
        }
        return n;
    }

    /** A slow line of chord tones, moving by the smallest step, in choruses, bridges and solos. */
    Notes counter(List<SectionView> sections, List<ChordEvent> chords, int lo, int hi) {
        Notes n = new Notes();
        int prev = (lo + hi) / 2;
        for (SectionView s : sections) {
            if (s.energy() < 0.55 || s.kind().equals("intro") || s.kind().equals("verse")) continue;
            int vel = (int) (45 + 40 * s.energy());
            for (ChordEvent ce : chords) {
                if (!inside(ce, s)) continue;
                double half = ce.durationBeats() / 2;
                for (int k = 0; k < 2; k++) {
                    int best = prev;
                    int bestD = 99;
                    for (int m = lo; m <= hi; m++) {
                        if (!isChordTone(ce.chord(), m)) continue;
                        int d = Math.abs(m - prev);
                        if (d == 0) d = 3; // keep the line moving
                        if (d < bestD) {
                            bestD = d;
                            best = m;
                        }
                    }
                    n.add(ce.startBeat() + k * half, half * 0.95, best, vel - k * 6);
                    prev = best;
                }
            }
        }
        return n;
    }

    static boolean isChordTone(Chord c, int m) {
        int rel = Math.floorMod(m - c.root(), 12);
        for (int iv : c.intervals()) if (iv % 12 == rel) return true;
        return false;
    }

    static boolean inside(ChordEvent ce, SectionView s) {
        return ce.startBeat() >= s.startBeat() - 1e-9 && ce.startBeat() < s.endBeat() - 1e-9;
    }

    private static void chord(Notes n, double t, double dur, List<Integer> notes, int vel, double spread) {
        for (int i = 0; i < notes.size(); i++) n.add(t + i * spread, Math.max(0.05, dur - i * spread), notes.get(i), vel);
    }
}
