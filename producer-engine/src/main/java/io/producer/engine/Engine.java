package io.producer.engine;

import io.producer.engine.audio.AudioBuffer;
import io.producer.engine.score.Score;

/**
 * The engine's facade: one method per operation of the Producer API, each returning a whole
 * {@link Song}. Thread-safe: the server calls it from several workers at once.
 */
public final class Engine implements AutoCloseable {
    private final EngineOptions options;

    public Engine(EngineOptions options) {
        this.options = options;
    }

    /** create_music: style and lyrics to a new song. */
    public Song create(SongRequest request) { throw notYet(); }

    /** extend_music: keep the bars before {@code startsAtSeconds} (snapped to a bar line), compose new ones after. */
    public Song extend(SourceClip source, SongRequest request, double startsAtSeconds) { throw notYet(); }

    /** replace_music: re-compose [{@code startsAt}, {@code endsAt}); {@code endsAt} null means to the end. */
    public Song replace(SourceClip source, SongRequest request, double startsAtSeconds, Double endsAtSeconds) { throw notYet(); }

    /** cover_music: same form, lyrics and melody in a new style; {@code coverStrength} of the request sets how far. */
    public Song cover(SourceClip source, SongRequest request) { throw notYet(); }

    /** music_variation: the same inputs with the request's (different) seed. */
    public Song variation(SourceClip source, SongRequest request) { throw notYet(); }

    /** swap_music_vocals: every instrument part kept, a new vocal part. */
    public Song swapVocals(SourceClip source, SongRequest request) { throw notYet(); }

    /** swap_music_sound: the vocal part kept, a new instrumental over the same harmony and tempo. */
    public Song swapSound(SourceClip source, SongRequest request) { throw notYet(); }

    /** upload: analyse uploaded audio into a score (tempo, beats, key, chords, sections) so edits can work on it. */
    public Song analyse(AudioBuffer uploaded, String seed) { throw notYet(); }

    /** Render a score again (same score, profile and seed give byte-identical audio). */
    public Song render(Score score) { throw notYet(); }

    public EngineOptions options() { return options; }

    @Override public void close() {}

    private static UnsupportedOperationException notYet() {
        return new UnsupportedOperationException("engine pipeline not wired yet");
    }
}
