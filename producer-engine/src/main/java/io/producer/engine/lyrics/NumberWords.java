package io.producer.engine.lyrics;

import java.util.ArrayList;
import java.util.List;

/** Spells whole numbers as sung English words ("24" → "twenty four", "1999" → "nineteen ninety nine"). */
public final class NumberWords {
    private NumberWords() {}

    private static final String[] ONES = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
            "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
    private static final String[] TENS = {"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};
    private static final String[] ORDINAL_SUFFIXES = {"st", "nd", "rd", "th"};

    public static List<String> spell(String digits) {
        String d = digits;
        for (String s : ORDINAL_SUFFIXES) if (d.endsWith(s)) d = d.substring(0, d.length() - 2);
        List<String> out = new ArrayList<>();
        if (d.isEmpty() || d.length() > 12 || !d.chars().allMatch(Character::isDigit)) return List.of(digits);
        long n = Long.parseLong(d);
        if (d.length() == 4 && n >= 1100 && n % 1000 >= 10 && n < 2000) { // years are sung in pairs
            below100((int) (n / 100), out);
            below100((int) (n % 100), out);
            return out;
        }
        if (n == 0) return List.of("zero");
        long[] scales = {1_000_000_000L, 1_000_000L, 1000L};
        String[] names = {"billion", "million", "thousand"};
        for (int i = 0; i < scales.length; i++) {
            if (n >= scales[i]) {
                below1000((int) (n / scales[i]), out);
                out.add(names[i]);
                n %= scales[i];
            }
        }
        if (n > 0) below1000((int) n, out);
        return out;
    }

    private static void below1000(int n, List<String> out) {
        if (n >= 100) {
            out.add(ONES[n / 100]);
            out.add("hundred");
            n %= 100;
        }
        if (n > 0) below100(n, out);
    }

    private static void below100(int n, List<String> out) {
        if (n < 20) out.add(ONES[n]);
        else {
            out.add(TENS[n / 10]);
            if (n % 10 != 0) out.add(ONES[n % 10]);
        }
    }
}
