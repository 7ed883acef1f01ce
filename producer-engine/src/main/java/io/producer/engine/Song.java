package io.producer.engine;

import io.producer.engine.audio.Mp3;
import io.producer.engine.audio.PcmAudio;
import io.producer.engine.audio.PcmStems;
import io.producer.engine.mix.Mixer;
import io.producer.engine.score.Score;
import io.producer.engine.score.WordTiming;

import java.util.List;

/**
 * What the engine delivers: the score; the stems as they sit in the mix (each through its own
 * chain, summing to the mix before the master bus); the dry vocal as the singer sang it (silent
 * for instrumentals); the final mix (mastered unless the profile is Raw); the word-level lyric
 * timeline (empty for instrumentals); and how long each stage took. The audio is kept at the 16 bits
 * every WAV and MP3 of it is made from ({@link PcmAudio}), half the memory of floats.
 */
public record Song(Score score, PcmStems stems, PcmAudio dryVocals, PcmAudio mix, List<WordTiming> timeline,
                   List<StageTime> stageTimes) {
    public Song {
        timeline = List.copyOf(timeline);
        stageTimes = List.copyOf(stageTimes);
    }

    /**
     * Wall-clock seconds one pipeline stage took, and the CPU seconds the whole process spent meanwhile
     * (all threads, so it includes other work of the JVM running at the same time), for the benchmark.
     */
    public record StageTime(String stage, double seconds, double cpuSeconds) {}

    public double durationSeconds() { return mix.durationSeconds(); }

    /**
     * The mix as the MP3 a client downloads. A mastered mix keeps its true-peak promise
     * ({@link Mixer#MAX_TRUE_PEAK_DBTP}) through the encoder too, with 0.1 dB in hand for meters
     * that decode or interpolate a little differently from ours (held at −1.0 by ours, the eval ballad
     * read −1.0 at ffmpeg's ebur128, rounded to 0.1); a Raw one is encoded as it is.
     */
    public byte[] mp3(Profile profile) {
        return profile.mastered() ? Mp3.encode(mix, profile.mp3Kbps(), Mixer.MAX_TRUE_PEAK_DBTP - 0.1) : Mp3.encode(mix, profile.mp3Kbps());
    }
}
