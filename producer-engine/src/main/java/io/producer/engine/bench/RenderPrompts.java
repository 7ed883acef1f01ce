package io.producer.engine.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.producer.engine.Engine;
import io.producer.engine.EngineOptions;
import io.producer.engine.Profile;
import io.producer.engine.Song;
import io.producer.engine.SongRequest;
import io.producer.engine.analyze.Analysis;
import io.producer.engine.analyze.Analyzer;
import io.producer.engine.audio.Wav;
import io.producer.engine.score.Key;
import io.producer.engine.score.Score;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Renders every prompt of a list through the engine (as create_music, seed {@code eval-<id>}) and
 * writes {@code <id>.wav}, {@code <id>.mp3} and {@code <id>.json}: what the score declares (tempo,
 * key, meter, genre), what the engine's own analyser hears in the mix, the render time and the
 * stage times. Used by {@code scripts/eval-prompts}; not a test.
 *
 * <p>Usage: {@code RenderPrompts [--stems] PROMPTS.json OUT_DIR [id ...]}; {@code --stems} also writes
 * {@code <id>.<stem>.wav} of the four wet stems and {@code <id>.score.json}, to find which part of a mix a measurement hears.
 */
public final class RenderPrompts {
    private RenderPrompts() {}

    public static void main(String[] args) throws Exception {
        boolean stems = args.length > 0 && args[0].equals("--stems");
        if (stems) args = java.util.Arrays.copyOfRange(args, 1, args.length);
        if (args.length < 2) {
            System.err.println("usage: RenderPrompts [--stems] PROMPTS.json OUT_DIR [id ...]");
            System.exit(2);
        }
        PromptList list = PromptList.read(Path.of(args[0]));
        Path out = Files.createDirectories(Path.of(args[1]));
        Set<String> only = Set.of(java.util.Arrays.copyOfRange(args, 2, args.length));
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Analyzer analyzer = new Analyzer();
        int failures = 0;
        try (Engine engine = new Engine(EngineOptions.defaults())) {
            for (PromptList.Prompt p : list.prompts()) {
                if (!only.isEmpty() && !only.contains(p.id())) continue;
                Profile profile = p.mv() == null ? Profile.DEFAULT : Profile.byMv(p.mv());
                if (profile == null) throw new IllegalArgumentException(p.id() + ": unknown mv " + p.mv());
                SongRequest request = new SongRequest(p.sound(), p.lyrics(), p.id(), profile, "eval-" + p.id(),
                        p.instrumental(), SongRequest.DEFAULT_STRENGTH, SongRequest.DEFAULT_STRENGTH,
                        SongRequest.DEFAULT_STRENGTH, SongRequest.DEFAULT_STRENGTH);
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("id", p.id());
                row.put("group", p.group());
                row.put("mv", profile.mv());
                row.put("sound", p.sound());
                try {
                    long t0 = System.nanoTime();
                    Song song = engine.create(request);
                    double renderSeconds = (System.nanoTime() - t0) / 1e9;
                    Files.write(out.resolve(p.id() + ".wav"), Wav.encode(song.mix()));
                    Files.write(out.resolve(p.id() + ".mp3"), song.mp3(profile));
                    if (stems) {
                        Files.write(out.resolve(p.id() + ".vocals.wav"), Wav.encode(song.stems().vocals()));
                        Files.write(out.resolve(p.id() + ".drums.wav"), Wav.encode(song.stems().drums()));
                        Files.write(out.resolve(p.id() + ".bass.wav"), Wav.encode(song.stems().bass()));
                        Files.write(out.resolve(p.id() + ".other.wav"), Wav.encode(song.stems().other()));
                        Files.write(out.resolve(p.id() + ".score.json"), io.producer.engine.score.ScoreJson.write(song.score()));
                    }
                    Score score = song.score();
                    row.put("genre", score.style().mainGenre());
                    row.put("bpm", score.bpm());
                    row.put("key", measureKeyName(score.key()));
                    row.put("key_full", score.key().name());
                    row.put("meter", score.meter().toString());
                    row.put("sections", score.sections().size());
                    row.put("duration", song.durationSeconds());
                    row.put("vocal", score.hasVocal());
                    row.put("render_seconds", renderSeconds);
                    Map<String, Double> stages = new LinkedHashMap<>();
                    for (Song.StageTime st : song.stageTimes()) stages.put(st.stage(), st.seconds());
                    row.put("stages", stages);
                    Analysis a = analyzer.analyse(song.mix().toFloat());
                    row.put("analysed_bpm", a.bpm());
                    row.put("analysed_key", a.key().name());
                    row.put("analysed_meter", a.meter().toString());
                    row.put("analysed_lufs", a.integratedLufs());
                    System.err.printf("%-28s %-14s %6.1f BPM %-10s %5.1f s  render %.1f s  (analyser: %.1f BPM %s)%n",
                            p.id(), score.style().mainGenre(), score.bpm(), score.key().name(), song.durationSeconds(),
                            renderSeconds, a.bpm(), a.key().name());
                } catch (RuntimeException | OutOfMemoryError e) {
                    // one prompt failing (even out of heap) is a result of the run, not its end
                    failures++;
                    row.put("error", e.toString());
                    System.err.println(p.id() + ": FAILED " + e);
                }
                Files.write(out.resolve(p.id() + ".json"), json.writeValueAsBytes(row));
            }
        }
        if (failures > 0) System.exit(1);
    }

    /** The key as the measuring tool spells it: tonic and major/minor (modes by their third). */
    static String measureKeyName(Key key) {
        return Key.pitchClassName(key.tonic()) + (key.mode().minorish() ? " minor" : " major");
    }
}
