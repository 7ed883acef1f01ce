package io.producer.engine.voice;

import io.producer.engine.Profile;
import io.producer.engine.SongRequest;
import io.producer.engine.audio.AudioBuffer;
import io.producer.engine.compose.Composer;
import io.producer.engine.lyrics.LyricsReader;
import io.producer.engine.style.Style;
import io.producer.engine.style.StyleReader;
import io.producer.engine.score.Score;
import io.producer.engine.score.VocalNote;
import io.producer.engine.score.Voice;
import io.producer.engine.score.WordTiming;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Renders the dry vocal of a lyrics file for {@code scripts/eval-vocals}: writes VOCAL.wav, the
 * score's notes as NOTES.json ([{"start","end","midi"}]) and the word timeline as TIMELINE.json.
 * {@code bench} renders a three-minute song warm and prints the time.
 *
 * <pre>VocalEval compose LYRICS.txt SOUND_PROMPT LYRICS_STRENGTH OUT_PREFIX [seed]   (the real composer)
 * VocalEval sketch LYRICS.txt VOICE_TYPE LYRICS_STRENGTH OUT_PREFIX [bpm [effects]] (a plain setting)
 * VocalEval parlando LYRICS.txt VOICE_TYPE LYRICS_STRENGTH OUT_PREFIX [bpm [effects]] (syllables as long as spoken)
 * VocalEval bench LYRICS.txt
 * VocalEval speak LYRICS.txt OUT.wav   (FreeTTS's own kevin16 reading the lyrics: the kal database spoken)</pre>
 *
 * <p>{@code speak} measures the floor the voice database sets: the singer is built on the same
 * recordings, so its words cannot be clearer sung than FreeTTS makes them spoken, at speech pitch
 * and with FreeTTS's full duration and intonation models.
 */
public final class VocalEval {
    public static void main(String[] args) throws IOException {
        String lyrics = Files.readString(Path.of(args[1]));
        if (args[0].equals("speak")) {
            speak(lyrics, args[2]);
            return;
        }
        Singer singer = new Singer();
        if (args[0].equals("bench")) {
            // lines of the lyrics, over and over, until the song lasts three minutes
            String[] lines = lyrics.split("\n");
            StringBuilder longer = new StringBuilder();
            Score score;
            int line = 0;
            do {
                longer.append(lines[line++ % lines.length]).append('\n');
                score = SketchSong.score(longer.toString(), SketchSong.voice(Voice.Type.MALE), 100, 0.5, "bench");
            } while (score.durationSeconds() < 180);
            for (int i = 0; i < 3; i++) singer.sing(score, Profile.DEFAULT);
            long t0 = System.nanoTime();
            int runs = 5;
            for (int i = 0; i < runs; i++) singer.sing(score, Profile.DEFAULT);
            double secs = (System.nanoTime() - t0) / 1e9 / runs;
            System.out.printf(Locale.ROOT, "{\"song_seconds\": %.1f, \"sung_notes\": %d, \"render_seconds_warm\": %.3f}%n",
                    score.durationSeconds(), score.vocal().notes().size(), secs);
            return;
        }
        String prefix = args[4];
        double strength = Double.parseDouble(args[3]);
        Score score;
        if (args[0].equals("compose")) {
            // the real pipeline up to the score: style from the prompt, lyrics, composer
            String sound = args[2];
            SongRequest request = new SongRequest(sound, lyrics, "eval", Profile.DEFAULT, args.length > 5 ? args[5] : "eval-vocals",
                    false, strength, SongRequest.DEFAULT_STRENGTH, SongRequest.DEFAULT_STRENGTH, SongRequest.DEFAULT_STRENGTH);
            Style style = new StyleReader().read(request, true);
            score = new Composer().compose(style, new LyricsReader().read(lyrics), request.seed(), Profile.DEFAULT.mv(), "eval");
        } else {
            Voice.Type type = Voice.Type.valueOf(args[2].toUpperCase(Locale.ROOT));
            double bpm = args.length > 5 ? Double.parseDouble(args[5]) : 96;
            Voice base = SketchSong.voice(type);
            Voice voice = args.length > 6 ? new Voice(type, base.lowMidi(), base.highMidi(), java.util.List.of(args[6].split(","))) : base;
            score = SketchSong.score(lyrics, voice, bpm, strength, "eval", args[0].equals("parlando"));
        }
        String transpose = System.getenv("VOCAL_EVAL_TRANSPOSE");
        if (transpose != null) score = transposed(score, Integer.parseInt(transpose));
        long t0 = System.nanoTime();
        AudioBuffer audio = singer.sing(score, Profile.DEFAULT);
        double secs = (System.nanoTime() - t0) / 1e9;
        Files.write(Path.of(prefix + ".wav"), wav(audio));
        StringBuilder notes = new StringBuilder("[");
        for (VocalNote n : score.vocal().notes()) {
            if (notes.length() > 1) notes.append(",\n");
            notes.append(String.format(Locale.ROOT, "{\"start\": %.4f, \"end\": %.4f, \"midi\": %d}",
                    score.beatToSeconds(n.startBeat()), score.beatToSeconds(n.endBeat()), n.midi()));
        }
        Files.writeString(Path.of(prefix + ".notes.json"), notes.append("]\n").toString());
        StringBuilder tl = new StringBuilder("[");
        for (WordTiming w : singer.timeline(score)) {
            if (tl.length() > 1) tl.append(",\n");
            tl.append(String.format(Locale.ROOT, "{\"word\": \"%s\", \"start\": %.4f, \"end\": %.4f}",
                    w.word().replace("\"", ""), w.start(), w.end()));
        }
        Files.writeString(Path.of(prefix + ".timeline.json"), tl.append("]\n").toString());
        Voice v = score.vocal().voice();
        System.out.printf(Locale.ROOT, "{\"voice\": \"%s\", \"low_midi\": %d, \"high_midi\": %d, \"effects\": \"%s\", \"bpm\": %.1f, "
                        + "\"song_seconds\": %.1f, \"notes\": %d, \"render_seconds_cold\": %.3f}%n",
                v.type(), v.lowMidi(), v.highMidi(), String.join(",", v.effects()), score.bpm(), score.durationSeconds(),
                score.vocal().notes().size(), secs);
    }

    private static Score transposed(Score s, int semitones) {
        java.util.List<VocalNote> notes = new java.util.ArrayList<>();
        for (VocalNote n : s.vocal().notes())
            notes.add(new VocalNote(n.startBeat(), n.durationBeats(), n.midi() + semitones, n.velocity(), n.syllable(),
                    n.phonemes(), n.wordIndex(), n.melisma(), n.stressed()));
        Voice v = s.vocal().voice();
        Voice moved = new Voice(v.type(), v.lowMidi() + semitones, v.highMidi() + semitones, v.effects());
        return new Score(s.formatVersion(), s.origin(), s.seed(), s.profile(), s.title(), s.style(), s.bpm(), s.meter(), s.key(),
                s.bars(), s.sections(), s.chords(), new io.producer.engine.score.VocalPart(moved, s.vocal().words(), notes),
                s.parts(), s.tailSeconds());
    }

    static byte[] wav(AudioBuffer a) {
        int frames = a.frames();
        ByteBuffer b = ByteBuffer.allocate(44 + frames * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + frames * 4).put("WAVE".getBytes(StandardCharsets.US_ASCII));
        b.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 2)
                .putInt(a.sampleRate()).putInt(a.sampleRate() * 4).putShort((short) 4).putShort((short) 16);
        b.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(frames * 4);
        for (int i = 0; i < frames; i++) {
            b.putShort(pcm(a.left()[i]));
            b.putShort(pcm(a.right()[i]));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(b.array());
        return out.toByteArray();
    }

    private static short pcm(float x) {
        return (short) Math.round(Math.max(-1, Math.min(1, x)) * 32767);
    }

    /** FreeTTS's kevin16 reading each lyric line (section tags dropped) into one WAV file. */
    private static void speak(String lyrics, String wav) {
        System.setProperty("freetts.voices", "com.sun.speech.freetts.en.us.cmu_us_kal.KevinVoiceDirectory");
        com.sun.speech.freetts.Voice v = com.sun.speech.freetts.VoiceManager.getInstance().getVoice("kevin16");
        if (v == null) throw new IllegalStateException("FreeTTS has no kevin16 voice on the classpath");
        v.allocate();
        String base = wav.endsWith(".wav") ? wav.substring(0, wav.length() - 4) : wav;
        var player = new com.sun.speech.freetts.audio.SingleFileAudioPlayer(base, javax.sound.sampled.AudioFileFormat.Type.WAVE);
        v.setAudioPlayer(player);
        for (String line : lyrics.replaceAll("\\[[^\\]]*\\]", "").split("\n")) if (!line.isBlank()) v.speak(line.trim());
        player.close();
        v.deallocate();
    }
}
