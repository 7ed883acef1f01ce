package io.producer.engine.audio;

/** The four stems of a song, all of the same length and rate; vocals is silent for instrumentals. */
public record Stems(AudioBuffer vocals, AudioBuffer drums, AudioBuffer bass, AudioBuffer other) {}
