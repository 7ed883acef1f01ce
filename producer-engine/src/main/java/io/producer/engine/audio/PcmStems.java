package io.producer.engine.audio;

/** The four delivered stems of a song at 16 bits, all of the same length and rate; vocals is silent for instrumentals. */
public record PcmStems(PcmAudio vocals, PcmAudio drums, PcmAudio bass, PcmAudio other) {}
