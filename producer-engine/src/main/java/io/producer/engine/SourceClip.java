package io.producer.engine;

import io.producer.engine.audio.AudioBuffer;
import io.producer.engine.score.Score;

/**
 * The clip an edit starts from: its score, and its audio when the audio is not just a render of
 * the score (an uploaded clip, whose score is the analysed one). {@code audio} may be null for
 * composed clips; the engine then re-renders the score, which is byte-identical by construction.
 */
public record SourceClip(Score score, AudioBuffer audio) {}
