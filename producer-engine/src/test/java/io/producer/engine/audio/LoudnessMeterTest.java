package io.producer.engine.audio;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Our BS.1770 meter against ffmpeg's ebur128 on the same 16-bit files. */
class LoudnessMeterTest {
    @TempDir Path dir;

    private void agreesWithFfmpeg(String name, AudioBuffer signal) throws Exception {
        byte[] wav = Wav.encode(signal);
        AudioBuffer asWritten = Wav.decode(wav);
        Ffmpeg.Loudness ref = Ffmpeg.ebur128(Ffmpeg.writeTemp(dir, name + ".wav", wav));
        double lufs = LoudnessMeter.integratedLufs(asWritten);
        double tp = LoudnessMeter.truePeakDbtp(asWritten);
        assertEquals(ref.integratedLufs(), lufs, 0.2, name + " integrated loudness");
        assertEquals(ref.truePeakDbtp(), tp, 0.3, name + " true peak");
    }

    @Test void pinkNoiseAt44k() throws Exception { agreesWithFfmpeg("pink44", TestSignals.pinkNoise(44100, 12, 0.25, 1)); }

    @Test void pinkNoiseAt48kAnd32k() throws Exception {
        agreesWithFfmpeg("pink48", TestSignals.pinkNoise(48000, 8, 0.1, 2));
        agreesWithFfmpeg("pink32", TestSignals.pinkNoise(32000, 8, 0.4, 3));
    }

    @Test void tonesAcrossTheKWeightingCurve() throws Exception {
        agreesWithFfmpeg("tone1k", TestSignals.sine(44100, 5, 1000, 0.5, 0));
        agreesWithFfmpeg("tone60", TestSignals.sine(48000, 5, 60, 0.7, 0));
        agreesWithFfmpeg("tone8k", TestSignals.sine(32000, 5, 8000, 0.3, 0));
    }

    @Test void songLikeSignalWithQuietPassagesExercisesGating() throws Exception {
        agreesWithFfmpeg("songlike", TestSignals.songLike(44100, 24));
    }

    @Test void interSamplePeakIsFoundAboveTheSamplePeak() throws Exception {
        // fs/4 sine with a 45° phase: every sample sits at 0.707 of the amplitude.
        AudioBuffer s = TestSignals.sine(48000, 3, 12000, 0.9, Math.PI / 4);
        double samplePeak = 0;
        for (float v : s.left()) samplePeak = Math.max(samplePeak, Math.abs(v));
        assertEquals(0.9 * Math.sqrt(0.5), samplePeak, 1e-3);
        assertEquals(20 * Math.log10(0.9), LoudnessMeter.truePeakDbtp(s), 0.15);
        agreesWithFfmpeg("isp", s);
    }

    @Test void fullScale1kSineReadsMinus3Lufs() {
        // BS.1770-4's calibration point: a 0 dBFS 997 Hz sine in one channel reads −3.01 LKFS.
        float[] l = TestSignals.sine(48000, 10, 997, 1.0, 0).left();
        AudioBuffer oneChannel = new AudioBuffer(48000, l, new float[l.length]);
        assertEquals(-3.01, LoudnessMeter.integratedLufs(oneChannel), 0.05);
    }

    /** Both channels fed together, fed one at a time, or measured whole: the same numbers to the last bit. */
    @Test void feedingBothChannelsTogetherGivesWhatFeedingThemApartGives() {
        AudioBuffer song = TestSignals.songLike(44100, 9);
        LoudnessMeter.Meter together = new LoudnessMeter.Meter(44100, song.frames(), true);
        LoudnessMeter.Meter apart = new LoudnessMeter.Meter(44100, song.frames(), true);
        for (int pos = 0, step = 777; pos < song.frames(); pos += step, step = step * 5 % 9001 + 1) {
            int n = Math.min(step, song.frames() - pos);
            float[] l = java.util.Arrays.copyOfRange(song.left(), pos, pos + n), r = java.util.Arrays.copyOfRange(song.right(), pos, pos + n);
            together.add(l, r, n);
            apart.addLeft(l, n);
            apart.addRight(r, n);
        }
        assertEquals(LoudnessMeter.integratedLufs(song), together.integratedLufs());
        assertEquals(apart.integratedLufs(), together.integratedLufs());
        assertEquals(apart.truePeak(), together.truePeak());
    }

    @Test void silenceAndShortAudioReadAsMinus70() {
        assertEquals(LoudnessMeter.SILENCE_LUFS, LoudnessMeter.integratedLufs(AudioBuffer.silence(44100, 44100 * 3)));
        assertEquals(LoudnessMeter.SILENCE_LUFS, LoudnessMeter.integratedLufs(TestSignals.sine(44100, 0.3, 440, 0.5, 0)));
        assertTrue(LoudnessMeter.truePeakDbtp(AudioBuffer.silence(44100, 1000)) < -150);
    }
}
