package io.producer.engine.analyze;

import io.producer.engine.score.Chord;

import java.util.ArrayList;
import java.util.List;

/**
 * Chords per beat by template matching and Viterbi smoothing. Each template is the chroma a chord
 * of harmonic tones produces (the 3rd and 6th harmonics sound the fifth, the 5th the major third),
 * compared by correlation with the beat's chroma; a bass note on the root adds evidence. Viterbi
 * charges a fixed cost per chord change, so a chord must hold its lead for about a beat to be
 * taken. Four-note chords are scored slightly below triads so a plain triad is not read as a 7th
 * because of a stray note.
 */
final class ChordRecognizer {
    private static final String[] QUALITIES = {"", "m", "7", "m7", "maj7"};
    private static final double[] QUALITY_BIAS = {0, 0, -0.06, -0.06, -0.06};
    private static final double BASS_WEIGHT = 0.25;
    private static final double CHANGE_COST = 0.35;
    private static final double HARMONIC_DECAY = 0.6;

    private final Chord[] chords;
    private final double[][] templates;

    ChordRecognizer() {
        int states = 12 * QUALITIES.length;
        chords = new Chord[states];
        templates = new double[states][];
        for (int q = 0; q < QUALITIES.length; q++) {
            for (int root = 0; root < 12; root++) {
                Chord chord = new Chord(root, QUALITIES[q]);
                chords[q * 12 + root] = chord;
                templates[q * 12 + root] = template(chord);
            }
        }
    }

    private static double[] template(Chord chord) {
        double[] t = new double[12];
        int[] harmonicOffsets = {0, 12, 19, 24, 28, 31};
        for (int interval : chord.intervals()) {
            double w = 1;
            for (int offset : harmonicOffsets) {
                t[(chord.root() + interval + offset) % 12] += w;
                w *= HARMONIC_DECAY;
            }
        }
        return t;
    }

    /** The chord of every beat. */
    List<Chord> recognise(BeatFeatures beats) {
        int n = beats.size(), states = chords.length;
        if (n == 0) return List.of();
        double[][] emission = new double[n][states];
        for (int i = 0; i < n; i++) {
            double[] bass = beats.bass[i];
            double bassMax = 0;
            for (double v : bass) bassMax = Math.max(bassMax, v);
            for (int s = 0; s < states; s++) {
                double e = BeatFeatures.pearson(beats.chroma[i], templates[s]) + QUALITY_BIAS[s / 12];
                if (bassMax > 1e-9) e += BASS_WEIGHT * bass[chords[s].root()] / bassMax;
                emission[i][s] = e;
            }
        }
        double[] score = emission[0].clone();
        int[][] back = new int[n][states];
        double[] next = new double[states];
        for (int i = 1; i < n; i++) {
            int bestPrev = 0;
            for (int s = 1; s < states; s++) if (score[s] > score[bestPrev]) bestPrev = s;
            for (int s = 0; s < states; s++) {
                double stay = score[s], move = score[bestPrev] - CHANGE_COST;
                if (stay >= move) {
                    next[s] = stay + emission[i][s];
                    back[i][s] = s;
                } else {
                    next[s] = move + emission[i][s];
                    back[i][s] = bestPrev;
                }
            }
            System.arraycopy(next, 0, score, 0, states);
        }
        int s = 0;
        for (int k = 1; k < states; k++) if (score[k] > score[s]) s = k;
        int[] path = new int[n];
        for (int i = n - 1; i >= 0; i--) {
            path[i] = s;
            s = back[i][s];
        }
        List<Chord> out = new ArrayList<>(n);
        for (int p : path) out.add(chords[p]);
        return out;
    }
}
