package io.producer.engine.compose;

import io.producer.engine.score.Chord;
import io.producer.engine.score.Key;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Progression families as scale-relative chord symbols: an optional flat/sharp, the degree 1–7 of
 * the major scale from the tonic, then the quality ("6m" is vi minor, "b7" is the flat-seven major,
 * "2m7" ii minor seventh). Each family is written for major or minor and has a verse and a chorus
 * cycle (the chorus lifts: it starts away from the tonic or ends on a stronger cadence) and a bridge
 * cycle that leaves the home chords.
 */
public record ChordProgression(String name, boolean minor, List<String> verse, List<String> chorus, List<String> bridge) {

    private static final Map<String, ChordProgression> FAMILIES = new LinkedHashMap<>();

    private static void f(String name, boolean minor, String verse, String chorus, String bridge) {
        FAMILIES.put(name, new ChordProgression(name, minor, List.of(verse.split(" ")), List.of(chorus.split(" ")), List.of(bridge.split(" "))));
    }

    static {
        f("axis", false, "1 5 6m 4", "4 1 5 6m", "6m 4 1 5");
        f("doowop", false, "1 6m 4 5", "1 6m 4 5", "4 5 3m 6m");
        f("royal", false, "4 5 3m 6m", "4 5 3m 6m", "2m 5 1 1");
        f("edm_major", false, "6m 4 1 5", "6m 4 1 5", "4 5 6m 6m");
        f("plagal", false, "1 4 1 5", "4 1 4 5", "6m 4 6m 5");
        f("ballad", false, "1 5 6m 3m", "4 1 4 5", "6m 5 4 5");
        f("mixo_rock", false, "1 b7 4 1", "4 1 b7 5", "6m 4 b7 5");
        f("three_chord", false, "1 4 5 4", "1 5 4 1", "6m 4 1 5");
        f("country", false, "1 4 1 5", "4 1 5 1", "6m 4 1 5");
        f("gospel", false, "1 4 1 5", "4 3m 6m 2m7", "4 5 3m 6m");
        f("soul", false, "1maj7 4maj7 1maj7 4maj7", "2m7 3m7 4maj7 5", "4maj7 3m7 2m7 5");
        f("jazz_251", false, "2m7 57 1maj7 6m7", "3m7 6m7 2m7 57", "4maj7 4m6 3m7 6m7");
        f("bossa", false, "1maj7 27 2m7 57", "1maj7 6m7 2m7 57", "4maj7 4m6 3m7 b3dim7");
        f("funk", false, "17 47 17 47", "47 47 57 57", "b7 4 b7 5");
        f("reggae", false, "1 4 1 5", "4 1 5 1", "6m 4 6m 5");
        f("blues", false, "17 47 17 17 47 47 17 17 57 47 17 57", "17 47 17 17 47 47 17 17 57 47 17 57", "47 47 17 17 57 47 17 57");
        f("classical_major", false, "1 4 5 1", "1 6m 2m 5", "6m 3m 4 5");
        f("circle", false, "1 6m 2m 5", "1 4 7dim 3m 6m 2m 5 1", "6m 2m 5 1");
        f("waltz", false, "1 1 5 5", "4 1 5 1", "6m 2m 5 5");
        f("kpop", false, "4 5 3m 6m", "4 5 6m 1", "2m 3m 4 5");
        f("ambient_major", false, "1maj7 4maj7", "6m7 4maj7", "4maj7 5");
        f("cinematic_major", false, "1 5 6m 4", "4 1 5 6m", "6m 4 1 5");
        f("lydian", false, "1 2 1 2", "1 2 7m 2", "6m 2 1 2");

        f("aeolian_pop", true, "1m b6 b3 b7", "b6 b3 b7 1m", "b6 b7 1m 1m");
        f("minor_plagal", true, "1m 4m 1m 5", "b6 b7 1m 1m", "b6 b3 b7 5");
        f("epic", true, "1m b6 b3 b7", "1m b7 b6 b7", "b6 b7 1m 5");
        f("andalusian", true, "1m b7 b6 5", "1m b7 b6 5", "4m 1m 4m 5");
        f("dark", true, "1m b6 1m b6", "1m b6 4m 5", "b6 b7 1m 1m");
        f("trap_minor", true, "1m 1m b6 b6", "1m b6 b7 1m", "4m 4m b6 5");
        f("phrygian", true, "1m b2 1m b7", "1m b2 b7 1m", "b6 b2 1m 1m");
        f("dorian_funk", true, "1m7 4 1m7 4", "4 5 1m7 1m7", "b7 4 b7 5");
        f("minor_jazz", true, "2m7b5 57 1m7 1m7", "4m7 b77 b3maj7 57", "b6maj7 2m7b5 57 1m7");
        f("lofi_minor", true, "1m7 4m7 b77 b3maj7", "b6maj7 57 1m7 4m7", "b6maj7 b77 1m7 1m7");
        f("synthwave_minor", true, "1m b6 b3 b7", "b6 b7 1m 1m", "4m b6 b7 5");
        f("classical_minor", true, "1m 4m 5 1m", "b6 4m 5 1m", "b3 b7 b3 5");
        f("cinematic_minor", true, "1m b6 b3 b7", "b6 b3 b7 1m", "4m b6 5 5");
        f("dnb_minor", true, "1m b6 b7 1m", "b6 b7 1m 1m", "4m b6 b7 5");
        f("techno", true, "1m 1m 1m b7", "1m 1m b6 b7", "1m b2 1m b7");
        f("reggae_minor", true, "1m 4m 1m 4m", "b6 b7 1m 1m", "4m b7 1m 5");
        f("metal", true, "1m b6 b7 1m", "1m b6 b7 5", "b2 1m b6 5");
        f("ambient_minor", true, "1m9 b6maj7", "b6maj7 b3maj7", "4m7 b6maj7");
        f("blues_minor", true, "1m7 1m7 4m7 1m7 57 1m7 57", "4m7 4m7 1m7 1m7", "b6 5 1m7 5");
    }

    public static ChordProgression family(String name) {
        ChordProgression p = FAMILIES.get(name);
        if (p == null) throw new IllegalArgumentException("no progression family " + name);
        return p;
    }

    public static boolean exists(String name) { return FAMILIES.containsKey(name); }

    public List<String> cycle(String sectionKind) {
        return switch (sectionKind) {
            case "chorus", "hook", "drop" -> chorus;
            case "bridge", "breakdown", "solo" -> bridge;
            default -> verse;
        };
    }

    /** A symbol ("b7", "6m7", "2m7b5") to a chord in {@code key}. */
    public static Chord chord(String symbol, Key key) {
        int i = 0, offset = 0;
        while (symbol.charAt(i) == 'b' || symbol.charAt(i) == '#') {
            offset += symbol.charAt(i) == 'b' ? -1 : 1;
            i++;
        }
        int degree = symbol.charAt(i) - '1';
        String quality = symbol.substring(i + 1);
        int[] major = {0, 2, 4, 5, 7, 9, 11};
        int root = Math.floorMod(key.tonic() + major[degree] + offset, 12);
        return new Chord(root, quality);
    }

    /** The chords of a cycle in {@code key}. */
    public List<Chord> chords(List<String> cycle, Key key) {
        List<Chord> out = new ArrayList<>(cycle.size());
        for (String s : cycle) out.add(chord(s, key));
        return out;
    }
}
