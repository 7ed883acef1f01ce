package io.producer.engine;

import io.producer.engine.analyze.Analysis;
import io.producer.engine.analyze.Analyzer;
import io.producer.engine.audio.AudioBuffer;
import io.producer.engine.audio.LoudnessMeter;
import io.producer.engine.audio.Wav;
import io.producer.engine.compose.Composer;
import io.producer.engine.edit.Excerpt;
import io.producer.engine.lyrics.Lyrics;
import io.producer.engine.lyrics.LyricsReader;
import io.producer.engine.score.Key;
import io.producer.engine.score.Score;
import io.producer.engine.score.Section;
import io.producer.engine.score.VocalNote;
import io.producer.engine.style.StyleReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The whole pipeline, on short songs: determinism, the seed's creates measured by our own analyser, and the edit invariants. */
class EngineTest {
    static final String SHORT = "[Chorus]\nThis is our moment\nThis is our time\nWe'll make it happen\nEverything's fine";
    static Engine engine;

    @BeforeAll static void start() { engine = new Engine(EngineOptions.defaults()); }

    @AfterAll static void stop() { engine.close(); }

    static SongRequest req(String sound, String lyrics, String seed) {
        return new SongRequest(sound, lyrics, null, Profile.DEFAULT, seed, false, 0.5, 0.5, 0.5, 0.5);
    }

    @Test
    void sameRequestAndSeedGiveByteIdenticalAudioOtherSeedsDiffer() {
        SongRequest r = req("upbeat pop rock with electric guitars and energetic drums", SHORT, "test-seed-12345");
        Song a = engine.create(r), b = engine.create(r);
        assertArrayEquals(Wav.encode(a.mix()), Wav.encode(b.mix()));
        Song c = engine.create(req("upbeat pop rock with electric guitars and energetic drums", SHORT, "another"));
        assertFalse(Arrays.equals(Wav.encode(a.mix()), Wav.encode(c.mix())));
        List<String> stages = a.stageTimes().stream().map(Song.StageTime::stage).toList();
        assertEquals(List.of("lyrics", "style", "compose", "arrange", "render", "voice", "mix"), stages);
        assertFalse(a.timeline().isEmpty());
        assertEquals(a.score().vocal().words().size(), a.timeline().size());
    }

