package io.producer.engine.arrange;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Drum grooves as 16th-step patterns over a 4/4 bar, one string per GM drum note ("x" loud hit,
 * "o" ghost hit, "." rest). Each groove has a main pattern and a sparse one for quiet sections;
 * other meters get a pattern built from the meter's beat groups. Swing delays the off-16ths.
 */
public final class Groove {
    public static final int KICK = 36, SNARE = 38, SIDE_STICK = 37, CLAP = 39, CLOSED_HAT = 42, PEDAL_HAT = 44,
            OPEN_HAT = 46, CRASH = 49, RIDE = 51, LOW_TOM = 45, MID_TOM = 47, HIGH_TOM = 50, FLOOR_TOM = 41,
            TAMBOURINE = 54, SHAKER = 70, ELECTRIC_SNARE = 40, RIDE_BELL = 53, CABASA = 69, CLAVES = 75;

    /** One drum voice of a pattern. */
    public record Line(int drum, String steps) {}

    public record Pattern(List<Line> main, List<Line> sparse) {}

    private static final Map<String, Pattern> GROOVES = new LinkedHashMap<>();

    private static void g(String name, List<Line> main, List<Line> sparse) {
        GROOVES.put(name, new Pattern(main, sparse));
    }

    private static Line l(int drum, String steps) { return new Line(drum, steps); }

