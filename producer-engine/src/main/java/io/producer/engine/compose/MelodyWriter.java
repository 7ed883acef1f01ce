package io.producer.engine.compose;

import io.producer.engine.lyrics.Arpabet;
import io.producer.engine.lyrics.LyricLine;
import io.producer.engine.lyrics.SpokenTiming;
import io.producer.engine.lyrics.Syllable;
import io.producer.engine.lyrics.Word;
import io.producer.engine.score.Chord;
import io.producer.engine.score.ChordEvent;
import io.producer.engine.score.Key;
import io.producer.engine.score.Voice;
import io.producer.engine.style.Style;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The sung melody of one line. Rhythm first: one note per syllable on a grid of the genre's note
 * unit, stressed syllables pulled onto beats (the note before them is lengthened), stressed and
 * word-final syllables lengthened while there is room, the last syllable held, then a breath. Pitch
 * second: each note picks the scale tone that best follows an arch contour around the section's
 * tessitura with small leaps, chord tones on strong beats, and a cadence on a chord tone at the
 * line end (the tonic at the end of a section). Rap is 16th-note speech rhythm on a narrow band.
 * Melismas (one syllable over several notes) only when lyrics_strength is low. lyrics_strength also
 * sets the rhythm: from 0.4 up ({@link #SPOKEN_FROM}) a line is set at speaking rhythm
 * ({@link #speechRhythm}), its last syllable held less the higher it is, because stretched vowels are
 * what makes sung words hard to understand; below, the lyrical grid lengthens syllables and holds line
 * ends less the higher it is.
 */
public final class MelodyWriter {

    /** Words that connected speech leaves unstressed (looked up only, never iterated). */
    private static final java.util.Set<String> FUNCTION_WORDS = java.util.Set.of(
            "a", "an", "the", "and", "or", "but", "nor", "so", "if", "as", "than", "that", "of", "in", "on", "at", "to",
            "for", "with", "by", "from", "into", "onto", "upon", "is", "are", "was", "were", "be", "been", "am", "i",
            "me", "my", "you", "your", "he", "him", "his", "she", "her", "it", "its", "we", "us", "our", "they",
            "them", "their", "will", "would", "can", "could", "shall", "should", "do", "does", "did", "has", "have",
            "had", "i'm", "it's", "you're", "we're", "they're", "i'll", "i've", "where", "when", "who", "what");

    /** MIDI pitch (C4, 262 Hz) above which a line's centre comes down for clear lyrics. */
    private static final double HIGH_TESSITURA = 60;
    /**
     * How far at most a clear line comes down. Female at lyrics_strength 0.9, nine seed lyrics
     * (eval-vocals --survey), with her vocal tract at 1.13: WER 0.430 with C4 and 3 semitones, 0.361 with
     * C4 and 6 (on another seed 0.527 -> 0.393 against D4, 3 and a tract of 1.17); the male voice, whose
     * ceiling is F3, read 0.363 -> 0.386 and 0.413 -> 0.396 on the two seeds.
     */
    private static final double CLEAR_MAX_SHIFT = 6;
    /**
     * How far at most a line in its free spoken rhythm (from {@link #FREE_SPEECH_FROM}) comes down: far
     * enough that the female chorus (centred at G#4, 415 Hz) is sung as low as her verse, at C4, where
     * its harmonics still draw the vowels. Starry Night at 0.9 on eight composition seeds, female WER
     * 0.588 -> 0.519, male 0.477 -> 0.482; nine lyrics female 0.373 -> 0.358, male 0.316 -> 0.306. With
     * {@link #CADENCE_BELOW_TONIC} (without it Starry Night's female tune no longer ended on its tonic):
     * Starry Night female 0.533, male 0.473. Below that strength a chorus keeps its lift over the verse.
     */
    private static final double SPOKEN_MAX_SHIFT = 9;
    /** How far at most under its tonic a section's last line is centred when clear lyrics bring it low. */
    private static final double CADENCE_BELOW_TONIC = 3;
    /**
     * Semitones above the bottom of its range above which a lower voice's line comes down for clear
     * lyrics too. A male Starry Night chorus sung at 233-294 Hz (the middle of the range) lost its "ay"
     * glides ("night", "guide" heard as "not", "god"): at lyrics_strength 0.9 its WER went 0.596 -> 0.500
     * with this, and the nine-lyric survey's 0.408 -> 0.383. For the female voice this is D4 again.
     */
    private static final double CLEAR_ABOVE_LOW = 5;

    /**
     * lyrics_strength from which a line is set in its spoken rhythm rather than on the lyrical grid. A
     * stretched vowel is what PocketSphinx loses most, a held one at a line's end most of all: nine seed
     * lyrics at the default 0.5 (eval-vocals --survey), male, read WER 1.017 on the lyrical grid and
     * 0.398 in the spoken rhythm with 0.2 s line ends (0.366 at 0.9). Melismas start below it too.
     */
    static final double SPOKEN_FROM = 0.4;
    /**
     * How far above {@link #SPOKEN_FROM} a line's last syllable shrinks from a sung 0.8 s to a spoken
     * 0.2 s. Nine lyrics at 0.5, male, stresses where spoken: WER 0.500 with 0.6 s, 0.440 with 0.4 s
     * (this), 0.398 with 0.2 s; at 0.9 held 0.6 s it read 0.505 against 0.366, with or without vibrato,
     * and holding a diphthong on its first vowel did not help (0.545). The held word itself is what is
     * lost most ("way" heard as "wearing", "me" as "me a lot"): line-final words went from 33 to 52
     * misheard of 82, the others from 94 to 113 of 320.
     */
    static final double TIGHT_OVER = 0.15;
    /**
     * lyrics_strength from which the spoken rhythm is kept as spoken. Below it, each stress after a line's
     * first moves to the nearest beat and the syllables between stretch with it ({@link #onMeter}), so
     * the words sit in the groove. Nine lyrics at 0.5 (eval-vocals --survey): male WER 0.440 -> 0.500,
     * female 0.550 -> 0.619; on the nearest 8th note instead, 0.465 and 0.610, but aubio then read a
     * 91 BPM orchestral song's tempo as 122.5 (91 with stresses on beats). From here on the singer also
     * moves its pitch during the consonants between notes ({@code VoiceStyle}).
     */
    public static final double FREE_SPEECH_FROM = 0.7;

    /** A sung note relative to nothing in particular: absolute beat, and the syllable index within its line. */
    public record Sung(double start, double duration, int midi, int velocity, int syllable, boolean melisma, boolean stressed) {}

    public List<Sung> line(LyricLine line, double lineStart, double lineBeats, String sectionKind, int lineInSection,
                           boolean lastLine, double energy, Key key, List<ChordEvent> chords, Style style, Voice voice,
                           SplittableRandom rnd) {
        return line(line, lineStart, lineBeats, sectionKind, lineInSection, lastLine, energy, key, chords, style, voice, rnd, null, null);
    }

    public List<Sung> line(LyricLine line, double lineStart, double lineBeats, String sectionKind, int lineInSection,
                           boolean lastLine, double energy, Key key, List<ChordEvent> chords, Style style, Voice voice,
                           SplittableRandom rnd, java.util.function.DoubleFunction<Double> guide) {
        return line(line, lineStart, lineBeats, sectionKind, lineInSection, lastLine, energy, key, chords, style, voice, rnd, guide, null);
    }

    /**
     * As above, following {@code guide} (beat to MIDI pitch, or null where it has nothing to say) instead
     * of the arch contour: a cover sings new words on the old tune's shape. With a {@code model} (an earlier
     * line of the section with as many syllables) the line takes the model's rhythm and shape: the
     * repetition that makes a hook, re-fitted to this line's chords.
     */
    public List<Sung> line(LyricLine line, double lineStart, double lineBeats, String sectionKind, int lineInSection,
                           boolean lastLine, double energy, Key key, List<ChordEvent> chords, Style style, Voice voice,
                           SplittableRandom rnd, java.util.function.DoubleFunction<Double> guide, Model model) {
        List<Syllable> syl = new ArrayList<>();
        List<Boolean> wordEnd = new ArrayList<>();
        List<Boolean> spokenStress = new ArrayList<>();
        for (Word w : line.words()) {
            List<Syllable> ss = w.syllables();
            boolean function = FUNCTION_WORDS.contains(w.text().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z']", ""));
            for (int i = 0; i < ss.size(); i++) {
                syl.add(ss.get(i));
                wordEnd.add(i == ss.size() - 1);
                spokenStress.add(!function && ss.get(i).stress() == 1 && i == w.stressIndex());
            }
        }
        int n = syl.size();
        if (n == 0) return List.of();
        boolean rap = voice.type() == Voice.Type.RAP;
        // vocables ("oh", "la") and instruments' phrases have no words to make out: no spoken rhythm, no
        // line brought low for clarity
        boolean wordless = voice.has("wordless");
        double unit = FormPlanner.noteUnit(style);
        double rest = Math.min(lineBeats * 0.25, Math.max(1.0, unit * 2));
        double span = lineBeats - rest;
        double u = unit;
        while (n * u > span && u > 0.25) u /= 2;
        if (n * u > span) u = span / n;
        double slackRatio = (span - n * u) / span;

        // rhythm: clear lyrics are set close to speech (see spokenRhythm); otherwise the lyrical grid below
        double clarity = style.lyricsStrength();
        double[] starts = new double[n], durs = new double[n];
        double tight = Math.max(0, Math.min(1, (clarity - SPOKEN_FROM) / TIGHT_OVER));
        // in connected speech only content words carry their primary stress; a line without any keeps the lexicon's
        boolean[] accent = new boolean[n];
        boolean anySpoken = spokenStress.contains(true);
        for (int i = 0; i < n; i++) accent[i] = anySpoken ? spokenStress.get(i) : syl.get(i).stressed();
        boolean spoken = false;
        if (!rap && !wordless && clarity >= SPOKEN_FROM) {
            SpokenTiming.Line said = SpokenTiming.of(line);
            spoken = said != null && speechRhythm(said, accent, span, style.bpm(), tight, clarity < FREE_SPEECH_FROM ? 1 : 0, starts, durs);
            if (!spoken) spoken = spokenRhythm(syl, accent, wordEnd, span, style.bpm(), tight, starts, durs);
        }
        if (!spoken) for (int i = 0; i < n; i++) accent[i] = syl.get(i).stressed();
        else if (lastLine) {
            // a section's last phrase moves later (whole beats, so stresses stay on beats) to cadence on its last chord
            double lastChord = lineStart;
            for (ChordEvent c : chords) if (c.startBeat() <= lineStart + span - 0.5 + 1e-9) lastChord = Math.max(lastChord, c.startBeat());
            double shift = Math.rint(lastChord - lineStart - starts[n - 1]);
            if (shift > 0 && starts[n - 1] + shift <= span - 0.5 + 1e-9) {
                for (int i = 0; i < n; i++) starts[i] += shift;
                durs[n - 1] = Math.min(durs[n - 1], span - starts[n - 1]);
            }
        }
        // between the lyrical and the spoken setting the lyrical one lengthens less and holds line ends shorter
        double lengthen = 1 - 0.35 * Math.max(0, Math.min(1, (clarity - 0.3) / 0.3));
        double endHold = 3.0 - Math.max(0, Math.min(1, (clarity - 0.3) / 0.3));
        double pos = 0;
        if (spoken) { /* rhythm already set */ }
        else if (n > 1 && !syl.get(0).stressed() && syl.get(1).stressed() && u <= 0.5 && slackRatio > 0.3) pos = 1 - u; // pickup
        for (int i = 0; i < n && !spoken; i++) {
            double remainingMin = (n - i - 1) * u;
            double slack = span - pos - u - remainingMin;
            boolean stressed = syl.get(i).stressed();
            if (stressed && i > 0 && u <= 0.5 && !rap) {
                double nb = Math.ceil(pos - 1e-9);
                double gap = nb - pos;
                if (gap > 1e-9 && gap <= slack + 1e-9) {
                    durs[i - 1] += gap;
                    pos = nb;
                    slack -= gap;
                }
            }
            double d = u;
            if (i == n - 1) d = Math.max(u, Math.min(span - pos, rap ? 1.0 : endHold));
            else if (rap) d = stressed && slack >= u - 1e-9 && rnd.nextDouble() < 0.25 ? 2 * u : u;
            else if (stressed && slack >= u - 1e-9 && rnd.nextDouble() < (0.3 + slackRatio) * lengthen) d = 2 * u;
            else if (wordEnd.get(i) && slack >= u - 1e-9 && rnd.nextDouble() < (0.15 + slackRatio * 0.7) * lengthen) d = 2 * u;
            if (!rap && d == 2 * u && slack >= 2 * u && slackRatio > 0.55 && stressed && rnd.nextDouble() < 0.4 * lengthen) d = 3 * u;
            starts[i] = pos;
            durs[i] = d;
            pos += d;
        }
        // weirdness widens the rhythm: some stressed syllables are pushed half a unit ahead of their beat
        if (!rap && style.weirdness() > 0.6) {
            for (int i = 1; i < n; i++) {
                double push = spoken ? 0.25 : u / 2;
                if (!accent[i] || durs[i - 1] < 2 * push * (spoken ? 1 : 2) - 1e-9 || rnd.nextDouble() > style.weirdness() - 0.6) continue;
                durs[i - 1] -= push;
                starts[i] -= push;
                durs[i] += push;
            }
        }

        boolean modelled = model != null && model.starts().length == n && Math.abs(model.lineBeats() - lineBeats) < 1e-9;
        // a clear line keeps its own words' rhythm even where the model stresses the same syllables: the
        // model's was set for other words, and "Heartbeats echo softly" in the rhythm of "Midnight winds
        // are calling" left its vowels 30 ms. Starry Night at lyrics_strength 0.9, eight composition
        // seeds (glide between vowels): male WER 0.529 -> 0.493, female 0.607 -> 0.614
        if (modelled && !spoken) {
            System.arraycopy(model.starts(), 0, starts, 0, n);
            System.arraycopy(model.durations(), 0, durs, 0, n);
        }

        // pitch
        int lo = voice.lowMidi(), hi = voice.highMidi();
        double place = switch (sectionKind) {
            case "chorus", "hook", "drop" -> 0.6;
            case "bridge" -> 0.55;
            case "pre_chorus" -> 0.5;
            default -> 0.4;
        };
        double center = lo + (hi - lo) * place;
        // high up the harmonics lie too far apart to draw the vowels' formants, and sung words blur
        // (measured: a female Starry Night at lyrics_strength 0.9 sung 3 semitones lower, WER 0.93 -> 0.79);
        // so a voice sings clear lyrics low in its range, by up to CLEAR_MAX_SHIFT (SPOKEN_MAX_SHIFT) semitones lower, all
        // of it from the default 0.5 (nine lyrics at 0.5, female: WER 0.619 with half of it, 0.540 with
        // all; male 0.500 and 0.522)
        double clearCeiling = Math.min(HIGH_TESSITURA, lo + CLEAR_ABOVE_LOW);
        double clearShare = wordless ? 0 : Math.max(0, Math.min(1, (clarity - 0.3) / 0.2));
        double maxShift = clarity >= FREE_SPEECH_FROM ? SPOKEN_MAX_SHIFT : CLEAR_MAX_SHIFT;
        double highShift = clearShare * Math.min(maxShift, Math.max(0, center - clearCeiling));
        center = Math.max(lo + 2, center - highShift);
        if (lastLine && highShift > 0) {
            // a section ends on its tonic: its last line comes down no further than a few semitones under
            // the tonic nearest it inside the range, so the cadence is a step, not a leap up
            double tonic = Double.NaN;
            for (int m = lo; m <= hi; m++)
                if (Math.floorMod(m - key.tonic(), 12) == 0 && (Double.isNaN(tonic) || Math.abs(m - center) < Math.abs(tonic - center))) tonic = m;
            if (!Double.isNaN(tonic)) center = Math.max(center, Math.min(center + highShift, tonic - CADENCE_BELOW_TONIC));
        }
        // lyrics_strength trades melodic freedom for clarity: a clear line moves less and leaps less
        double amp = rap ? 1.0 : 2.0 + 2.5 * energy + 2.0 * style.weirdness() + 2.0 * (0.5 - clarity);
        double leapWeight = 0.7 + 0.6 * clarity;
        boolean rising = lineInSection % 2 == 0;
        List<Integer> scale = new ArrayList<>();
        int[] steps = key.mode().steps();
        for (int m = lo; m <= hi; m++) {
            int rel = Math.floorMod(m - key.tonic(), 12);
            for (int s : steps) if (s == rel) scale.add(m);
        }
        int prev = nearest(scale, (int) Math.round(center - (rising ? 1 : -1)));
        List<Sung> out = new ArrayList<>();
        double melismaChance = clarity < SPOKEN_FROM && !rap ? (SPOKEN_FROM - clarity) * 2.0 : 0;
        for (int i = 0; i < n; i++) {
            double abs = lineStart + starts[i];
            Chord chord = Harmonizer.at(chords, abs);
            boolean strong = accent[i] || Math.abs(starts[i] - Math.rint(starts[i])) < 1e-9 && ((int) Math.rint(starts[i])) % 2 == 0;
            double t = n == 1 ? 0.5 : (double) i / (n - 1);
            double arch = rising ? Math.sin(Math.PI * Math.min(1, t / 0.9)) : Math.cos(Math.PI * 0.5 * t) - 0.2;
            double target = center + amp * (arch - 0.35) + (rap && accent[i] ? 1 : 0);
            Double guided = guide == null ? null : guide.apply(abs);
            if (guided != null) target = Math.max(lo, Math.min(hi, guided));
            if (modelled) target = model.midis()[i];
            boolean end = i == n - 1;
            int best = prev;
            double bestCost = Double.MAX_VALUE;
            for (int m : scale) {
                int leap = Math.abs(m - prev);
                if (leap > (rap ? 4 : 9)) continue;
                boolean ct = isChordTone(chord, m);
                double cost = Math.abs(m - target) * 0.6;
                cost += (leap <= 2 ? 0 : (leap - 2) * 0.45 + (leap > 5 ? 2.5 : 0)) * leapWeight;
                if (strong && !ct) cost += 2.5;
                if (!strong && !ct && leap > 2) cost += 1.5;
                if (m == prev) cost += rap ? 0 : 0.6;
                if (end) {
                    if (!ct) cost += 6;
                    int pc = Math.floorMod(m - key.tonic(), 12);
                    // a section ends on its tonic: firmly enough that a clear line brought low still
                    // reaches it, the same way in a chorus and its repeat (at 2.5 Starry Night's low tune did not)
                    if (lastLine) cost += pc == 0 ? 0 : 5;
                    else cost += pc == 0 ? 1.2 : 0;
                }
                if (modelled) cost += Math.abs(m - target) * 0.9;
                cost += rnd.nextDouble() * (0.6 + 2.0 * style.weirdness());
                if (cost < bestCost) {
                    bestCost = cost;
                    best = m;
                }
            }
            int vel = (int) Math.round(64 + 34 * energy + (accent[i] ? 10 : 0) + rnd.nextInt(5));
            vel = Math.max(30, Math.min(120, vel));
            boolean melisma = durs[i] >= 2 * u - 1e-9 && durs[i] >= 1.0 && rnd.nextDouble() < melismaChance;
            if (melisma) {
                double half = Math.rint(durs[i] / 2 / 0.25) * 0.25;
                int idx = scale.indexOf(best);
                int neighbour = idx >= 0 ? scale.get(Math.max(0, Math.min(scale.size() - 1, idx + (rnd.nextBoolean() ? 1 : -1)))) : best;
                out.add(new Sung(abs, half, best, vel, i, false, accent[i]));
                out.add(new Sung(abs + half, durs[i] - half, neighbour, vel - 6, i, true, accent[i]));
                prev = neighbour;
            } else {
                out.add(new Sung(abs, durs[i], best, vel, i, false, accent[i]));
                prev = best;
            }
        }
        return out;
    }

    /**
     * Speech rhythm for clear lyrics ({@code tight} 0..1 from lyrics_strength 0.4..0.55), for the lines
     * FreeTTS reads differently from our syllables. A sung vowel stretched far beyond its spoken length
     * is what makes sung words unrecognisable, so the line is set as it would be spoken: each syllable
     * lasts about its spoken length (stressed vowels longer) rounded to 16ths, stress-timed feet with
     * each stressed syllable on a beat, the rest of the stressed word following it at once and the next
     * words leading into the next stress as pickups. Time a foot has to spare goes to the stressed word's
     * last syllable up to a spoken length, then becomes a rest; the line-final syllable is held
     * moderately and the remainder of the line's bars is a rest. Returns false (arrays untouched) when
     * the line does not fit.
     */
    static boolean spokenRhythm(List<Syllable> syl, boolean[] stress, List<Boolean> wordEnd, double span, double bpm,
                                double tight, double[] starts, double[] durs) {
        int n = stress.length;
        double beatSec = 60.0 / bpm;
        double slower = 1.35 - 0.5 * tight;                       // a little slower than spoken at first; tight: a touch faster measured clearest
        double min = tight < 0.5 ? 0.5 : 0.25;
        double[] len = new double[n];
        for (int i = 0; i < n; i++) {
            double sec = 0;
            for (String ph : syl.get(i).phonemes())
                sec += Arpabet.isVowel(ph) ? (stress[i] ? 0.17 : 0.09) : 0.06;
            len[i] = Math.max(min, Math.rint(sec * slower / beatSec * 4) / 4.0);
        }
        double holdCap = (0.75 - 0.3 * tight) / beatSec;           // a held stressed word: 0.45 s when tight
        // the line's last syllable: 0.5 s when tight. Held 0.6 s, "way" was heard as "wearing"; 0.35 s read
        // clearer still (Starry Night male WER 0.57 vs 0.49) but left too few steady frames for pitch accuracy 0.9
        double endCap = (1.5 - 1.0 * tight) / beatSec;
        double[] st = new double[n], du = new double[n];
        int first = 0;
        while (first < n && !stress[first]) first++;
        if (first == n) {                                           // no stress at all: evenly spoken
            double t = 0;
            for (int i = 0; i < n; i++) { st[i] = t; du[i] = len[i]; t += len[i]; }
        } else {
            double lead = 0;
            for (int i = 0; i < first; i++) lead += len[i];
            double beat = Math.ceil(lead - 1e-9);
            double t = beat - lead;
            for (int i = 0; i < first; i++) { st[i] = t; du[i] = len[i]; t += len[i]; }
            int s = first;
            while (s < n) {
                int next = s + 1;
                while (next < n && !stress[next]) next++;
                int wordLast = s;                                   // the stressed word runs on to its end
                while (wordLast < next - 1 && !wordEnd.get(wordLast)) wordLast++;
                t = beat;
                for (int i = s; i <= wordLast; i++) { st[i] = t; du[i] = len[i]; t += len[i]; }
                double wordEndAt = t;
                double pickups = 0;
                for (int i = wordLast + 1; i < next; i++) pickups += len[i];
                if (next == n) {                                    // last foot: pickups follow at once
                    for (int i = wordLast + 1; i < n; i++) { st[i] = t; du[i] = len[i]; t += len[i]; }
                    break;
                }
                double nextBeat = Math.ceil(wordEndAt + pickups - 1e-9);
                double pickupStart = nextBeat - pickups;
                t = pickupStart;
                for (int i = wordLast + 1; i < next; i++) { st[i] = t; du[i] = len[i]; t += len[i]; }
                double gap = pickupStart - wordEndAt;
                if (gap > 1e-9) {
                    // inside a word there is no rest: the word continues into the next stress
                    boolean canRest = wordEnd.get(wordLast);
                    double extra = canRest ? Math.floor(Math.max(0, Math.min(gap, holdCap - du[wordLast])) / 0.25 + 1e-9) * 0.25 : gap;
                    du[wordLast] += extra;
                }
                beat = nextBeat;
                s = next;
            }
        }
        int last = n - 1;
        double hold = Math.max(du[last], Math.min(endCap, span - st[last]));
        du[last] = Math.max(du[last], Math.floor(hold / 0.25 + 1e-9) * 0.25);
        if (st[last] + du[last] > span + 1e-9) return false;
        for (int i = 0; i < n; i++) if (st[i] < -1e-9 || du[i] <= 1e-9) return false;
        System.arraycopy(st, 0, starts, 0, n);
        System.arraycopy(du, 0, durs, 0, n);
        return true;
    }

    /**
     * Speech rhythm from the kal voice's own prosody ({@link SpokenTiming}) for clear lyrics: each note
     * starts at its syllable's spoken vowel onset rounded to 32nds, with the line's first stress on a
     * beat. A note holds only the part of its syllable that has a pitch, the vowel and the sonorants next
     * to it: the obstruents between two syllables ("t" + "s k" in "night sky") fall between the notes,
     * where the singer puts them, so a pitch track never reads noise as the tune. The line's last
     * note holds its syllable's pitched part as long as spoken, and at least 0.2 s when {@code tight},
     * 0.8 s when not.
     * Measured over nine seed lyrics at lyrics_strength 0.9, male voice (vocal-wer, pitch-accuracy):
     * WER 0.527 -> 0.381 (kal speaking them: 0.333) with pitch accuracy 0.894 -> 0.912; on a first draft,
     * rounding to 16ths read 0.06 worse and holding line ends 0.6 s 0.08 worse. Returns false (arrays untouched) when the
     * line does not fit its span.
     */
    static boolean speechRhythm(SpokenTiming.Line said, boolean[] stress, double span, double bpm, double tight,
                                double meter, double[] starts, double[] durs) {
        int n = said.size();
        double beatSec = 60.0 / bpm;
        final double grid = 0.125;
        double endSec = 0.2 + 0.6 * (1 - tight);
        int f = 0;
        while (f < n && !stress[f]) f++;
        if (f == n) f = 0;
        double[] st = new double[n], du = new double[n];
        double[] at = new double[n];
        for (int i = 0; i < n; i++) at[i] = (said.vowelOnsets()[i] - said.vowelOnsets()[f]) / beatSec;
        if (meter > 0) onMeter(at, stress, f, meter);
        double first = Math.rint(at[0] / grid) * grid;
        double downbeat = Math.ceil(-first - 1e-9);
        for (int i = 0; i < n; i++) {
            st[i] = downbeat + Math.rint(at[i] / grid) * grid;
            if (i > 0 && st[i] < st[i - 1] + grid - 1e-9) st[i] = st[i - 1] + grid;
        }
        for (int i = 0; i + 1 < n; i++) {
            double next = st[i + 1] - st[i];
            double obstruents = Math.max(0, said.pitchedStarts()[i + 1] - said.pitchedEnds()[i]) / beatSec;
            double d = next - Math.rint(obstruents / grid) * grid;
            if (said.pauseAfter()[i]) d = Math.min(d, Math.ceil((said.pitchedEnds()[i] - said.vowelOnsets()[i]) / beatSec / grid - 1e-9) * grid);
            du[i] = Math.max(grid, Math.min(next, d));
        }
        // before a pause only the pitched part is held: the singer adds the coda's obstruents after the
        // note, and counted in it as well, a spoken 157 ms "z" held the schwa of "heavens" 308 ms
        double spokenEnd = (said.pitchedEnds()[n - 1] - said.vowelOnsets()[n - 1]) / beatSec;
        du[n - 1] = Math.max(grid, Math.ceil(Math.max(spokenEnd, endSec / beatSec) / grid - 1e-9) * grid);
        if (st[0] < -1e-9 || st[n - 1] + du[n - 1] > span + 1e-9) return false;
        System.arraycopy(st, 0, starts, 0, n);
        System.arraycopy(du, 0, durs, 0, n);
        return true;
    }

    /**
     * Moves each stress after the first onto the nearest multiple of {@code meter} beats (keeping them in
     * order) and stretches the syllables between two stresses in proportion, as a songwriter sets a
     * spoken line to the metre: {@code at} holds spoken onsets in beats from the first stress {@code f}.
     * Syllables after the last stress keep their spoken spacing.
     */
    static void onMeter(double[] at, boolean[] stress, int f, double meter) {
        int n = at.length;
        double[] raw = at.clone();
        int prev = f;
        double prevAt = raw[f];
        for (int s = f + 1; s <= n; s++) {
            if (s < n && !stress[s]) continue;
            if (s == n) {
                for (int i = prev + 1; i < n; i++) at[i] = prevAt + raw[i] - raw[prev];
                break;
            }
            double target = Math.max(prevAt + meter, Math.rint(raw[s] / meter) * meter);
            double scale = (target - prevAt) / Math.max(1e-9, raw[s] - raw[prev]);
            for (int i = prev + 1; i <= s; i++) at[i] = prevAt + (raw[i] - raw[prev]) * scale;
            prev = s;
            prevAt = target;
        }
    }

    /** A line's rhythm and pitches relative to its start, for a later line to repeat. */
    public record Model(double lineBeats, double[] starts, double[] durations, int[] midis, boolean[] stressed) {
        /** The model of a written line (melisma continuations folded into their syllable's note). */
        public static Model of(List<Sung> sung, double lineStart, double lineBeats) {
            List<Sung> heads = new ArrayList<>();
            for (Sung x : sung) if (!x.melisma()) heads.add(x);
            double[] st = new double[heads.size()], du = new double[heads.size()];
            int[] mi = new int[heads.size()];
            boolean[] sx = new boolean[heads.size()];
            for (int i = 0; i < heads.size(); i++) {
                st[i] = heads.get(i).start() - lineStart;
                mi[i] = heads.get(i).midi();
                sx[i] = heads.get(i).stressed();
                double end = i + 1 < heads.size() ? heads.get(i + 1).start() : lineStart + lineBeats;
                double own = heads.get(i).duration();
                for (Sung x : sung) if (x.melisma() && x.syllable() == heads.get(i).syllable()) own += x.duration();
                du[i] = Math.min(own, end - heads.get(i).start());
            }
            return new Model(lineBeats, st, du, mi, sx);
        }
    }

    static boolean isChordTone(Chord c, int midi) {
        int rel = Math.floorMod(midi - c.root(), 12);
        for (int iv : c.intervals()) if (iv % 12 == rel) return true;
        return false;
    }

    private static int nearest(List<Integer> scale, int target) {
        int best = scale.get(0);
        for (int m : scale) if (Math.abs(m - target) < Math.abs(best - target)) best = m;
        return best;
    }
}
