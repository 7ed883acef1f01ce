package io.producer.engine.voice;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Turns sung notes into phones in time and the pitch and loudness a singer gives them: the vowel
 * of every syllable starts exactly on its note, onset consonants are sung before the beat and
 * coda consonants at the end of the note (obstruents just after it), pitch glides between notes
 * and vibrato grows on long notes. Rests long enough to breathe split the song into {@link Phrase}s.
 */
final class Phrasing {
    private Phrasing() {}

    /** A rest at least this long ends a phrase. */
    static final double PHRASE_GAP = 0.22;
    private static final double LEAD_IN = 0.06;
    private static final double LEAD_OUT = 0.10;
    /**
     * How far before its vowel at most a note's pitch glide is centred when it is not sung in the
     * consonants ({@link VoiceStyle#spokenGlide}). Gliding through the whole onset ("st" of "stay") sings
     * the end of the previous note off its pitch (measured: Starry Night 0.9 pitch accuracy male 0.897 →
     * 0.903, female 0.902 → 0.911 with the glide just before the vowel).
     */
    private static final double GLIDE_LEAD = 0.025;
    /**
     * A word that begins on its vowel right after a word ending on one ("the air", "sky I stare")
     * starts with a glottal onset: the voice drops for this long before the vowel, to
     * {@link #GLOTTAL_DIP} of its level. Sung legato, the two vowels would otherwise merge into one
     * and the word's start be neither heard nor seen. After a consonant the words link, as in speech:
     * a dip in "looking at" was heard as "work and" (PocketSphinx).
     */
    private static final double GLOTTAL_ONSET = 0.04;
    private static final double GLOTTAL_DIP = 0.15;

    /**
     * A diphthong keeps at least this long (or 60 % of its note) before its consonants give way. Squeezed
     * to 60 ms, "ay" lost its glide: "bright as day" sung in 16ths at 108 BPM was heard as "retrospect".
     * Nine seed lyrics at lyrics_strength 0.9 (eval-vocals --survey) on four composition seeds, WER
     * male 0.381 / 0.396 / 0.385 / 0.391 -> 0.366 / 0.403 / 0.366 / 0.376, female 0.361 / 0.393 / 0.398
     * / 0.420 -> 0.343 / 0.403 / 0.393 / 0.396; 110 ms read no better.
     */
    private static final double DIPHTHONG_MIN = 0.09;

    private record Syllable(List<SungNote> notes, List<String> onset, List<String> nucleus, List<String> coda) {
        double start() { return notes.get(0).start(); }
        double end() { return notes.get(notes.size() - 1).end(); }
    }

    /** Where each syllable's phones go: onset and coda lengths after squeezing, vowel and coda ends. */
    private record Layout(List<Syllable> syl, double[] onset, double[] coda, double[] vowelEnd, double[] codaEnd) {}

    static List<Phrase> plan(List<SungNote> notes, VoiceStyle style, long seed) {
        Layout lay = layout(notes, style);
        List<Syllable> syl = lay.syl();
        int n = syl.size();
        double[] onset = lay.onset(), coda = lay.coda(), vowelEnd = lay.vowelEnd(), codaEnd = lay.codaEnd();
        List<Phrase> phrases = new ArrayList<>();
        int first = 0;
        for (int i = 0; i < n; i++) {
            boolean last = i == n - 1;
            double gap = last ? Double.POSITIVE_INFINITY : (syl.get(i + 1).start() - onset[i + 1]) - codaEnd[i];
            if (last || gap >= PHRASE_GAP) {
                phrases.add(phrase(syl.subList(first, i + 1), onset, coda, vowelEnd, codaEnd, first, style,
                        seed ^ (phrases.size() * 0x9E3779B97F4A7C15L)));
                first = i + 1;
            }
        }
        return phrases;
    }

