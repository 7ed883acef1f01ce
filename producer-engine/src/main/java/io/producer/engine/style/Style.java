package io.producer.engine.style;

import io.producer.engine.score.Key;
import io.producer.engine.score.Meter;
import io.producer.engine.score.Voice;

import java.util.List;

/**
 * What the {@code sound} prompt asked for, resolved against the genre catalogue: a blend of genres
 * (weights sum to 1, strongest first), tempo, meter, key, the overall energy, named instruments,
 * the voice (null when nothing is to be sung) and production cues ("four_on_the_floor",
 * "sidechain", "vinyl_crackle", "fade_out", "key_change", ...). The strengths and weirdness of the
 * request are kept because later stages weigh their choices with them.
 */
public record Style(List<GenreWeight> genres, double bpm, Meter meter, Key key, double energy,
                    List<String> instruments, Voice voice, List<String> production, List<String> moods,
                    double soundStrength, double weirdness, double lyricsStrength) {

    public record GenreWeight(String genre, double weight) {}

    public Style {
        genres = List.copyOf(genres);
        instruments = List.copyOf(instruments);
        production = List.copyOf(production);
        moods = List.copyOf(moods);
        if (genres.isEmpty()) throw new IllegalArgumentException("a style has at least one genre");
    }

    public String mainGenre() { return genres.get(0).genre(); }

    public boolean has(String cue) { return production.contains(cue); }
}
