package io.producer.engine.mix;

import io.producer.engine.audio.PcmAudio;
import io.producer.engine.audio.PcmStems;

/**
 * The mixer's result, at the 16 bits it is delivered in: the stems as they sit in the mix (each
 * after its own chain, sends and the bus processing, so that they sum to the pre-master mix within
 * their rounding) and the master (the mastered mix, or for Raw profiles the unmastered, peak-safe mix).
 */
public record Mix(PcmStems wet, PcmAudio master) {}
