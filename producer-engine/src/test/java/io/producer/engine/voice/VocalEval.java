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
 * VocalEval speak LYRICS.txt OUT.wav   (FreeTTS's own kevin16 reading the lyrics: the kal database spoken)
 * VocalEval resynth LYRICS.txt OUT.wav [semitones [vowel_stretch]]   (FreeTTS's timing and F0, sung by DiphoneSynth)</pre>
 *
 * <p>With {@code VOCAL_EVAL_PHONES} set, {@code compose} and {@code sketch} also write the phones the
 * singer places (PREFIX.phones.txt: phone, start, end in seconds), to line pitch misses up with phones.
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
        if (args[0].equals("resynth")) {
            resynth(lyrics, args[2], args.length > 3 ? Double.parseDouble(args[3]) : 0, args.length > 4 ? Double.parseDouble(args[4]) : 1);
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
        Singer.Performance sung = singer.perform(score, Profile.DEFAULT);
        AudioBuffer audio = sung.vocal();
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
        for (WordTiming w : sung.timeline()) {
            if (tl.length() > 1) tl.append(",\n");
            tl.append(String.format(Locale.ROOT, "{\"word\": \"%s\", \"start\": %.4f, \"end\": %.4f}",
                    w.word().replace("\"", ""), w.start(), w.end()));
        }
        Files.writeString(Path.of(prefix + ".timeline.json"), tl.append("]\n").toString());
        if (System.getenv("VOCAL_EVAL_PHONES") != null) {
            StringBuilder pl = new StringBuilder();
            VoiceStyle st = VoiceStyle.of(score.vocal().voice(), score.style().lyricsStrength());
            for (Phrase ph : Phrasing.plan(Singer.notes(score), st, 0))
                for (SungPhone sp : ph.phones()) pl.append(String.format(Locale.ROOT, "%s %.4f %.4f%n", sp.phone(), sp.start(), sp.end()));
            Files.writeString(Path.of(prefix + ".phones.txt"), pl.toString());
        }
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

    /**
     * FreeTTS's own phone timing and F0 for each line, rendered by the singer's DiphoneSynth: the synth
     * measured apart from the composition. {@code semitones} moves the pitch, {@code vowelStretch}
     * lengthens every vowel (measured on Starry Night: WER 0.39 as spoken, 0.39 at +14 semitones,
     * 0.56 at +14 with vowels twice as long; since the H1 resonance and the wider formants, 0.40 as
     * spoken and 0.59 at +14, 0.41 there with the formants not widened).
     */
    private static void resynth(String lyrics, String wav, double semitones, double vowelStretch) throws IOException {
        com.sun.speech.freetts.Voice v = kevin16();
        java.util.List<java.util.List<Object[]>> segs = new java.util.ArrayList<>();   // {phone, end}
        java.util.List<java.util.List<float[]>> targets = new java.util.ArrayList<>(); // {time, f0}
        @SuppressWarnings("unchecked") java.util.List<Object> procs = v.getUtteranceProcessors();
        procs.add((com.sun.speech.freetts.UtteranceProcessor) u -> {
            java.util.List<Object[]> sl = new java.util.ArrayList<>();
            for (com.sun.speech.freetts.Item it = u.getRelation("Segment").getHead(); it != null; it = it.getNext())
                sl.add(new Object[]{it.getFeatures().getString("name"), it.getFeatures().getFloat("end")});
            java.util.List<float[]> tl = new java.util.ArrayList<>();
            for (com.sun.speech.freetts.Item it = u.getRelation("Target").getHead(); it != null; it = it.getNext())
                tl.add(new float[]{it.getFeatures().getFloat("pos"), it.getFeatures().getFloat("f0")});
            segs.add(sl);
            targets.add(tl);
        });
        v.setAudioPlayer(new com.sun.speech.freetts.audio.NullAudioPlayer());
        for (String line : spokenLines(lyrics)) v.speak(line);
        v.deallocate();
        DiphoneSynth synth = new DiphoneSynth(DiphoneBank.get());
        int rate = Profile.DEFAULT.sampleRate();
        double offset = 0.3;
        java.util.List<float[]> parts = new java.util.ArrayList<>();
        java.util.List<Double> at = new java.util.ArrayList<>();
        for (int l = 0; l < segs.size(); l++) {
            // phones laid end to end, vowels stretched; map[k] = {old start, old end, new start, new end}
            java.util.List<SungPhone> phones = new java.util.ArrayList<>();
            java.util.List<double[]> map = new java.util.ArrayList<>();
            double was = 0, now = 0;
            for (Object[] sg : segs.get(l)) {
                String name = (String) sg[0];
                double end = (Float) sg[1];
                double len = (end - was) * (Phone.isVowel(name) ? vowelStretch : 1);
                map.add(new double[]{was, end, now, now + len});
                phones.add(new SungPhone(name, offset + now, offset + now + len));
                was = end;
                now += len;
            }
            int frames = (int) Math.ceil(now * Phrase.CONTROL_RATE) + 2;
            float[] pitch = new float[frames], gain = new float[frames];
            java.util.List<float[]> tl = targets.get(l);
            for (int f = 0; f < frames; f++) {
                double t = f / Phrase.CONTROL_RATE;
                double hz = tl.get(tl.size() - 1)[1];
                for (int k = 0; k + 1 < tl.size(); k++) {
                    double t0 = stretched(map, tl.get(k)[0]), t1 = stretched(map, tl.get(k + 1)[0]);
                    if (k == 0 && t < t0) { hz = tl.get(0)[1]; break; }
                    if (t <= t1) { hz = tl.get(k)[1] + (t - t0) / Math.max(1e-6, t1 - t0) * (tl.get(k + 1)[1] - tl.get(k)[1]); break; }
                }
                pitch[f] = (float) (69 + 12 * Math.log(hz / 440.0) / Math.log(2) + semitones);
                gain[f] = 1f;
            }
            parts.add(synth.render(new Phrase(offset, offset + now, phones, pitch, gain, 0, l), 1.0));
            at.add(offset);
            offset += now + 0.3;
        }
        float[] mono = new float[(int) ((offset + 0.5) * rate)];
        for (int i = 0; i < parts.size(); i++) Resampler.addInto(parts.get(i), DiphoneBank.RATE, at.get(i), mono, rate, 0.5f);
        Files.write(Path.of(wav), wav(new AudioBuffer(rate, mono, mono.clone())));
    }

    private static double stretched(java.util.List<double[]> map, double t) {
        for (double[] m : map) if (t <= m[1]) return m[2] + (t - m[0]) / Math.max(1e-6, m[1] - m[0]) * (m[3] - m[2]);
        return map.get(map.size() - 1)[3];
    }

    /** FreeTTS's 16 kHz kal voice, allocated. */
    private static com.sun.speech.freetts.Voice kevin16() {
        System.setProperty("freetts.voices", "com.sun.speech.freetts.en.us.cmu_us_kal.KevinVoiceDirectory");
        com.sun.speech.freetts.Voice v = com.sun.speech.freetts.VoiceManager.getInstance().getVoice("kevin16");
        if (v == null) throw new IllegalStateException("FreeTTS has no kevin16 voice on the classpath");
        v.allocate();
        return v;
    }

    /** The lyrics' lines as spoken: section tags and blank lines dropped. */
    private static java.util.List<String> spokenLines(String lyrics) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (String line : lyrics.replaceAll("\\[[^\\]]*\\]", "").split("\n")) if (!line.isBlank()) out.add(line.trim());
        return out;
    }

    /** FreeTTS's kevin16 reading each lyric line (section tags dropped) into one WAV file. */
    private static void speak(String lyrics, String wav) {
        com.sun.speech.freetts.Voice v = kevin16();
        String base = wav.endsWith(".wav") ? wav.substring(0, wav.length() - 4) : wav;
        var player = new com.sun.speech.freetts.audio.SingleFileAudioPlayer(base, javax.sound.sampled.AudioFileFormat.Type.WAVE);
        v.setAudioPlayer(player);
        for (String line : spokenLines(lyrics)) v.speak(line);
        player.close();
        v.deallocate();
    }
}
