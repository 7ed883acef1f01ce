package io.producer.engine.voice;

import io.producer.engine.Profile;
import io.producer.engine.Seeds;
import io.producer.engine.audio.AudioBuffer;
import io.producer.engine.score.LyricWord;
import io.producer.engine.score.Score;
import io.producer.engine.score.VocalNote;
import io.producer.engine.score.VocalPart;
import io.producer.engine.score.Voice;
import io.producer.engine.score.WordTiming;

import java.util.ArrayList;
import java.util.List;

/**
 * The singer: renders the score's vocal part as a dry stereo vocal, and tells where each word is
 * sung. Stateless and thread-safe; the same score and profile always give the same samples.
 */
public final class Singer {
    /** Brings the kal recordings (16-bit scale, normalised in the synth) to about -6 dBFS peaks on loud vowels. */
    private static final float OUTPUT_GAIN = 0.5f;

    private final DiphoneBank bank;

    public Singer() {
        this.bank = DiphoneBank.get();
    }

    /** What the singer delivers: the dry vocal and where each word of the lyrics is heard in it. */
    public record Performance(AudioBuffer vocal, List<WordTiming> timeline) {}

    /**
     * The dry vocal: stereo, exactly {@code round(score.durationSeconds() * profile.sampleRate())}
     * frames, silent when the score has no vocal.
     */
    public AudioBuffer sing(Score score, Profile profile) {
        return perform(score, profile).vocal();
    }

    /** The dry vocal ({@link #sing}) and its word timeline, measured on the lead voice. */
    public Performance perform(Score score, Profile profile) {
        int rate = profile.sampleRate();
        int frames = (int) Math.round(score.durationSeconds() * rate);
        AudioBuffer out = AudioBuffer.silence(rate, frames);
        if (!score.hasVocal()) return new Performance(out, List.of());
        VocalPart part = score.vocal();
        long seed = Seeds.hash(score.seed() == null ? "" : score.seed());
        List<SungNote> notes = notes(score);
        if (notes.isEmpty()) return new Performance(out, List.of());
        Voice voice = voiceOf(part);
        VoiceStyle style = VoiceStyle.of(voice, score.style() == null ? 0.5 : score.style().lyricsStrength());
        List<Performer> ensemble = Ensemble.performers(score, voice, style, notes, profile);
        // an ensemble adds up like uncorrelated voices: keep it about as loud as the lead alone would be
        double power = 0;
        for (Performer p : ensemble) power += p.gain() * p.gain();
        double norm = 1 / Math.max(1, Math.sqrt(power) / 1.25);
        float[] lead = null;
        for (Performer p : ensemble) {
            float[] mono = new float[frames];
            long pseed = Seeds.stream(seed, "voice", p.index()).nextLong();
            render(p, mono, rate, pseed);
            if (p.style().vocoder()) Vocoder.apply(mono, rate, p.notes());
            pan(mono, p.pan(), (float) (p.gain() * norm), out);
            if (lead == null) lead = mono;
        }
        Breaths.add(notes, style, out, Seeds.stream(seed, "breath", 0).nextLong());
        softLimit(out);
        return new Performance(out, timeline(score, notes, style, lead, rate));
    }

    /**
     * Word-level timing: each word from where its voice is first heard in {@code lead} (the lead
     * singer's dry render at {@code rate}) to the end of its last note. "Heard" is what an energy
     * track shows: the vowel onset (the note's start) when the word begins with an unvoiced or stopped
     * consonant or a vowel; when it begins with sonorants sung before the beat ("moon", "love",
     * "grows"), the point where they come within a few dB of the vowel ({@link Phrasing#heardStarts}).
     */
    private static List<WordTiming> timeline(Score score, List<SungNote> notes, VoiceStyle style, float[] lead, int rate) {
        List<LyricWord> words = score.vocal().words();
        double[] heard = Phrasing.heardStarts(notes, style, lead, rate);
        int n = words.size();
        double[] start = new double[n];
        double[] end = new double[n];
        boolean[] seen = new boolean[n];
        for (int i = 0; i < notes.size(); i++) {
            SungNote note = notes.get(i);
            int w = note.wordIndex();
            if (w < 0 || w >= n) continue;
            if (!seen[w]) {
                start[w] = heard[i];
                end[w] = note.end();
                seen[w] = true;
            } else {
                start[w] = Math.min(start[w], heard[i]);
                end[w] = Math.max(end[w], note.end());
            }
        }
        List<WordTiming> out = new ArrayList<>();
        for (int w = 0; w < n; w++) if (seen[w]) out.add(new WordTiming(words.get(w).text(), Math.max(0, start[w]), end[w]));
        out.sort((a, b) -> Double.compare(a.start(), b.start()));
        // a word is heard until the next one starts, even where that one's consonants come before its beat
        for (int i = 0; i + 1 < out.size(); i++) {
            WordTiming a = out.get(i), b = out.get(i + 1);
            if (b.start() < a.end() && b.start() > a.start()) out.set(i, new WordTiming(a.word(), a.start(), b.start()));
        }
        return out;
    }

