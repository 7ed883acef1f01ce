package io.producer.engine.audio;

import io.producer.engine.score.Key;
import io.producer.engine.score.Note;
import io.producer.engine.score.Part;
import io.producer.engine.score.Score;
import io.producer.engine.testing.TestScores;
import org.junit.jupiter.api.Test;

import javax.sound.midi.*;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class MidiFileTest {
    private static List<MidiEvent> events(Track t) {
        List<MidiEvent> out = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) out.add(t.get(i));
        return out;
    }

    private static List<MetaMessage> metas(Track t, int type) {
        return events(t).stream().map(MidiEvent::getMessage).filter(m -> m instanceof MetaMessage mm && mm.getType() == type)
                .map(m -> (MetaMessage) m).toList();
    }

    @Test void writesType1WithConductorPartsAndLyrics() throws Exception {
        Score score = TestScores.song(4, 96, false, List.of(), true);
        byte[] smf = MidiFile.write(score);
        assertEquals("MThd", new String(smf, 0, 4, StandardCharsets.US_ASCII));
        assertEquals(1, smf[9], "SMF type");
        MidiFileFormat fmt = MidiSystem.getMidiFileFormat(new ByteArrayInputStream(smf));
        assertEquals(1, fmt.getType());
        assertEquals(MidiFile.PPQ, fmt.getResolution());

        Sequence seq = MidiSystem.getSequence(new ByteArrayInputStream(smf));
        Track[] tracks = seq.getTracks();
        assertEquals(1 + score.parts().size() + 1, tracks.length);

        byte[] tempo = metas(tracks[0], 0x51).get(0).getData();
        int us = (tempo[0] & 0xFF) << 16 | (tempo[1] & 0xFF) << 8 | (tempo[2] & 0xFF);
        assertEquals(625_000, us);  // 96 bpm
        byte[] ts = metas(tracks[0], 0x58).get(0).getData();
        assertEquals(4, ts[0]);
        assertEquals(2, ts[1]);
        byte[] ks = metas(tracks[0], 0x59).get(0).getData();
        assertArrayEquals(new byte[]{0, 0}, ks);
        assertEquals(List.of("Verse 1", "Chorus"), metas(tracks[0], 0x06).stream().map(m -> new String(m.getData(), StandardCharsets.UTF_8)).toList());

        // each part: its notes at the right ticks on its channel; drums on channel 10
        for (int p = 0; p < score.parts().size(); p++) {
            Part part = score.parts().get(p);
            Track t = tracks[1 + p];
            List<ShortMessage> ons = new ArrayList<>();
            List<Long> onTicks = new ArrayList<>();
            for (MidiEvent e : events(t))
                if (e.getMessage() instanceof ShortMessage sm && sm.getCommand() == ShortMessage.NOTE_ON && sm.getData2() > 0) {
                    ons.add(sm);
                    onTicks.add(e.getTick());
                }
            assertEquals(part.notes().size(), ons.size(), part.name());
            if (part.instrument().drums()) assertTrue(ons.stream().allMatch(m -> m.getChannel() == 9));
            else assertTrue(ons.stream().noneMatch(m -> m.getChannel() == 9));
            List<Note> sorted = part.notes().stream().sorted((a, b) -> Double.compare(a.startBeat(), b.startBeat())).toList();
            for (int i = 0; i < sorted.size(); i++) assertEquals(Math.round(sorted.get(i).startBeat() * 480), onTicks.get(i));
            ShortMessage program = events(t).stream().map(MidiEvent::getMessage).filter(m -> m instanceof ShortMessage sm
                    && sm.getCommand() == ShortMessage.PROGRAM_CHANGE).map(m -> (ShortMessage) m).findFirst().orElseThrow();
            assertEquals(part.instrument().gmProgram(), program.getData1());
        }

        // vocal track: lyric per syllable, none for the melisma continuation, hyphen inside a word
        Track vocal = tracks[tracks.length - 1];
        List<String> lyrics = metas(vocal, 0x05).stream().map(m -> new String(m.getData(), StandardCharsets.UTF_8)).toList();
        assertEquals(List.of("hel-", "lo ", "world "), lyrics);
    }

    @Test void aRepeatedPitchIsReleasedBeforeItStrikesAgain() throws Exception {
        Score s = TestScores.song(1, 120, false, List.of(), false);
        byte[] smf = MidiFile.write(s);
        Track bass = MidiSystem.getSequence(new ByteArrayInputStream(smf)).getTracks()[2];
        // bass plays the same pitch on every beat with 0.9-beat notes; at tick 480 the off of beat 1 ... and on beat 2
        // must come off-then-on whenever they share a tick. Check that no note is on twice at once.
        int[] held = new int[128];
        for (MidiEvent e : events(bass)) {
            if (!(e.getMessage() instanceof ShortMessage sm)) continue;
            if (sm.getCommand() == ShortMessage.NOTE_ON && sm.getData2() > 0) assertEquals(0, held[sm.getData1()]++, "double note-on");
            else if (sm.getCommand() == ShortMessage.NOTE_OFF || sm.getCommand() == ShortMessage.NOTE_ON) held[sm.getData1()]--;
        }
    }

    @Test void keySignaturesForModes() {
        assertArrayEquals(new byte[]{-1, 1}, MidiFile.keySignature(new Key(2, Key.Mode.MINOR)));   // D minor: 1 flat
        assertArrayEquals(new byte[]{3, 0}, MidiFile.keySignature(new Key(9, Key.Mode.MAJOR)));    // A major: 3 sharps
        assertArrayEquals(new byte[]{-3, 0}, MidiFile.keySignature(new Key(3, Key.Mode.MAJOR)));   // Eb major: 3 flats
        assertArrayEquals(new byte[]{0, 0}, MidiFile.keySignature(new Key(2, Key.Mode.DORIAN)));   // D dorian: no accidentals
        assertArrayEquals(new byte[]{6, 1}, MidiFile.keySignature(new Key(3, Key.Mode.MINOR)));    // D#/Eb minor: 6
    }
}
