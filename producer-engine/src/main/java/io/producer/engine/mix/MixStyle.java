package io.producer.engine.mix;

import io.producer.engine.Profile;
import io.producer.engine.score.Score;
import io.producer.engine.style.Style;

import java.util.Locale;

/**
 * The mix decisions a style implies: how big the room is, how much of each stem goes to it, whether
 * the vocal gets echoes, whether the bass and music duck under the kick, whether the drum reverb is
 * gated (the 80s snare), whether the song fades out. Everything is decided from the score's style
 * and the profile, so the same score always gets the same mix.
 */
record MixStyle(double reverbSeconds, double drumSend, double otherSend, double vocalSend, double vocalDelaySend,
                boolean sidechain, boolean gatedReverb, boolean fadeOut) {

    static MixStyle of(Score score, Profile profile) {
        Style style = score.style();
        String genre = style == null ? "" : style.mainGenre().toLowerCase(Locale.ROOT);
        boolean electronic = has(genre, "edm", "house", "techno", "trance", "dubstep", "electro", "drum and bass", "dnb", "future bass", "synthwave", "disco");
        boolean big = has(genre, "cinematic", "orchestral", "ambient", "classical", "opera", "choir", "post-rock", "shoegaze", "epic", "gospel", "new age");
        boolean dry = has(genre, "hip hop", "trap", "rap", "punk", "funk", "drill", "lo-fi", "lofi", "grime");
        double rt = big ? 3.0 : electronic ? 1.9 : dry ? 0.9 : 1.5;
        double drum = dry ? 0.06 : big ? 0.14 : 0.1;
        double other = big ? 0.38 : dry ? 0.12 : 0.24;
        double vocal = big ? 0.3 : dry ? 0.1 : 0.2;
        double delay = dry ? 0.05 : electronic ? 0.16 : 0.1;
        if (profile.reverb() == 0) { drum = other = vocal = 0; }
        boolean sidechain = style != null && (style.has("sidechain") || (style.has("four_on_the_floor") && electronic));
        boolean gated = style != null && style.has("gated_reverb");
        boolean fade = style != null && style.has("fade_out");
        return new MixStyle(rt, drum, other, vocal, delay, sidechain, gated, fade);
    }

    private static boolean has(String genre, String... words) {
        for (String w : words) if (genre.contains(w)) return true;
        return false;
    }
}
