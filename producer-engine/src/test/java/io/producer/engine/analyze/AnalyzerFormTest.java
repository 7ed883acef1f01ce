package io.producer.engine.analyze;

import io.producer.engine.score.Section;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnalyzerFormTest {
    private static final int[] C = {60, 64, 67}, AM = {57, 60, 64}, F = {53, 57, 60}, G = {55, 59, 62}, DM = {62, 65, 69};

    /**
     * Intro (quiet chords), verse (chords over a soft kick), chorus (another progression, louder,
     * with hats), verse, chorus, a bridge on a new chord, chorus, outro — in bars of 4/4 at 110 BPM.
     */
    @Test
    void sectionsOfAVerseChorusSong() {
        int[][] verse = {AM, F, C, G}, chorus = {F, G, C, C};
        String[] kinds = {"intro", "verse", "chorus", "verse", "chorus", "bridge", "chorus", "outro"};
        int[] lengths = {4, 8, 8, 8, 8, 4, 8, 4};
        double beat = 60 / 110.0, start = 0.2;
        int total = 0;
        for (int n : lengths) total += n;
        TestSignals s = new TestSignals(start + total * 4 * beat + 2);
        int bar = 0;
        for (int k = 0; k < kinds.length; k++) {
            for (int b = 0; b < lengths[k]; b++, bar++) {
                double t = start + bar * 4 * beat;
                String kind = kinds[k];
                int[] chord = kind.equals("bridge") ? DM : (kind.equals("chorus") ? chorus : verse)[b % 4];
                double gain = switch (kind) { case "intro", "outro" -> 0.04; case "chorus" -> 0.1; default -> 0.06; };
                s.chord(chord, t, 4 * beat, gain);
                if (kind.equals("intro") || kind.equals("outro")) continue;
                for (int q = 0; q < 4; q++) {
                    s.kick(t + q * beat, kind.equals("chorus") ? 1 : 0.7);
                    if (kind.equals("chorus")) s.hat(t + q * beat + beat / 2, 0.12, bar * 8L + q);
                }
            }
        }
        Analysis a = new Analyzer().analyse(s.buffer());
        assertEquals(start, a.firstDownbeatSeconds(), 0.05);
        List<Section> sections = a.sections();
        int expectedStart = 0;
        for (Section sec : sections) {
            assertEquals(expectedStart, sec.startBar(), "sections must tile the bars: " + sections);
            expectedStart = sec.endBar();
        }
        assertEquals(a.barsUntil(s.buffer().durationSeconds()), expectedStart);
        List<Integer> starts = sections.stream().map(Section::startBar).toList();
        for (int boundary : new int[]{4, 12, 20, 28}) assertTrue(starts.contains(boundary), "no boundary at bar " + boundary + ": " + sections);
        assertEquals("intro", sections.get(0).kind());
        assertEquals("outro", sections.get(sections.size() - 1).kind());
        for (Section sec : sections) {
            if (sec.startBar() == 12 || sec.startBar() == 28) assertEquals("chorus", sec.kind(), sections.toString());
            if (sec.startBar() == 4 || sec.startBar() == 20) assertEquals("verse", sec.kind(), sections.toString());
        }
        double chorusEnergy = sections.stream().filter(x -> x.startBar() == 12).findFirst().orElseThrow().energy();
        assertTrue(chorusEnergy > sections.get(0).energy(), "the chorus is louder than the intro");
    }
}
