package io.producer.engine.score;

/** When a word of the lyrics is sung, in seconds from the start of the song. */
public record WordTiming(String word, double start, double end) {}
