package io.producer.engine.arrange;

import io.producer.engine.Seeds;
import io.producer.engine.score.Chord;
import io.producer.engine.score.ChordEvent;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The bass line, in the genre's idiom: house off-beats, rock eighths, 808s on the kick, a walking
 * line in jazz, the dub bass of reggae, bossa's root-fifth, funk sixteenths, a boogie for blues,
 * held roots for ballads, ambient and orchestral music. Quiet sections play only the chord roots.
 */
final class BassWriter {
    Notes write(List<SectionView> sections, List<ChordEvent> chords, String groove, int low, double swing, long seed) {
        Notes n = new Notes();
        for (SectionView s : sections) {
            SplittableRandom rnd = Seeds.stream(seed, "bass", s.index());
            if (s.kind().equals("breakdown") || s.kind().equals("build") && s.energy() < 0.5) continue;
            int vel = (int) (62 + 45 * s.energy());
            for (ChordEvent ce : chords) {
                if (ce.startBeat() < s.startBeat() - 1e-9 || ce.startBeat() >= s.endBeat() - 1e-9) continue;
                Chord c = ce.chord();
                double t0 = ce.startBeat(), len = ce.durationBeats();
                int r = Voicing.root(c, low), f = Voicing.fifth(c, low), th = Voicing.third(c, low);
                Chord next = nextChord(chords, ce);
                if (s.quiet() && !groove.equals("one_drop")) {
                    n.add(t0, len * 0.95, r, vel - 8);
                    continue;
                }
                for (double bar = 0; bar < len - 1e-9; bar += s.beatsPerBar()) {
                    double b0 = t0 + bar;
                    double bl = Math.min(s.beatsPerBar(), len - bar);
                    boolean lastBarOfChord = bar + s.beatsPerBar() >= len - 1e-9;
                    switch (groove) {
                        case "four_on_floor", "techno" -> {
                            for (double b = 0; b < bl - 1e-9; b += 1) n.add(b0 + b + 0.5, 0.4, r, vel);
                            if (s.kind().equals("drop")) n.add(b0, 0.4, r, vel - 10);
                        }
                        case "rock", "metal", "synthwave", "pop", "country" -> {
                            double step = groove.equals("pop") || groove.equals("country") ? 1.0 : 0.5;
                            for (double b = 0; b < bl - 1e-9; b += step) {
                                int m = r;
                                if (groove.equals("country") && ((int) b) % 2 == 1) m = f;
                                if (groove.equals("pop") && b == 2.5) m = r + 12;
                                n.add(b0 + b, step * 0.85, m, vel - (b % 1 == 0 ? 0 : 10));
                            }
                        }
                        case "trap", "rnb", "boom_bap", "downtempo", "dembow", "lofi", "glitch" -> {
                            double[] hits = groove.equals("dembow") ? new double[]{0, 1, 2, 3} : groove.equals("boom_bap") || groove.equals("lofi")
                                    ? new double[]{0, 1.5, 2.5} : new double[]{0, 1.75, 2.5};
                            for (int i = 0; i < hits.length; i++) {
                                if (hits[i] >= bl) break;
                                double end = i + 1 < hits.length && hits[i + 1] < bl ? hits[i + 1] : bl;
                                n.add(b0 + hits[i] + DrumWriter.swingOffset((int) Math.round(hits[i] * 4), swing), (end - hits[i]) * 0.9, i == 2 && rnd.nextBoolean() ? f : r, vel - i * 4);
                            }
                        }
                        case "one_drop" -> {
                            n.add(b0, 0.75, r, vel);
                            n.add(b0 + 1.5, 0.4, r, vel - 12);
                            n.add(b0 + 2, 0.75, f, vel - 6);
                            n.add(b0 + 3, 0.5, r + 12 <= low + 16 ? r + 12 : th, vel - 10);
                            n.add(b0 + 3.5, 0.4, th, vel - 14);
                        }
                        case "swing", "brushes" -> walk(n, b0, bl, c, next, low, vel, lastBarOfChord, rnd);
                        case "bossa" -> {
                            n.add(b0, 1.4, r, vel);
                            n.add(b0 + 1.5, 0.45, f, vel - 10);
                            if (bl > 2) n.add(b0 + 2, 1.4, f, vel - 4);
                            if (bl > 3.5) n.add(b0 + 3.5, 0.45, r, vel - 10);
                        }
                        case "funk" -> {
                            double[][] p = {{0, 0.25, 0}, {0.75, 0.25, 12}, {1.5, 0.25, 0}, {2, 0.25, 7}, {2.75, 0.25, 12}, {3.25, 0.25, 10}, {3.5, 0.25, 0}};
                            for (double[] x : p) if (x[0] < bl) n.add(b0 + x[0], x[1], r + (int) x[2], vel - (x[2] == 0 ? 0 : 12));
                        }
                        case "shuffle" -> {
                            int[] steps = {0, c.intervals()[1], 7, 9};
                            for (int i = 0; i < 4 && i < bl; i++) {
                                n.add(b0 + i, 0.6, r + steps[i], vel - (i % 2) * 8);
                                n.add(b0 + i + 0.5 + swing / 6.0, 0.3, r + steps[i], vel - 20);
                            }
                        }
                        case "dnb" -> {
                            n.add(b0, 1.4, r, vel);
                            if (bl > 2.5) n.add(b0 + 2.5, 1.4, r, vel - 6);
                        }
                        case "waltz" -> n.add(b0, 0.9, r, vel);
                        case "ballad", "folk", "acoustic", "backbeat" -> {
                            n.add(b0, Math.min(2, bl) * 0.95, r, vel);
                            if (bl > 2) n.add(b0 + 2, (bl - 2) * 0.95, groove.equals("backbeat") ? r : f, vel - 8);
                        }
                        default -> n.add(b0, bl * 0.97, r, vel - 6); // none, orchestral: held roots
                    }
                }
            }
        }
        return n;
    }

    private static Chord nextChord(List<ChordEvent> chords, ChordEvent ce) {
        int i = chords.indexOf(ce);
        return i + 1 < chords.size() ? chords.get(i + 1).chord() : ce.chord();
    }

    /** A walking bass bar: root, chord tones or scale steps, then a chromatic approach to the next root. */
    private static void walk(Notes n, double b0, double bl, Chord c, Chord next, int low, int vel, boolean approach, SplittableRandom rnd) {
        int r = Voicing.root(c, low);
        int[] iv = c.intervals();
        int beats = (int) Math.round(bl);
        int prev = r;
        for (int i = 0; i < beats; i++) {
            int m;
            if (i == 0) m = r;
            else if (i == beats - 1 && approach) {
                int target = Voicing.root(next, low);
                m = target + (rnd.nextBoolean() ? 1 : -1);
            } else {
                m = r + iv[Math.min(iv.length - 1, 1 + rnd.nextInt(Math.min(3, iv.length - 1)))] % 12;
                if (Math.abs(m - prev) > 7) m -= 12;
                if (m < low - 2) m += 12;
            }
            n.add(b0 + i, 0.9, m, vel - (i % 2) * 6);
            prev = m;
        }
    }

}