    /**
     * Where each note is first heard, by note index, measured on the voice that sang it ({@code voice}
     * at {@code rate}, sample 0 at second 0): what an energy track shows as the start of a syllable.
     * After an unvoiced or stopped consonant, or with no consonant, that is the vowel onset (the note's
     * start): those consonants are quiet next to the vowel. Sonorants sung before the beat ("moon",
     * "love", "when") are voiced, and the syllable is heard from where they come within
     * {@link #HEARD_WITHIN_DB} of the vowel's level. How loud an "m" is against its vowel depends on the
     * vowel and on the pitch: kal's "m" reaches the vowel's level 40 % into the consonant before "oo"
     * at a male pitch, but stays 11-20 dB under "a" at a female one, so no fixed share of the consonant
     * places these words (measured on the nine seed lyrics: "m" words heard from 70 ms before their
     * vowel to on it). Where the sonorants are as loud as the syllable before them all the way ("I
     * need"), the energy shows no start, and the syllable is heard where the pitch glide into its note
     * arrives within half a semitone of it, as a pitch track shows it. Melisma notes: their start.
     */
    static double[] heardStarts(List<SungNote> notes, VoiceStyle style, float[] voice, int rate) {
        Layout lay = layout(notes, style);
        double[] out = new double[notes.size()];
        for (int i = 0; i < out.length; i++) out[i] = notes.get(i).start();
        Loudness level = new Loudness(voice, rate);
        int noteIndex = 0;
        for (int i = 0; i < lay.syl().size(); i++) {
            Syllable s = lay.syl().get(i);
            List<String> on = s.onset();
            double total = 0, sonorant = 0;
            for (String p : on) total += SpokenDurations.seconds(p);
            for (int k = on.size() - 1; k >= 0 && Phone.isSonorant(on.get(k)); k--) sonorant += SpokenDurations.seconds(on.get(k));
            if (sonorant > 0) {
                double vowel = s.start();
                double from = vowel - lay.onset()[i] * sonorant / total;
                double target = level.peakDb(vowel, Math.min(vowel + VOWEL_LEVEL_SPAN, s.notes().get(0).end())) - HEARD_WITHIN_DB;
                double heard = level.riseBefore(target, from, vowel);
                if (heard <= from && noteIndex > 0 && level.db(from - Loudness.WINDOW / 2) >= target) {
                    // as loud as the syllable before all the way ("I need", "only love"): the energy shows no
                    // start, and the word is heard where its pitch arrives, if it moves
                    SungNote note = s.notes().get(0);
                    heard = Math.min(vowel, Math.max(from, arrival(notes.get(noteIndex - 1).midi(), note.midi(), glideCentre(note, lay.onset()[i], lay.vowelEnd()[i - 1], style), style)));
                }
                out[noteIndex] = heard;
            }
            noteIndex += s.notes().size();
        }
        return out;
    }

    /**
     * When a glide from {@code fromMidi} to {@code toMidi} centred at {@code centre} comes within half a
     * semitone of its note (a pitch tracker's tolerance); minus infinity when the two are that close already.
     */
    private static double arrival(double fromMidi, double toMidi, double centre, VoiceStyle style) {
        double interval = Math.abs(toMidi - fromMidi);
        if (interval <= 0.5) return Double.NEGATIVE_INFINITY;
        double need = 1 - 0.5 / interval, lo = 0, hi = 1;
        for (int k = 0; k < 30; k++) {
            double mid = (lo + hi) / 2;
            if (smooth(mid) < need) lo = mid;
            else hi = mid;
        }
        return centre + (hi - 0.5) * glideTime(style);
    }

    /**
     * Where the pitch glide into a syllable's first note is centred. For clear lyrics
     * ({@link VoiceStyle#spokenGlide}) halfway between the previous vowel's end and this vowel's onset,
     * so that the pitch moves during the consonants between them and the vowel starts on its note. A
     * recogniser reads a word from the consonant-to-vowel transition, and a pitch moving there costs
     * words: FreeTTS's own timing sung on a held tune ({@code VocalEval resynth}, nine seed lyrics at
     * +10 semitones) read WER 0.376 with each change at the vowel's onset, 0.329 with it where the
     * previous vowel ends, 0.336 on FreeTTS's intonation. Sung, Starry Night at lyrics_strength 0.9 on
     * eight composition seeds read male 0.545 -> 0.529, female 0.607 -> 0.607 against the glide just
     * before the vowel; centred on the previous vowel's end 0.542, a half glide after it 0.551.
     * Otherwise just before the vowel, within its onset consonants ({@link #GLIDE_LEAD}).
     */
    private static double glideCentre(SungNote note, double onset, double previousVowelEnd, VoiceStyle style) {
        if (style.spokenGlide()) return Math.min(note.start(), (previousVowelEnd + note.start()) / 2);
        return note.start() - Math.max(Math.min(0.5 * onset, GLIDE_LEAD), 0.35 * style.portamento());
    }

    private static double glideTime(VoiceStyle style) {
        return Math.max(0.005, style.portamento());
    }

