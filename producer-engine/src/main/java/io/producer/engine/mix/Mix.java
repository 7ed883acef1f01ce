package io.producer.engine.mix;

import io.producer.engine.audio.AudioBuffer;
import io.producer.engine.audio.Stems;

/**
 * The mixer's result: the stems as they sit in the mix (each after its own chain, sends and the
 * bus processing, so that they sum sample for sample to the pre-master mix) and the master (the
 * mastered mix, or for Raw profiles the unmastered, peak-safe mix).
 */
public record Mix(Stems wet, AudioBuffer master) {}
