package io.producer.engine.tools;

import io.producer.engine.Engine;
import io.producer.engine.EngineOptions;
import io.producer.engine.Profile;
import io.producer.engine.Song;
import io.producer.engine.SongRequest;
import io.producer.engine.audio.Wav;

import java.nio.file.Files;
import java.nio.file.Path;

/** A tool (not a test): Engine.create for one prompt, written as WAV, with the stage times. */
public class CreateDemo {
    public static void main(String[] a) throws Exception {
        String lyr = a[1].isEmpty() ? null : a[1].replace("\\n", "\n");
        boolean instrumental = a.length > 4 && a[4].equals("instrumental");
        SongRequest r = new SongRequest(a[0], lyr, null, Profile.DEFAULT, a[2], instrumental, 0.5, 0.5, 0.5, 0.5);
        try (Engine e = new Engine(EngineOptions.defaults())) {
            Song s = e.create(r);
            Files.write(Path.of(a[3]), Wav.encode(s.mix()));
            System.out.printf("%s bpm %.0f key %s %.1f s %s%n", s.score().style().genres(), s.score().bpm(), s.score().key().name(), s.durationSeconds(), s.stageTimes());
        }
    }
}