    /** A syllable is heard from where its voice comes this close to the level of its vowel. */
    static final double HEARD_WITHIN_DB = 6;
    /** The vowel's level is its loudest in this long after its onset; later a harmonic crossing a formant can swell it. */
    private static final double VOWEL_LEVEL_SPAN = 0.1;

    private static Layout layout(List<SungNote> notes, VoiceStyle style) {
        List<Syllable> syl = syllables(notes);
        int n = syl.size();
        double[] onset = new double[n];
        double[] coda = new double[n];
        for (int i = 0; i < n; i++) {
            onset[i] = consonants(syl.get(i).onset(), style.consonantScale());
            coda[i] = consonants(syl.get(i).coda(), style.consonantScale() * 0.85);
        }
        // vowel end and coda end of each syllable, shrinking consonants where notes are too close
        double[] vowelEnd = new double[n];
        double[] codaEnd = new double[n];
        for (int i = 0; i < n; i++) {
            Syllable s = syl.get(i);
            double start = s.start();
            double end = s.end();
            if (style.speech()) end = start + Math.min(end - start, Math.max(0.12, 0.8 * (end - start)));
            double limit = i + 1 < n ? syl.get(i + 1).start() - onset[i + 1] : Double.POSITIVE_INFINITY;
            boolean legato = limit <= end + 0.03;
            // a coda's sonorants end the note; the obstruents after them ("t" of "night", "ts" of "lights")
            // follow it, so the note holds only what has a pitch
            double obstruents = obstruentTail(s.coda(), style.consonantScale() * 0.85);
            double ce = legato ? limit : Math.min(limit, end + obstruents + 0.35 * (coda[i] - obstruents));
            // a short vowel is still heard as itself at about its spoken length (ax 54 ms, ih 63 ms),
            // while consonants squeezed far below theirs are lost: the vowel gives way first
            double minVowel = isDiphthong(s.nucleus())
                    ? Math.min(DIPHTHONG_MIN, 0.6 * (s.end() - start))
                    : Math.min(0.05, 0.4 * (s.end() - start));
            double deficit = start + minVowel - (ce - coda[i]);
            if (deficit > 0) {
                double shrinkable = coda[i] + (legato && i + 1 < n ? onset[i + 1] : 0);
                double f = 1;
                if (shrinkable > 0) {
                    f = Math.max(0.6, (shrinkable - deficit) / shrinkable);
                    // where even that leaves the vowel under 30 ms, the consonants give way further
                    double left = deficit - (1 - f) * shrinkable - (minVowel - 0.03);
                    if (left > 0) f = Math.max(0.15, f - left / shrinkable);
                }
                coda[i] *= f;
                if (legato && i + 1 < n) {
                    onset[i + 1] *= f;
                    limit = syl.get(i + 1).start() - onset[i + 1];
                    ce = limit;
                }
            }
            double ve = Math.max(start + 0.03, ce - coda[i]);
            if (ve + 0.02 * syl.get(i).coda().size() > ce) ce = ve + 0.02 * syl.get(i).coda().size();
            vowelEnd[i] = ve;
            codaEnd[i] = ce;
        }
        return new Layout(syl, onset, coda, vowelEnd, codaEnd);
    }

    private static Phrase phrase(List<Syllable> syl, double[] onset, double[] coda, double[] vowelEnd, double[] codaEnd,
                                 int base, VoiceStyle style, long seed) {
        List<SungPhone> phones = new ArrayList<>();
        double start = syl.get(0).start() - onset[base] - LEAD_IN;
        double cursor = start;
        for (int k = 0; k < syl.size(); k++) {
            int i = base + k;
            Syllable s = syl.get(k);
            double os = s.start() - onset[i];
            if (os - cursor > 0.004) phones.add(new SungPhone(Phone.PAU, cursor, os));
            else if (!phones.isEmpty()) {
                SungPhone prev = phones.remove(phones.size() - 1);
                phones.add(new SungPhone(prev.phone(), prev.start(), os));
            }
            addSpread(phones, s.onset(), os, s.start());
            addEven(phones, s.nucleus(), s.start(), vowelEnd[i]);
            addSpread(phones, s.coda(), vowelEnd[i], codaEnd[i]);
            cursor = codaEnd[i];
        }
        double end = cursor + LEAD_OUT;
        phones.add(new SungPhone(Phone.PAU, cursor, end));

        int frames = (int) Math.ceil((end - start) * Phrase.CONTROL_RATE) + 2;
        float[] pitch = new float[frames];
        float[] gain = new float[frames];
        pitchCurve(syl, onset, vowelEnd, base, style, start, pitch, seed);
        gainCurve(syl, onset, base, style, start, gain);
        return new Phrase(start, end, phones, pitch, gain, style.breathiness(), seed);
    }

