package io.producer.engine.lyrics;

import com.sun.speech.freetts.Item;
import com.sun.speech.freetts.Relation;
import com.sun.speech.freetts.Utterance;
import com.sun.speech.freetts.UtteranceProcessor;
import com.sun.speech.freetts.Voice;
import com.sun.speech.freetts.VoiceManager;
import com.sun.speech.freetts.audio.NullAudioPlayer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How a line is spoken: when each syllable's vowel begins and its syllable ends, from the prosody
 * models of FreeTTS's kal voice (phrasing, post-lexical rules, and the duration CART over stress,
 * accent, position in word and phrase and the neighbouring phones). These are the recordings the
 * singer is made of, and the rhythm of connected speech is what a listener needs most to hear words
 * in a tune: kal reading Starry Night 14 semitones up is heard as well as at its own pitch (PocketSphinx
 * WER 0.39), but with every vowel twice its spoken length it is misheard half again as often (0.56).
 *
 * <p>The line is spoken as one utterance of our own words (numbers already spelled out) and read back
 * word by word. A line whose words FreeTTS reads differently (splits, merges) gives {@code null}, and
 * the composer falls back to its own estimate. Deterministic; calls are serialised because a FreeTTS
 * voice is not thread-safe. The voice loads once, in about 0.3 s; a song's lines then take ~30 ms.
 */
public final class SpokenTiming {
    private SpokenTiming() {}

    /**
     * A spoken line, per syllable in the line's order, in seconds from the start of the utterance: the
     * vowel onset, the syllable's end, whether the speaker pauses after it, and the stretch that carries
     * pitch (the vowel with the sonorants m n ng l r w y touching it, from the onset's first sonorant
     * after its last obstruent to the coda's last sonorant before its first obstruent).
     */
    public record Line(double[] vowelOnsets, double[] ends, boolean[] pauseAfter, double[] pitchedStarts, double[] pitchedEnds) {
        public int size() { return vowelOnsets.length; }
    }

    /** A syllable as FreeTTS timed it: start, vowel onset, end, pitched start, pitched end; pause after. */
    private record Timed(double start, double vowel, double end, double pitchedStart, double pitchedEnd, boolean pause) {}

    private record SpokenWord(String name, List<Timed> syllables) {}

    private static final Set<String> SONORANTS = Set.of("m", "n", "ng", "l", "r", "w", "y");

    private static final class Holder {
        static final Speaker INSTANCE = new Speaker();
    }

    /** The spoken timing of {@code line}, or null when FreeTTS reads its words differently from ours. */
    public static Line of(LyricLine line) {
        List<Word> words = line.words();
        if (words.isEmpty()) return null;
        StringBuilder text = new StringBuilder();
        for (Word w : words) text.append(text.length() == 0 ? "" : " ").append(w.text());
        List<SpokenWord> spoken = merged(words, Holder.INSTANCE.speak(text.toString()));
        if (spoken == null) return null;
        int n = line.syllableCount();
        double[] on = new double[n], end = new double[n], from = new double[n], to = new double[n];
        boolean[] pause = new boolean[n];
        int k = 0;
        for (int w = 0; w < words.size(); w++) {
            Word ours = words.get(w);
            List<Timed> ts = spoken.get(w).syllables();
            if (ts.isEmpty()) return null;
            int count = ours.syllables().size();
            if (ts.size() == count) {
                for (Timed t : ts) {
                    on[k] = t.vowel();
                    end[k] = t.end();
                    from[k] = t.pitchedStart();
                    to[k] = t.pitchedEnd();
                    pause[k++] = t.pause();
                }
                continue;
            }
            // the lexicons syllabify the word differently: share its time by the syllables' phone counts
            double start = ts.get(0).start(), stop = ts.get(ts.size() - 1).end();
            int phones = 0;
            for (Syllable s : ours.syllables()) phones += s.phonemes().size();
            double t = start;
            for (int i = 0; i < count; i++, k++) {
                List<String> ph = ours.syllables().get(i).phonemes();
                double len = (stop - start) * ph.size() / Math.max(1, phones);
                int onset = 0;
                while (onset < ph.size() && !Arpabet.isVowel(ph.get(onset))) onset++;
                on[k] = t + len * onset / Math.max(1, ph.size());
                from[k] = on[k];
                t += len;
                end[k] = t;
                to[k] = t;
                pause[k] = i == count - 1 && ts.get(ts.size() - 1).pause();
            }
        }
        return new Line(on, end, pause, from, to);
    }

