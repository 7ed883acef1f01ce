package io.producer.engine.score;

/** A word of the sung lyrics as written, with the line and section it belongs to. */
public record LyricWord(String text, int lineIndex, int sectionIndex) {}