    private static void pitchCurve(List<Syllable> syl, double[] onset, double[] vowelEnd, int base, VoiceStyle style, double start,
                                   float[] pitch, long seed) {
        List<double[]> marks = new ArrayList<>(); // {transition centre, note start, note end, midi, stressed}
        for (int k = 0; k < syl.size(); k++) {
            Syllable s = syl.get(k);
            for (int j = 0; j < s.notes().size(); j++) {
                SungNote note = s.notes().get(j);
                // a phrase's first note has no glide into it
                double centre = j > 0 ? note.start() - 0.35 * style.portamento()
                        : k > 0 ? glideCentre(note, onset[base + k], vowelEnd[base + k - 1], style) : note.start();
                marks.add(new double[]{centre, note.start(), note.end(), note.midi(), note.stressed() ? 1 : 0});
            }
        }
        SplittableRandom r = new SplittableRandom(seed);
        double d1 = 0.23 + 0.2 * r.nextDouble(), d2 = 0.51 + 0.3 * r.nextDouble();
        double p1 = r.nextDouble() * 2 * Math.PI, p2 = r.nextDouble() * 2 * Math.PI;
        double vibHz = style.vibratoHz() * (0.96 + 0.08 * r.nextDouble());
        double vibPhase = r.nextDouble() * 2 * Math.PI;
        double port = glideTime(style);
        int m = marks.size();
        int cur = 0;
        for (int f = 0; f < pitch.length; f++) {
            double t = start + f / Phrase.CONTROL_RATE;
            while (cur + 1 < m && t >= marks.get(cur + 1)[0]) cur++;
            double[] note = marks.get(cur);
            double value = note[3];
            // glide out of the previous note and into the next
            if (cur > 0) {
                double[] prev = marks.get(cur - 1);
                double x = (t - note[0]) / port + 0.5;
                if (x < 1) value = prev[3] + (note[3] - prev[3]) * smooth(x);
            }
            if (cur + 1 < m) {
                double[] next = marks.get(cur + 1);
                double x = (t - next[0]) / port + 0.5;
                if (x > 0) value += (next[3] - note[3]) * smooth(x);
            }
            if (style.speech()) {
                double len = Math.max(0.05, note[2] - note[1]);
                double progress = Math.max(0, Math.min(1, (t - note[1]) / len));
                value += (note[4] > 0 ? 0.8 : 0) - 1.6 * progress;
            } else if (style.vibratoCents() > 0) {
                double len = note[2] - note[1];
                double tau = t - note[1];
                double grow = Math.max(0, Math.min(1, (tau - style.vibratoDelay()) / 0.35));
                double fade = cur + 1 < m ? Math.max(0, Math.min(1, (marks.get(cur + 1)[0] - port / 2 - t) / 0.08)) : 1;
                if (len > style.vibratoDelay() + 0.15)
                    value += style.vibratoCents() / 100.0 * grow * fade * Math.sin(2 * Math.PI * vibHz * t + vibPhase);
            }
            value += style.driftCents() / 100.0 * 0.5 * (Math.sin(2 * Math.PI * d1 * t + p1) + Math.sin(2 * Math.PI * d2 * t + p2));
            pitch[f] = (float) value;
        }
    }

