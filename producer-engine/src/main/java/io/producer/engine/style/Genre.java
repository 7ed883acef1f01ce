package io.producer.engine.style;

import io.producer.engine.score.Meter;
import io.producer.engine.score.Voice;

import java.util.List;

/**
 * One genre of the catalogue, as data: tempo range, meter, how often it is in major, the chord
 * progression families it uses (names from {@code compose.ChordProgression}), its groove (names from
 * {@code arrange.Groove}), its palette, default voice, the form a sound-only request gets, its base
 * energy and energy arc ("rise", "flat", "build_drop", "crescendo", "wave"), and swing (0 straight,
 * 1 full triplet swing).
 */
public record Genre(String name, int tempoLo, int tempoHi, Meter meter, double majorProbability,
                    List<String> progressions, String groove, Palette palette, Voice.Type voice,
                    List<String> form, double energy, String arc, double swing) {
    public Genre {
        progressions = List.copyOf(progressions);
        form = List.copyOf(form);
        if (tempoLo > tempoHi) throw new IllegalArgumentException("tempo range reversed for " + name);
    }

    public boolean instrumentalByNature() {
        return voice == null;
    }
}
