package io.producer.engine;

/**
 * What a user asked for, as the engine needs it. {@code sound} and {@code lyrics} may be null
 * (not both for a create). Strengths are in their API ranges, already validated by the caller.
 * {@code seed} is the seed string reported on the clip; {@link Seeds#hash} turns it into bits.
 */
public record SongRequest(String sound, String lyrics, String title, Profile profile, String seed,
                          boolean makeInstrumental, double lyricsStrength, double soundStrength,
                          double weirdness, double coverStrength) {

    public static final double DEFAULT_STRENGTH = 0.5;

    public SongRequest {
        if (profile == null) profile = Profile.DEFAULT;
        if (seed == null || seed.isEmpty()) throw new IllegalArgumentException("seed is required (the caller draws one when the user gave none)");
    }

    /** A request with the API defaults for everything but sound, lyrics and seed. */
    public static SongRequest of(String sound, String lyrics, String seed) {
        return new SongRequest(sound, lyrics, null, Profile.DEFAULT, seed, false,
                DEFAULT_STRENGTH, DEFAULT_STRENGTH, DEFAULT_STRENGTH, DEFAULT_STRENGTH);
    }
}
