package io.producer.engine.style;

import io.producer.engine.SeedExamples;
import io.producer.engine.score.Key;
import io.producer.engine.score.Meter;
import io.producer.engine.score.Voice;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.*;

class StyleReaderTest {
    private final StyleReader reader = new StyleReader();

    private Style read(String sound) { return reader.read(sound, null, true, false, 0.5, 0.5, 0.5, "seed"); }

    @Test
    void catalogueHasTheRequiredGenres() {
        Set<String> names = new TreeSet<>();
        for (Genre g : GenreCatalogue.all()) names.add(g.name());
        for (String g : new String[]{"pop", "rock", "edm", "ambient", "jazz", "cinematic", "orchestral", "classical", "neoclassical",
                "downtempo", "lofi", "synthwave", "reggae", "hip hop", "trap", "country", "metal", "blues", "funk", "soul", "r&b",
                "gospel", "folk", "bossa nova", "reggaeton", "techno", "house", "drum and bass", "k-pop", "waltz", "indie",
                "acoustic", "singer-songwriter", "experimental", "ballad"})
            assertTrue(names.contains(g), g);
        assertTrue(names.size() >= 24);
    }

    @Test
    void explicitTempoKeyAndMeterWin() {
        Style s = read("dark techno at 132 bpm in F# minor, 7/8");
        assertEquals(132, s.bpm());
        assertEquals(new Key(6, Key.Mode.MINOR), s.key());
        assertEquals(new Meter(7, 8), s.meter());
        assertEquals("techno", s.mainGenre());
    }

    @Test
    void titleNamesTheKey() {
        Style s = reader.read("neoclassical piano composition with complex harmonies", "Etude in D Minor", false, true, 1.0, 0.3, 0, "classical2025");
        assertEquals(new Key(2, Key.Mode.MINOR), s.key());
        assertNull(s.voice(), "instrumental has no voice");
        assertEquals("neoclassical", s.mainGenre());
    }

    @Test
    void tempoWordsMoveTempoWithinTheGenre() {
        double slow = 0, fast = 0;
        for (int i = 0; i < 10; i++) {
            slow += reader.read("slow calm pop", null, true, false, 0.9, 0.5, 0.5, "s" + i).bpm();
            fast += reader.read("upbeat energetic pop", null, true, false, 0.9, 0.5, 0.5, "s" + i).bpm();
        }
        assertTrue(fast > slow + 100, "fast " + fast / 10 + " slow " + slow / 10);
    }

    @Test
    void moodsChooseTheMode() {
        assertTrue(read("sad piano ballad").key().mode().minorish());
        assertFalse(read("uplifting happy pop").key().mode().minorish());
    }

    @Test
    void oddMetersForUnconventionalTimeSignatures() {
        Style s = read("experimental electronic music with glitch elements and unconventional time signatures");
        assertTrue(s.meter().equals(new Meter(7, 8)) || s.meter().equals(new Meter(5, 4)), s.meter().toString());
        assertTrue(s.has("glitch"));
        assertEquals(new Meter(3, 4), read("viennese waltz").meter());
    }

    @Test
    void voiceFromTheWords() {
        assertEquals(Voice.Type.MALE, read("powerful rock anthem with energetic male vocals").voice().type());
        assertEquals(Voice.Type.FEMALE, read("emotional female ballad").voice().type());
        assertEquals(Voice.Type.SOPRANO, read("classical opera soprano with powerful vibrato").voice().type());
        assertEquals(Voice.Type.RAP, read("confident hip-hop rap vocal with rhythmic flow").voice().type());
        Voice gospel = read("uplifting major key change with gospel choir backing vocals").voice();
        assertTrue(gospel.has("backing_choir"));
        assertTrue(read("smooth male pop vocal with subtle autotune effect").voice().has("autotune"));
        assertTrue(read("modern electronic pop remix with vocoder effects").voice().has("vocoder"));
    }

    @Test
    void productionCues() {
        assertTrue(read("classic reggae riddim with offbeat guitar skanks, deep dub bass, one-drop drum pattern").has("one_drop"));
        assertTrue(read("upbeat electronic dance music with driving four-on-the-floor beat").has("four_on_the_floor"));
        assertTrue(read("retro 80s synthwave with gated reverb drums").has("gated_reverb"));
        assertTrue(read("chill lofi hip hop with soft piano and vinyl crackle").has("vinyl_crackle"));
        assertTrue(read("gradually fade into peaceful silence with soft wind chimes").has("fade_out"));
        assertTrue(read("gradually fade into peaceful silence with soft wind chimes").has("wind_chimes"));
        assertTrue(read("uplifting major key change").has("key_change"));
        assertTrue(read("euphoric buildups and drops").has("buildups_drops"));
        assertTrue(read("explosive guitar solo with wah-wah effect").has("wah"));
        assertTrue(read("gentle nature sounds, flowing water").has("water"));
    }

    @Test
    void everySeedSoundReadsToAStyle() {
        for (String s : SeedExamples.sounds()) {
            Style st = read(s);
            assertTrue(st.bpm() >= 40 && st.bpm() <= 220, s);
            assertFalse(st.genres().isEmpty(), s);
        }
    }

    @Test
    void sameSeedSameStyleOtherSeedMayDiffer() {
        assertEquals(read("pop"), read("pop"));
    }
}