    @Test
    void concurrentCallsGiveTheSameAudioAsSequentialOnes() throws Exception {
        SongRequest a = req("chill lofi hip hop with soft piano", SHORT, "conc-a"), b = req("reggae", SHORT, "conc-b");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var fa = pool.submit(() -> engine.create(a));
            var fb = pool.submit(() -> engine.create(b));
            byte[] ca = Wav.encode(fa.get().mix()), cb = Wav.encode(fb.get().mix());
            assertArrayEquals(Wav.encode(engine.create(a).mix()), ca);
            assertArrayEquals(Wav.encode(engine.create(b).mix()), cb);
        } finally {
            pool.shutdown();
        }
    }

    /** Every create of the seed: the real score, 12 bars from its first section after the intro, rendered and measured. */
    @Test
    void everySeedCreateRendersInTempoInKeyAndAtTheLoudnessTarget() {
        Analyzer analyzer = new Analyzer();
        LyricsReader lr = new LyricsReader();
        List<String> failures = new ArrayList<>();
        int n = 0;
        for (var node : SeedExamples.creates()) {
            SongRequest r = SeedExamples.toRequest(node, "seed-" + n++);
            Lyrics l = r.makeInstrumental() ? Lyrics.NONE : lr.read(r.lyrics());
            Score full = new io.producer.engine.arrange.Arranger().arrange(
                    new Composer().compose(new StyleReader().read(r, !l.isEmpty()), l, r.seed(), r.profile().mv(), r.title()), r.profile());
            Section first = full.sections().get(full.sections().size() > 2 ? 1 : 0);
            Score excerpt = Excerpt.of(full, first.startBar(), 12);
            Song song = engine.render(excerpt);
            AudioBuffer mix = song.mix().toFloat();
            double lufs = LoudnessMeter.integratedLufs(mix), tp = LoudnessMeter.truePeakDbtp(mix);
            Analysis a = analyzer.analyse(mix);
            double ratio = a.bpm() / excerpt.bpm();
            boolean tempoOk = Math.abs(ratio - 1) <= 0.04 || Math.abs(ratio - 2) <= 0.08 || Math.abs(ratio - 0.5) <= 0.02;
            boolean keyOk = a.key().tonic() == excerpt.key().tonic() && a.key().mode().minorish() == excerpt.key().mode().minorish()
                    || relative(a.key(), excerpt.key());
            String what = r.sound() + String.format(" | bpm %.1f vs %.0f, key %s vs %s, %.2f LUFS, %.2f dBTP",
                    a.bpm(), excerpt.bpm(), a.key().name(), excerpt.key().name(), lufs, tp);
            System.out.println(what);
            if (!tempoOk || Math.abs(lufs + 14) > 1 || tp > -1 + 1e-9) failures.add(what);
            if (!keyOk) failures.add("key: " + what);
        }
        // the acceptance bar of the issue: tempo and loudness always, the key (exact or relative) for at least 80 %
        assertTrue(failures.stream().noneMatch(f -> !f.startsWith("key:")), "failures:\n" + String.join("\n", failures));
        assertTrue(failures.size() <= n / 5, "key failures:\n" + String.join("\n", failures));
    }

    static boolean relative(Key a, Key b) {
        if (a.mode().minorish() == b.mode().minorish()) return false;
        Key minor = a.mode().minorish() ? a : b, major = a.mode().minorish() ? b : a;
        return (minor.tonic() + 3) % 12 == major.tonic();
    }

    @Test
    void extendKeepsThePrefixSampleForSample() {
        Song src = engine.create(req("indie rock with jangly guitars and melodic vocals", SHORT, "ext"));
        Song ext = engine.extend(new SourceClip(src.score(), null),
                req("build intensity with layered guitars and driving drums", "[Bridge]\nEvery step I take\nEvery move I make", "ext2"), 10);
        double barSec = src.score().beatToSeconds(src.score().meter().beatsPerBar());
        int keepBars = (int) Math.round(10 / barSec);
        int a = (int) Math.round(keepBars * barSec * src.mix().sampleRate());
        int fade = (int) Math.round(Math.min(0.06, src.score().secondsPerBeat() / 2) * src.mix().sampleRate());
        assertTrue(fade <= src.score().secondsPerBeat() * src.mix().sampleRate(), "crossfade at most a beat");
        same(src.mix(), 0, ext.mix(), 0, a - fade / 2);
        assertTrue(ext.score().bars() > keepBars);
        assertTrue(ext.score().vocal().words().stream().anyMatch(w -> w.text().equals("Every")));
    }

    @Test
    void replaceKeepsEverythingOutsideTheWindow() {
        Song src = engine.create(req("upbeat pop with piano", SHORT + "\n\n[Verse]\nWalking through the city lights\nFeeling like I own the night", "rep"));
        double barSec = src.score().beatToSeconds(src.score().meter().beatsPerBar());
        double startsAt = 4 * barSec + 0.1, endsAt = 8 * barSec - 0.1;
        Song rep = engine.replace(new SourceClip(src.score(), null),
                req("heavy distorted guitar riff with aggressive energy", null, "rep2"), startsAt, endsAt);
        int rate = src.mix().sampleRate();
        int a = (int) Math.round(4 * barSec * rate), b = (int) Math.round(8 * barSec * rate);
        int fade = (int) Math.round(Math.min(0.06, src.score().secondsPerBeat() / 2) * rate);
        assertEquals(src.mix().frames(), rep.mix().frames());
        same(src.mix(), 0, rep.mix(), 0, a - fade / 2);
        same(src.mix(), b + fade / 2, rep.mix(), b + fade / 2, src.mix().frames() - (b + fade / 2));
        assertFalse(Arrays.equals(Arrays.copyOfRange(src.mix().toFloat().left(), a + fade, b - fade), Arrays.copyOfRange(rep.mix().toFloat().left(), a + fade, b - fade)));
    }

    @Test
    void swapVocalsKeepsTheInstrumentalStemsBitIdentical() {
        Song src = engine.create(req("pop", SHORT, "sv"));
        Song sw = engine.swapVocals(new SourceClip(src.score(), null),
                req("smooth male pop vocal with subtle autotune effect", "[Verse 1]\nWhen I see you smile\nTime just stands still\nEvery moment with you\nIs a perfect thrill", "sv2"));
        assertTrue(src.stems().drums().sameAudio(sw.stems().drums()));
        assertTrue(src.stems().bass().sameAudio(sw.stems().bass()));
        assertTrue(src.stems().other().sameAudio(sw.stems().other()));
        assertEquals(src.score().parts(), sw.score().parts());
        assertFalse(src.dryVocals().sameAudio(sw.dryVocals()));
        assertEquals("When", sw.score().vocal().words().get(0).text());
    }

    @Test
    void swapSoundKeepsTheVocalStemBitIdentical() {
        Song src = engine.create(req("pop", SHORT, "ss"));
        Song sw = engine.swapSound(new SourceClip(src.score(), null),
                req("classic reggae riddim with offbeat guitar skanks, deep dub bass, one-drop drum pattern, and organ stabs", SHORT, "ss2"));
        assertTrue(src.stems().vocals().sameAudio(sw.stems().vocals()));
        assertTrue(src.dryVocals().sameAudio(sw.dryVocals()));
        assertEquals(src.score().vocal(), sw.score().vocal());
        assertNotEquals(src.score().parts(), sw.score().parts());
        assertEquals("reggae", sw.score().style().mainGenre());
    }

    @Test
    void coverKeepsTheTuneRecognisable() {
        Song src = engine.create(req("pop", SHORT, "cv"));
        Song cov = engine.cover(new SourceClip(src.score(), null),
                new SongRequest("emotional female ballad with piano accompaniment and soft strings", null, null, Profile.DEFAULT, "cv2", false, 0.5, 0.5, 0.5, 0.8));
        assertNotEquals(src.score().style().mainGenre(), cov.score().style().mainGenre());
        assertTrue(contourCorrelation(src.score(), cov.score()) > 0.6);
    }

    @Test
    void anUploadIsAnalysedAndCanBeExtendedInItsTempoAndKey() {
        Song made = engine.create(req("upbeat pop with piano and drums", SHORT, "up"));
        Song up = engine.analyse(made.mix().toFloat(), "upload-seed");
        Score s = up.score();
        assertEquals("analysed", s.origin());
        assertTrue(s.parts().isEmpty());
        assertEquals(made.score().bpm(), s.bpm(), made.score().bpm() * 0.04);
        assertTrue(made.mix().sameAudio(up.mix()), "the upload is the clip's audio");
        Song ext = engine.extend(new SourceClip(s, made.mix().toFloat()), req("build intensity with layered guitars and driving drums", null, "up2"), 12);
        int keep = (int) Math.round(8.0 * made.mix().sampleRate());
        same(made.mix(), 0, ext.mix(), 0, keep);
        assertTrue(ext.mix().durationSeconds() > 14);
        assertEquals(s.key(), ext.score().key());
        assertEquals(s.bpm(), ext.score().bpm());
    }

    /** Pearson correlation of the two melodies sampled on every half beat where both sing. */
    static double contourCorrelation(Score a, Score b) {
        List<double[]> pairs = new ArrayList<>();
        for (double t = 0; t < Math.min(a.lengthBeats(), b.lengthBeats()); t += 0.5) {
            Integer x = pitchAt(a, t), y = pitchAt(b, t);
            if (x != null && y != null) pairs.add(new double[]{x, y});
        }
        double mx = 0, my = 0;
        for (double[] p : pairs) { mx += p[0]; my += p[1]; }
        mx /= pairs.size(); my /= pairs.size();
        double sxy = 0, sxx = 0, syy = 0;
        for (double[] p : pairs) { sxy += (p[0] - mx) * (p[1] - my); sxx += (p[0] - mx) * (p[0] - mx); syy += (p[1] - my) * (p[1] - my); }
        return sxy / Math.sqrt(sxx * syy);
    }

    static Integer pitchAt(Score s, double beat) {
        for (VocalNote n : s.vocal().notes()) if (n.startBeat() <= beat && beat < n.endBeat()) return n.midi();
        return null;
    }

    /** {@code n} frames of {@code x} from {@code fromX} equal {@code y} from {@code fromY}, exactly. */
    static void same(io.producer.engine.audio.PcmAudio px, int fromX, io.producer.engine.audio.PcmAudio py, int fromY, int n) {
        assertTrue(n > 0);
        AudioBuffer x = px.toFloat(), y = py.toFloat();
        assertArrayEquals(Arrays.copyOfRange(x.left(), fromX, fromX + n), Arrays.copyOfRange(y.left(), fromY, fromY + n));
        assertArrayEquals(Arrays.copyOfRange(x.right(), fromX, fromX + n), Arrays.copyOfRange(y.right(), fromY, fromY + n));
    }
}