    /**
     * FreeTTS's words regrouped as ours: it reads a contraction as two words ("journey" + "'s"), which
     * join back into one; null where the words differ otherwise.
     */
    private static List<SpokenWord> merged(List<Word> ours, List<SpokenWord> theirs) {
        if (theirs == null) return null;
        List<SpokenWord> out = new ArrayList<>();
        int j = 0;
        for (Word w : ours) {
            String want = normal(w.text());
            StringBuilder got = new StringBuilder();
            List<Timed> syllables = new ArrayList<>();
            while (j < theirs.size() && got.length() < want.length()) {
                got.append(normal(theirs.get(j).name()));
                syllables.addAll(theirs.get(j++).syllables());
            }
            if (!got.toString().equals(want)) return null;
            out.add(new SpokenWord(want, syllables));
        }
        return j == theirs.size() ? out : null;
    }

    private static boolean isVowel(String festivalPhone) {
        String a = Arpabet.fromFestival(festivalPhone);
        return a != null && Arpabet.isVowel(a);
    }

    private static String normal(String word) {
        return word.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
    }

    /** The one FreeTTS voice, run through its prosody and unit selection with its audio thrown away. */
    private static final class Speaker implements UtteranceProcessor {
        private final Voice voice;
        private List<SpokenWord> captured;

        Speaker() {
            System.setProperty("freetts.voices", "com.sun.speech.freetts.en.us.cmu_us_kal.KevinVoiceDirectory");
            Voice v = VoiceManager.getInstance().getVoice("kevin16");
            if (v == null) throw new IllegalStateException("FreeTTS has no kevin16 voice on the classpath");
            v.allocate();
            v.setAudioPlayer(new NullAudioPlayer());
            @SuppressWarnings("unchecked") List<UtteranceProcessor> processors = v.getUtteranceProcessors();
            processors.add(this);   // last: after the duration model has set every segment's end
            voice = v;
        }

        synchronized List<SpokenWord> speak(String text) {
            captured = new ArrayList<>();
            List<SpokenWord> out = voice.speak(text) ? captured : null;
            captured = null;
            return out;
        }

        @Override
        public void processUtterance(Utterance u) {
            Relation structure = u.getRelation(Relation.SYLLABLE_STRUCTURE);
            if (structure == null || captured == null) return;
            for (Item word = structure.getHead(); word != null; word = word.getNext()) {
                List<Timed> syllables = new ArrayList<>();
                for (Item syl = word.getDaughter(); syl != null; syl = syl.getNext()) {
                    Timed t = timed(syl);
                    if (t != null) syllables.add(t);
                }
                captured.add(new SpokenWord(word.getFeatures().getString("name"), syllables));
            }
        }

        private static Timed timed(Item syllable) {
            Item first = syllable.getDaughter() == null ? null : syllable.getDaughter().getItemAs(Relation.SEGMENT);
            if (first == null) return null;
            double start = endOf(first.getPrevious());
            double vowel = Double.NaN, pitchedStart = start, pitchedEnd = start, t = start;
            Item last = first;
            for (Item ph = syllable.getDaughter(); ph != null; ph = ph.getNext()) {
                Item seg = ph.getItemAs(Relation.SEGMENT);
                if (seg == null) continue;
                String name = seg.getFeatures().getString("name");
                double e = seg.getFeatures().getFloat("end");
                boolean v = isVowel(name);
                boolean pitched = v || SONORANTS.contains(name);
                if (Double.isNaN(vowel)) {
                    if (v) vowel = pitchedEnd = t;
                    else if (!pitched) pitchedStart = e;   // an obstruent in the onset: the pitch starts after it
                }
                if (!Double.isNaN(vowel) && pitched && pitchedEnd == t) pitchedEnd = e;
                t = e;
                last = seg;
            }
            if (Double.isNaN(vowel)) vowel = start;
            Item next = last.getNext();
            boolean pause = next != null && "pau".equals(next.getFeatures().getString("name"));
            return new Timed(start, vowel, t, pitchedStart, pitchedEnd, pause);
        }

        private static double endOf(Item segment) {
            return segment == null ? 0 : segment.getFeatures().getFloat("end");
        }
    }
}