    private void render(Performer p, float[] mono, int rate, long seed) {
        DiphoneSynth synth = new DiphoneSynth(bank);
        double alpha = p.style().formantScale();
        List<Phrase> phrases = Phrasing.plan(p.notes(), p.style(), seed);
        for (Phrase phrase : phrases) {
            float[] v = synth.render(phrase, alpha);
            Resampler.addInto(v, DiphoneBank.RATE * alpha, phrase.start(), mono, rate, OUTPUT_GAIN);
        }
    }

    /** The score's vocal notes in seconds with kal phones, in time order. */
    static List<SungNote> notes(Score score) {
        VocalPart part = score.vocal();
        List<LyricWord> words = part.words();
        Voice voice = voiceOf(part);
        List<SungNote> out = new ArrayList<>();
        List<VocalNote> sorted = new ArrayList<>(part.notes());
        sorted.sort((a, b) -> Double.compare(a.startBeat(), b.startBeat()));
        for (VocalNote n : sorted) {
            List<String> phones = new ArrayList<>();
            for (String ph : n.phonemes()) {
                String k = Phone.fromArpabet(ph);
                if (k != null && !k.equals(Phone.PAU)) phones.add(k);
            }
            if (phones.isEmpty()) phones.add("ax");
            int line = n.wordIndex() >= 0 && n.wordIndex() < words.size() ? words.get(n.wordIndex()).lineIndex() : -1;
            double s = score.beatToSeconds(n.startBeat());
            double e = score.beatToSeconds(n.endBeat());
            out.add(new SungNote(s, e, inRange(n.midi(), voice), n.velocity(), phones, n.melisma(), n.stressed(),
                    n.wordIndex(), line));
        }
        return out;
    }

    /** A vocal part without a voice (an older or hand-written score) is sung by a male lead. */
    private static Voice voiceOf(VocalPart part) {
        return part.voice() != null ? part.voice() : new Voice(Voice.Type.MALE, 48, 67, List.of());
    }

    /** A note far outside the voice's range is sung an octave nearer, as a singer would. */
    private static int inRange(int midi, Voice voice) {
        int m = midi;
        while (m > voice.highMidi() + 2 && m - 12 >= voice.lowMidi() - 2) m -= 12;
        while (m < voice.lowMidi() - 2 && m + 12 <= voice.highMidi() + 2) m += 12;
        return m;
    }

    private static void pan(float[] mono, double pan, float gain, AudioBuffer out) {
        double angle = (pan + 1) * Math.PI / 4;
        float l = (float) (Math.cos(angle) * Math.sqrt(2) * gain);
        float r = (float) (Math.sin(angle) * Math.sqrt(2) * gain);
        float[] left = out.left(), right = out.right();
        for (int i = 0; i < mono.length; i++) {
            left[i] += mono[i] * l;
            right[i] += mono[i] * r;
        }
    }

    /** Transparent below -3 dBFS; rounds off the rare louder peak instead of clipping it. */
    private static void softLimit(AudioBuffer out) {
        final float knee = 0.7f;
        for (float[] ch : new float[][]{out.left(), out.right()}) {
            for (int i = 0; i < ch.length; i++) {
                float x = ch[i];
                float ax = Math.abs(x);
                if (ax > knee) {
                    float over = ax - knee;
                    float y = knee + (1 - knee) * (float) Math.tanh(over / (1 - knee));
                    ch[i] = Math.copySign(y, x);
                }
            }
        }
    }
}