    private static void gainCurve(List<Syllable> syl, double[] onset, int base, VoiceStyle style, double start, float[] gain) {
        List<double[]> spans = new ArrayList<>(); // {from, level}
        for (int k = 0; k < syl.size(); k++) {
            Syllable s = syl.get(k);
            for (int j = 0; j < s.notes().size(); j++) {
                SungNote note = s.notes().get(j);
                double from = j == 0 ? note.start() - onset[base + k] : note.start();
                double level = style.level() * Math.pow(Math.max(1, note.velocity()) / 100.0, 1.2);
                if (j == 0 && k > 0 && s.onset().isEmpty() && syl.get(k - 1).coda().isEmpty() && startsWord(syl.get(k - 1), note)) {
                    // a very short vowel before it keeps its first half
                    double dip = Math.max(from - GLOTTAL_ONSET, (from + spans.get(spans.size() - 1)[0]) / 2);
                    spans.add(new double[]{dip, level * GLOTTAL_DIP});
                }
                spans.add(new double[]{from, level});
            }
        }
        int cur = 0;
        double smoothed = spans.get(0)[1];
        double coeff = 1 - Math.exp(-1 / (0.02 * Phrase.CONTROL_RATE));
        for (int f = 0; f < gain.length; f++) {
            double t = start + f / Phrase.CONTROL_RATE;
            while (cur + 1 < spans.size() && t >= spans.get(cur + 1)[0]) cur++;
            smoothed += (spans.get(cur)[1] - smoothed) * coeff;
            gain[f] = (float) smoothed;
        }
    }

    private static boolean isDiphthong(List<String> nucleus) {
        return nucleus.size() == 1 && Phone.isDiphthong(nucleus.get(0));
    }

    /** Whether {@code note} begins a word other than the one {@code before} ends. */
    private static boolean startsWord(Syllable before, SungNote note) {
        return note.wordIndex() != before.notes().get(before.notes().size() - 1).wordIndex();
    }

    private static double smooth(double x) {
        if (x <= 0) return 0;
        if (x >= 1) return 1;
        return x * x * (3 - 2 * x);
    }

    /** The length of the consonants after a coda's last sonorant. */
    private static double obstruentTail(List<String> coda, double scale) {
        int k = coda.size();
        while (k > 0 && !Phone.isSonorant(coda.get(k - 1))) k--;
        return consonants(coda.subList(k, coda.size()), scale);
    }

    private static double consonants(List<String> phones, double scale) {
        double sum = 0;
        for (String p : phones) sum += Math.max(0.025, SpokenDurations.seconds(p) * scale);
        return sum;
    }

    /** Consonants share [from, to) in proportion to their natural lengths. */
    private static void addSpread(List<SungPhone> out, List<String> phones, double from, double to) {
        if (phones.isEmpty()) return;
        double total = 0;
        for (String p : phones) total += SpokenDurations.seconds(p);
        double t = from;
        for (int i = 0; i < phones.size(); i++) {
            double len = (to - from) * SpokenDurations.seconds(phones.get(i)) / total;
            double end = i == phones.size() - 1 ? to : t + len;
            out.add(new SungPhone(phones.get(i), t, end));
            t = end;
        }
    }

    private static void addEven(List<SungPhone> out, List<String> phones, double from, double to) {
        double len = (to - from) / phones.size();
        for (int i = 0; i < phones.size(); i++)
            out.add(new SungPhone(phones.get(i), from + i * len, i == phones.size() - 1 ? to : from + (i + 1) * len));
    }

    /** One syllable per note, melisma notes joining the syllable before them. */
    private static List<Syllable> syllables(List<SungNote> notes) {
        List<Syllable> out = new ArrayList<>();
        List<SungNote> group = new ArrayList<>();
        for (SungNote note : notes) {
            if (note.melisma() && !group.isEmpty()) {
                group.add(note);
                continue;
            }
            if (!group.isEmpty()) out.add(syllable(group));
            group = new ArrayList<>();
            group.add(note);
        }
        if (!group.isEmpty()) out.add(syllable(group));
        return out;
    }

    private static Syllable syllable(List<SungNote> notes) {
        List<String> phones = notes.get(0).phones();
        int firstVowel = -1, lastVowel = -1;
        for (int i = 0; i < phones.size(); i++) {
            if (Phone.isVowel(phones.get(i))) {
                if (firstVowel < 0) firstVowel = i;
                lastVowel = i;
            }
        }
        if (firstVowel < 0) {
            for (int i = phones.size() - 1; i >= 0; i--) {
                if (Phone.isSonorant(phones.get(i))) {
                    firstVowel = lastVowel = i;
                    break;
                }
            }
        }
        if (firstVowel < 0) {
            // nothing to sing on ("sh", "psst"): carry the note on a neutral vowel
            return new Syllable(List.copyOf(notes), List.copyOf(phones), List.of("ax"), List.of());
        }
        return new Syllable(List.copyOf(notes), List.copyOf(phones.subList(0, firstVowel)),
                List.copyOf(phones.subList(firstVowel, lastVowel + 1)), List.copyOf(phones.subList(lastVowel + 1, phones.size())));
    }
}
