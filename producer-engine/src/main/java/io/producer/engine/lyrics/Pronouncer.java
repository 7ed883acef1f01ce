package io.producer.engine.lyrics;

import com.sun.speech.freetts.en.us.CMULexicon;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Words to syllables with ARPAbet phonemes and stress, from the CMU Pronouncing Dictionary
 * (cmudict 0.4 as shipped in the FreeTTS jar) with FreeTTS's letter-to-sound rules for words the
 * dictionary lacks. Syllables are split by the maximal-onset principle over legal English onsets.
 * The lexicon loads once (about 0.3 s) and is shared; lookups are serialised because FreeTTS's
 * lexicon was not written for concurrent use.
 */
public final class Pronouncer {
    private static volatile CMULexicon lexicon;

    /** Contractions cmudict 0.4 pronounces poorly or lacks; the rest come from the dictionary. */
    private static final Map<String, String> ADDENDA = Map.ofEntries(
            Map.entry("i'm", "AY1 M"), Map.entry("i'll", "AY1 L"), Map.entry("i've", "AY1 V"),
            Map.entry("i'd", "AY1 D"), Map.entry("gonna", "G AA1 N AH0"), Map.entry("wanna", "W AA1 N AH0"),
            Map.entry("gotta", "G AA1 T AH0"), Map.entry("ya", "Y AH0"), Map.entry("yeah", "Y AE1"),
            Map.entry("oh", "OW1"), Map.entry("ooh", "UW1"), Map.entry("ah", "AA1"), Map.entry("la", "L AA1"),
            Map.entry("na", "N AA1"), Map.entry("da", "D AA1"), Map.entry("mm", "M AH1 M"),
            Map.entry("hey", "HH EY1"), Map.entry("whoa", "W OW1"));

    private static final Set<String> ONSETS = Set.of(
            "P L", "B L", "K L", "G L", "F L", "S L", "P R", "B R", "T R", "D R", "K R", "G R", "F R", "TH R",
            "SH R", "S P", "S T", "S K", "S M", "S N", "S W", "T W", "D W", "K W", "G W", "TH W", "S F",
            "P Y", "B Y", "K Y", "G Y", "F Y", "V Y", "M Y", "HH Y", "N Y", "L Y",
            "S P L", "S P R", "S T R", "S K R", "S K W", "S K L", "S P Y", "S K Y");

    public Pronouncer() {}

    private static CMULexicon lexicon() {
        CMULexicon l = lexicon;
        if (l == null) {
            synchronized (Pronouncer.class) {
                l = lexicon;
                if (l == null) {
                    try {
                        l = new CMULexicon("cmudict04");
                        l.load();
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot load the CMU lexicon from the FreeTTS jar", e);
                    }
                    lexicon = l;
                }
            }
        }
        return l;
    }

    /** ARPAbet phonemes of one lower-case word made of letters and apostrophes. */
    public List<String> phonemes(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        String fixed = ADDENDA.get(w);
        if (fixed != null) return List.of(fixed.split(" "));
        String[] phones;
        CMULexicon lex = lexicon();
        synchronized (lex) {
            phones = lex.getPhones(w, null);
            if (phones == null && w.contains("'")) phones = lex.getPhones(w.replace("'", ""), null);
        }
        List<String> out = new ArrayList<>();
        if (phones != null) for (String p : phones) {
            String a = Arpabet.fromFestival(p);
            if (a != null) out.add(a);
        }
        if (out.stream().noneMatch(Arpabet::isVowel)) out.add("AH0");
        return out;
    }

    /** The word split into syllables, each with its phonemes, stress and a share of the letters. */
    public List<Syllable> syllables(String word) {
        List<String> ph = phonemes(word);
        List<Integer> vowels = new ArrayList<>();
        for (int i = 0; i < ph.size(); i++) if (Arpabet.isVowel(ph.get(i))) vowels.add(i);
        int n = vowels.size();
        int[] starts = new int[n];
        starts[0] = 0;
        for (int k = 1; k < n; k++) {
            int prevV = vowels.get(k - 1), v = vowels.get(k);
            int split = v; // consonants between prevV+1 .. v-1; longest legal onset goes right
            for (int s = prevV + 1; s < v; s++) {
                List<String> cluster = ph.subList(s, v);
                if (cluster.size() == 1 && !cluster.get(0).equals("NG") || ONSETS.contains(String.join(" ", cluster))) {
                    split = s;
                    break;
                }
            }
            starts[k] = split;
        }
        List<String> letters = splitLetters(word, n);
        List<Syllable> out = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            int end = k + 1 < n ? starts[k + 1] : ph.size();
            List<String> sp = ph.subList(starts[k], end);
            int stress = Arpabet.stress(ph.get(vowels.get(k)));
            out.add(new Syllable(letters.get(k), sp, stress));
        }
        return out;
    }

    /** Splits the written word into {@code n} pieces at vowel groups (or evenly when they disagree). */
    static List<String> splitLetters(String word, int n) {
        List<String> out = new ArrayList<>(n);
        if (n <= 1) {
            out.add(word);
            return out;
        }
        String lw = word.toLowerCase(Locale.ROOT);
        List<int[]> groups = new ArrayList<>();
        int i = 0;
        while (i < lw.length()) {
            if ("aeiouy".indexOf(lw.charAt(i)) >= 0) {
                int j = i;
                while (j < lw.length() && "aeiouy".indexOf(lw.charAt(j)) >= 0) j++;
                groups.add(new int[]{i, j});
                i = j;
            } else i++;
        }
        // a silent final e does not make a syllable
        if (groups.size() > n && lw.endsWith("e") && groups.get(groups.size() - 1)[0] == lw.length() - 1)
            groups.remove(groups.size() - 1);
        int[] cut = new int[n + 1];
        cut[n] = word.length();
        if (groups.size() == n) {
            for (int k = 1; k < n; k++) {
                int a = groups.get(k - 1)[1], b = groups.get(k)[0];
                cut[k] = b - a >= 2 ? a + (b - a) / 2 : a;
            }
        } else {
            for (int k = 1; k < n; k++) cut[k] = Math.max(cut[k - 1] + (word.length() >= n ? 1 : 0), Math.min(word.length(), Math.round((float) k * word.length() / n)));
        }
        for (int k = 0; k < n; k++) {
            int a = Math.min(cut[k], word.length()), b = Math.min(Math.max(cut[k + 1], a), word.length());
            String s = word.substring(a, b);
            out.add(s.isEmpty() ? word : s);
        }
        return out;
    }
}
