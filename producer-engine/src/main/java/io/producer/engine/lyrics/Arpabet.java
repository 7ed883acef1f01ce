package io.producer.engine.lyrics;

import java.util.Locale;
import java.util.Set;

/** ARPAbet helpers and the mapping from FreeTTS's Festival "radio" phone set to ARPAbet. */
public final class Arpabet {
    private Arpabet() {}

    private static final Set<String> VOWELS = Set.of("AA", "AE", "AH", "AO", "AW", "AY", "EH", "ER", "EY", "IH",
            "IY", "OW", "OY", "UH", "UW");

    public static boolean isVowel(String phoneme) {
        return VOWELS.contains(base(phoneme));
    }

    /** The phoneme without its stress digit. */
    public static String base(String phoneme) {
        int n = phoneme.length();
        return n > 0 && Character.isDigit(phoneme.charAt(n - 1)) ? phoneme.substring(0, n - 1) : phoneme;
    }

    public static int stress(String phoneme) {
        int n = phoneme.length();
        return n > 0 && Character.isDigit(phoneme.charAt(n - 1)) ? phoneme.charAt(n - 1) - '0' : 0;
    }

    /**
     * One Festival phone ("ax", "ey1", "axr") to ARPAbet ("AH0", "EY1", "ER0"); null for pauses.
     * Festival marks only stressed vowels with a digit, so a bare vowel is unstressed (0).
     */
    public static String fromFestival(String phone) {
        String p = phone.toLowerCase(Locale.ROOT);
        if (p.equals("pau") || p.equals("h#") || p.isEmpty()) return null;
        String digit = "";
        if (Character.isDigit(p.charAt(p.length() - 1))) {
            digit = p.substring(p.length() - 1);
            p = p.substring(0, p.length() - 1);
        }
        String base = switch (p) {
            case "ax" -> "AH";
            case "axr" -> "ER";
            default -> p.toUpperCase(Locale.ROOT);
        };
        if (VOWELS.contains(base)) return base + (digit.isEmpty() ? "0" : digit);
        return base;
    }
}