    static {
        g("four_on_floor", List.of(l(KICK, "x...x...x...x..."), l(CLAP, "....x.......x..."), l(CLOSED_HAT, "o.o.o.o.o.o.o.o."), l(OPEN_HAT, "..x...x...x...x.")),
                List.of(l(KICK, "x...x...x...x..."), l(CLOSED_HAT, "..x...x...x...x.")));
        g("techno", List.of(l(KICK, "x...x...x...x..."), l(CLAP, "....x.......x..."), l(CLOSED_HAT, "ooxoooxoooxoooxo"), l(RIDE, "..x...x...x...x.")),
                List.of(l(KICK, "x...x...x...x..."), l(CLOSED_HAT, "..x...x...x...x.")));
        g("pop", List.of(l(KICK, "x.....x.x......."), l(SNARE, "....x.......x..."), l(CLOSED_HAT, "x.x.x.x.x.x.x.x.")),
                List.of(l(KICK, "x.......x......."), l(SIDE_STICK, "....x.......x..."), l(CLOSED_HAT, "x...x...x...x...")));
        g("rock", List.of(l(KICK, "x.......x.x....."), l(SNARE, "....x.......x..."), l(CLOSED_HAT, "x.x.x.x.x.x.x.x.")),
                List.of(l(KICK, "x.......x......."), l(CLOSED_HAT, "x.x.x.x.x.x.x.x.")));
        g("metal", List.of(l(KICK, "xxxxxxxxxxxxxxxx"), l(SNARE, "....x.......x..."), l(CRASH, "x...x...x...x...")),
                List.of(l(KICK, "x.......x.x....."), l(SNARE, "....x.......x..."), l(CLOSED_HAT, "x.x.x.x.x.x.x.x.")));
        g("backbeat", List.of(l(KICK, "x.......x.x....."), l(SNARE, "....x.......x..."), l(CLOSED_HAT, "x.x.x.x.x.x.x.x."), l(TAMBOURINE, "....x.......x...")),
                List.of(l(KICK, "x.......x......."), l(SIDE_STICK, "....x.......x..."), l(CLOSED_HAT, "x.x.x.x.x.x.x.x.")));
        g("ballad", List.of(l(KICK, "x.........x....."), l(SNARE, "....x.......x..."), l(CLOSED_HAT, "x.x.x.x.x.x.x.x.")),
                List.of(l(KICK, "x..............."), l(SIDE_STICK, "....x.......x..."), l(CLOSED_HAT, "x...x...x...x...")));
        g("one_drop", List.of(l(KICK, "........x......."), l(SIDE_STICK, "........x......."), l(CLOSED_HAT, "x.x.x.x.x.x.x.x."), l(OPEN_HAT, "..............x.")),
                List.of(l(KICK, "........x......."), l(SIDE_STICK, "........x......."), l(CLOSED_HAT, "x...x...x...x...")));
        g("trap", List.of(l(KICK, "x......x..x....."), l(CLAP, "........x......."), l(CLOSED_HAT, "x.x.x.x.xxx.x.xx"), l(OPEN_HAT, "..............x.")),
                List.of(l(KICK, "x..............."), l(CLOSED_HAT, "x.x.x.x.x.x.x.x.")));
        g("boom_bap", List.of(l(KICK, "x.....x...x....."), l(SNARE, "....x.......x..."), l(CLOSED_HAT, "x.x.x.x.x.x.x.x.")),
                List.of(l(KICK, "x.........x....."), l(CLOSED_HAT, "x.x.x.x.x.x.x.x.")));
        g("dnb", List.of(l(KICK, "x.........x....."), l(SNARE, "....x.......x..o"), l(CLOSED_HAT, "x.x.x.x.x.x.x.x."), l(RIDE, "..x...x...x...x.")),
                List.of(l(KICK, "x.........x....."), l(CLOSED_HAT, "x.x.x.x.x.x.x.x.")));
        g("swing", List.of(l(RIDE, "x...x..xx...x..x"), l(PEDAL_HAT, "....x.......x..."), l(KICK, "o...o...o...o..."), l(SNARE, "..........o....o")),
                List.of(l(RIDE, "x...x..xx...x..x"), l(PEDAL_HAT, "....x.......x...")));
        g("brushes", List.of(l(SNARE, "oooooooooooooooo"), l(RIDE, "x...x..xx...x..x"), l(PEDAL_HAT, "....x.......x..."), l(KICK, "o.......o.......")),
                List.of(l(SNARE, "o.o.o.o.o.o.o.o."), l(PEDAL_HAT, "....x.......x...")));
        g("bossa", List.of(l(KICK, "x..xx..xx..xx..x"), l(SIDE_STICK, "x..x..x...x..x.."), l(CLOSED_HAT, "x.x.x.x.x.x.x.x.")),
                List.of(l(SIDE_STICK, "x..x..x...x..x.."), l(CLOSED_HAT, "x.x.x.x.x.x.x.x.")));
        g("shuffle", List.of(l(KICK, "x.......x......."), l(SNARE, "....x.......x..."), l(CLOSED_HAT, "x.xxx.xxx.xxx.xx")),
                List.of(l(KICK, "x.......x......."), l(CLOSED_HAT, "x.x.x.x.x.x.x.x.")));
        g("funk", List.of(l(KICK, "x..x..x...x..x.."), l(SNARE, "....x..o.o..x..o"), l(CLOSED_HAT, "xoxoxoxoxoxoxoxo")),
                List.of(l(KICK, "x.....x...x....."), l(CLOSED_HAT, "x.x.x.x.x.x.x.x.")));
        g("country", List.of(l(KICK, "x.......x......."), l(SNARE, "....x.......x..."), l(CLOSED_HAT, "x.x.x.x.x.x.x.x.")),
                List.of(l(KICK, "x.......x......."), l(SIDE_STICK, "....x.......x...")));
        g("folk", List.of(l(TAMBOURINE, "....x.......x..."), l(SHAKER, "x.x.x.x.x.x.x.x.")),
                List.of(l(SHAKER, "x...x...x...x...")));
        g("acoustic", List.of(l(SHAKER, "x.x.x.x.x.x.x.x."), l(TAMBOURINE, "....x.......x...")),
                List.of(l(SHAKER, "x...x...x...x...")));
        g("rnb", List.of(l(KICK, "x......x..x....."), l(CLAP, "....x.......x..."), l(CLOSED_HAT, "x.xox.x.x.xox.x.")),
                List.of(l(KICK, "x..........x...."), l(CLOSED_HAT, "x...x...x...x...")));
        g("dembow", List.of(l(KICK, "x...x...x...x..."), l(SNARE, "...x..x....x..x."), l(CLOSED_HAT, "x.x.x.x.x.x.x.x.")),
                List.of(l(KICK, "x...x...x...x..."), l(SNARE, "...x..x....x..x.")));
        g("synthwave", List.of(l(KICK, "x.......x.x....."), l(SNARE, "....x.......x..."), l(CLOSED_HAT, "x.x.x.x.x.x.x.x.")),
                List.of(l(KICK, "x...x...x...x..."), l(CLOSED_HAT, "..x...x...x...x.")));
        g("downtempo", List.of(l(KICK, "x......x..x....."), l(SNARE, "....x.......x..."), l(CLOSED_HAT, "x.x.x.x.x.x.x.x.")),
                List.of(l(KICK, "x.........x....."), l(CLOSED_HAT, "x...x...x...x...")));
        g("lofi", List.of(l(KICK, "x.......x.x....."), l(SNARE, "....x.......x..."), l(CLOSED_HAT, "x.x.x.x.x.x.x.x.")),
                List.of(l(KICK, "x.........x....."), l(CLOSED_HAT, "x...x...x...x...")));
        // the toms mark every beat: a 3-3-2 tom figure against slow strings was read by aubio at 1.5x the
        // tempo (a 78 BPM cue 117-125 in its full sections, an 84 BPM one 128), while on the beat both read right
        g("orchestral", List.of(l(KICK, "x.......x......."), l(LOW_TOM, "x...x...x...x..."), l(FLOOR_TOM, "........x.......")),
                List.of(l(KICK, "x...............")));
        g("glitch", List.of(l(KICK, "x..x....x.x....."), l(SNARE, "....x.......x.xx"), l(CLOSED_HAT, "xxx.x.xxx.x.x.xx")),
                List.of(l(KICK, "x.........x....."), l(CLOSED_HAT, "x.x...x.x...x...")));
        g("waltz", List.of(), List.of());
        g("none", List.of(), List.of());
    }

