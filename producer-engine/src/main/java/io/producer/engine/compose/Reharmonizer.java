package io.producer.engine.compose;

import io.producer.engine.score.Chord;
import io.producer.engine.score.ChordEvent;
import io.producer.engine.score.Key;
import io.producer.engine.score.Section;
import io.producer.engine.score.VocalNote;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * New chords under an existing melody (a cover at high cover_strength): for every chord span, the
 * candidate that harmonises the most melody (time-weighted chord tones) wins, candidates being the
 * new genre family's chords for that section and the key's diatonic triads; the old chord is
 * avoided when another fits as well, so the result is a real reharmonisation.
 */
public final class Reharmonizer {
    public List<ChordEvent> reharmonise(List<ChordEvent> old, List<VocalNote> melody, List<Section> sections,
                                        double beatsPerBar, ChordProgression family, SplittableRandom rnd) {
        List<ChordEvent> out = new ArrayList<>(old.size());
        for (int i = 0; i < old.size(); i++) {
            ChordEvent ce = old.get(i);
            Section sec = sectionAt(sections, ce.startBeat() / beatsPerBar);
            Key key = sec.key();
            List<Chord> candidates = new ArrayList<>();
            for (String sym : family.cycle(sec.kind())) candidates.add(ChordProgression.chord(sym, key));
            for (int d = 0; d < 7; d++) {
                int root = key.degreePitchClass(d);
                int third = Math.floorMod(key.degreePitchClass(d + 2) - root, 12), fifth = Math.floorMod(key.degreePitchClass(d + 4) - root, 12);
                String q = third == 4 && fifth == 7 ? "" : third == 3 && fifth == 7 ? "m" : third == 3 && fifth == 6 ? "dim" : "";
                candidates.add(new Chord(root, q));
            }
            boolean lastOfSong = i == old.size() - 1;
            Chord best = ce.chord();
            double bestScore = -1e9;
            int slot = (int) Math.round((ce.startBeat() - sec.startBar() * beatsPerBar) / Math.max(1e-9, ce.durationBeats()));
            List<String> cycle = family.cycle(sec.kind());
            for (int c = 0; c < candidates.size(); c++) {
                Chord cand = candidates.get(c);
                double fit = 0, total = 0;
                for (VocalNote n : melody) {
                    double a = Math.max(n.startBeat(), ce.startBeat()), b = Math.min(n.endBeat(), ce.endBeat());
                    if (b <= a) continue;
                    total += b - a;
                    if (MelodyWriter.isChordTone(cand, n.midi())) fit += b - a;
                }
                double score = total > 0 ? fit / total : 0.5;
                if (c < cycle.size() && c == slot % cycle.size()) score += 0.25;
                if (cand.equals(ce.chord())) score -= 0.2;
                if (lastOfSong) score += cand.root() == key.tonic() ? 2 : 0;
                score += rnd.nextDouble() * 0.05;
                if (score > bestScore) {
                    bestScore = score;
                    best = cand;
                }
            }
            out.add(new ChordEvent(ce.startBeat(), ce.durationBeats(), best));
        }
        return out;
    }

    private static Section sectionAt(List<Section> sections, double bar) {
        for (Section s : sections) if (bar >= s.startBar() && bar < s.endBar()) return s;
        return sections.get(sections.size() - 1);
    }
}
