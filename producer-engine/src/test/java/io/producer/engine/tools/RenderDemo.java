package io.producer.engine.tools;

import io.producer.engine.EngineOptions;
import io.producer.engine.Profile;
import io.producer.engine.SongRequest;
import io.producer.engine.arrange.Arranger;
import io.producer.engine.audio.AudioBuffer;
import io.producer.engine.audio.Stems;
import io.producer.engine.audio.Wav;
import io.producer.engine.compose.Composer;
import io.producer.engine.lyrics.Lyrics;
import io.producer.engine.lyrics.LyricsReader;
import io.producer.engine.render.Renderer;
import io.producer.engine.score.Score;
import io.producer.engine.style.Style;
import io.producer.engine.style.StyleReader;
import io.producer.engine.voice.Singer;

import java.nio.file.Files;
import java.nio.file.Path;

/** A tool (not a test): renders a prompt without the mixer (plain sum, peak-normalised) to look at the music. */
public class RenderDemo {
    public static void main(String[] a) throws Exception {
        String sound = a[0];
        String lyr = a[1].isEmpty() ? null : a[1].replace("\\n", "\n");
        String seed = a[2];
        Path out = Path.of(a[3]);
        boolean instrumental = a.length > 4 && a[4].equals("instrumental");
        SongRequest r = new SongRequest(sound, lyr, null, Profile.DEFAULT, seed, instrumental, 0.5, 0.5, 0.5, 0.5);
        Lyrics lyrics = new LyricsReader().read(lyr);
        Style st = new StyleReader().read(r, !lyrics.isEmpty());
        Score sc = new Arranger().arrange(new Composer().compose(st, lyrics, seed, "FUZZ-2.0", null), Profile.DEFAULT);
        System.out.printf("%s | bpm %.0f %s %s | %.1f s%n", st.genres(), sc.bpm(), sc.meter(), sc.key().name(), sc.durationSeconds());
        long t = System.nanoTime();
        Stems s = new Renderer(EngineOptions.defaults()).renderInstruments(sc, Profile.DEFAULT);
        AudioBuffer v = new Singer().sing(sc, Profile.DEFAULT);
        System.out.printf("render+sing %.2f s%n", (System.nanoTime() - t) / 1e9);
        int n = v.frames();
        float[] l = new float[n], rr = new float[n];
        float peak = 1e-9f;
        for (int i = 0; i < n; i++) {
            l[i] = s.drums().left()[i] + s.bass().left()[i] + s.other().left()[i] + v.left()[i];
            rr[i] = s.drums().right()[i] + s.bass().right()[i] + s.other().right()[i] + v.right()[i];
            peak = Math.max(peak, Math.max(Math.abs(l[i]), Math.abs(rr[i])));
        }
        for (int i = 0; i < n; i++) { l[i] *= 0.8f / peak; rr[i] *= 0.8f / peak; }
        Files.write(out, Wav.encode(new AudioBuffer(v.sampleRate(), l, rr)));
    }
}