    public static boolean exists(String name) { return GROOVES.containsKey(name); }

    public static Pattern pattern(String name) {
        Pattern p = GROOVES.get(name);
        return p == null ? GROOVES.get("pop") : p;
    }

    /**
     * The pattern for one bar of {@code beatsPerBar} quarter beats. 4/4 uses the table; other meters get
     * kick on each group's first step, snare on the later groups, hats on 8ths (odd meters group 2+2+3…).
     */
    public static List<Line> forBar(String groove, double beatsPerBar, boolean sparse, SplittableRandom rnd) {
        int steps = (int) Math.round(beatsPerBar * 4);
        if (groove.equals("none")) return List.of();
        if (steps == 16 && !groove.equals("waltz")) {
            Pattern p = pattern(groove);
            if (groove.equals("glitch") && !sparse) return glitch(rnd);
            return sparse ? p.sparse() : p.main();
        }
        char[] k = dots(steps), s = dots(steps), h = dots(steps);
        List<Integer> groups = new ArrayList<>();
        int pos = 0;
        int remaining = steps;
        while (remaining > 0) {
            int g = remaining == 6 ? 6 : remaining >= 8 ? 4 : remaining == 7 ? 4 : remaining; // beats of 4 steps, a 7/8 bar is 4+6 16ths
            if (steps == 12 && groove.equals("waltz")) g = 4;
            groups.add(pos);
            pos += g;
            remaining -= g;
        }
        for (int i = 0; i < groups.size(); i++) {
            if (i == 0) k[groups.get(i)] = 'x';
            else if (groove.equals("waltz")) s[groups.get(i)] = 'o';
            else s[groups.get(i)] = i % 2 == 1 ? 'x' : 'o';
        }
        for (int i = 0; i < steps; i += 2) h[i] = i % 4 == 0 ? 'x' : 'o';
        List<Line> out = new ArrayList<>();
        out.add(new Line(KICK, new String(k)));
        if (!sparse) out.add(new Line(groove.equals("waltz") ? SIDE_STICK : SNARE, new String(s)));
        out.add(new Line(groove.equals("swing") || groove.equals("brushes") ? RIDE : CLOSED_HAT, new String(h)));
        return out;
    }

    private static char[] dots(int n) {
        char[] c = new char[n];
        java.util.Arrays.fill(c, '.');
        return c;
    }

    private static List<Line> glitch(SplittableRandom rnd) {
        char[] k = dots(16), s = dots(16), h = dots(16);
        k[0] = 'x';
        for (int i = 1; i < 16; i++) {
            if (rnd.nextDouble() < 0.15) k[i] = 'x';
            if (i % 8 == 4 || rnd.nextDouble() < 0.12) s[i] = i % 8 == 4 ? 'x' : 'o';
            if (rnd.nextDouble() < 0.6) h[i] = rnd.nextDouble() < 0.5 ? 'x' : 'o';
        }
        return List.of(new Line(KICK, new String(k)), new Line(SNARE, new String(s)), new Line(CLOSED_HAT, new String(h)));
    }
}
