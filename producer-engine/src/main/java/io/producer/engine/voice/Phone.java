package io.producer.engine.voice;

import java.util.Locale;
import java.util.Map;

/**
 * The phone set of the singer: the radio phone set of the CMU kal diphone voice (ARPAbet in lower
 * case, with "ax" for unstressed AH and "pau" for silence), with the class facts the phrasing needs.
 */
final class Phone {
    private Phone() {}

    static final String PAU = "pau";

    /** Natural length in seconds of each consonant in clear, careful speech (onset position). */
    private static final Map<String, Double> CONSONANT_SECONDS = Map.ofEntries(
            Map.entry("p", 0.085), Map.entry("b", 0.070), Map.entry("t", 0.080), Map.entry("d", 0.060),
            Map.entry("k", 0.085), Map.entry("g", 0.070), Map.entry("ch", 0.110), Map.entry("jh", 0.095),
            Map.entry("f", 0.095), Map.entry("v", 0.060), Map.entry("th", 0.090), Map.entry("dh", 0.045),
            Map.entry("s", 0.105), Map.entry("z", 0.080), Map.entry("sh", 0.110), Map.entry("zh", 0.085),
            Map.entry("hh", 0.065), Map.entry("m", 0.070), Map.entry("n", 0.060), Map.entry("ng", 0.070),
            Map.entry("l", 0.065), Map.entry("r", 0.060), Map.entry("w", 0.060), Map.entry("y", 0.055));

    /** ARPAbet ("AH0", "ER1", "HH") to the kal phone ("ax", "er", "hh"); null for an unknown symbol. */
    static String fromArpabet(String arpabet) {
        if (arpabet == null || arpabet.isEmpty()) return null;
        String s = arpabet.trim().toLowerCase(Locale.ROOT);
        char last = s.charAt(s.length() - 1);
        String base = Character.isDigit(last) ? s.substring(0, s.length() - 1) : s;
        if (base.equals("ah") && last == '0') return "ax";
        if (base.equals("axr")) return "er";
        if (base.equals("sil") || base.equals("sp")) return PAU;
        if (isVowel(base) || CONSONANT_SECONDS.containsKey(base) || base.equals(PAU)) return base;
        return null;
    }

    static boolean isVowel(String p) {
        return switch (p) {
            case "aa", "ae", "ah", "ao", "aw", "ax", "ay", "eh", "er", "ey", "ih", "iy", "ow", "oy", "uh", "uw" -> true;
            default -> false;
        };
    }

    /** Vowels that glide from one quality to another within the phone. */
    static boolean isDiphthong(String p) {
        return switch (p) {
            case "ay", "aw", "oy", "ey", "ow" -> true;
            default -> false;
        };
    }

    /** Sonorants can carry a tune when a syllable has no vowel ("hmm", a syllabic "l"). */
    static boolean isSonorant(String p) {
        return switch (p) {
            case "m", "n", "ng", "l", "r", "w", "y" -> true;
            default -> isVowel(p);
        };
    }

    static boolean isStop(String p) {
        return switch (p) {
            case "p", "b", "t", "d", "k", "g", "ch", "jh" -> true;
            default -> false;
        };
    }

    /** Unvoiced phones: their source is noise, so a low pitch must not leave gaps in it. */
    static boolean isUnvoiced(String p) {
        return switch (p) {
            case "p", "t", "k", "ch", "f", "th", "s", "sh", "hh", PAU -> true;
            default -> false;
        };
    }

    static double consonantSeconds(String p) {
        Double d = CONSONANT_SECONDS.get(p);
        return d == null ? 0.07 : d;
    }

    /** The nearest phone with diphones when a pair is missing from the database. */
    static String substitute(String p) {
        return switch (p) {
            case "ax" -> "ah";
            case "ah" -> "ax";
            case "er" -> "r";
            case "zh" -> "sh";
            case "oy" -> "ao";
            case "uh" -> "uw";
            case "aw" -> "aa";
            case "ng" -> "n";
            case "dh" -> "d";
            case "th" -> "f";
            default -> p;
        };
    }
}
