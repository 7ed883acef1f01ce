package io.producer.engine.mix;

import io.producer.engine.testing.ClickMeter;
import io.producer.engine.EngineOptions;
import io.producer.engine.Profile;
import io.producer.engine.audio.AudioBuffer;
import io.producer.engine.audio.LoudnessMeter;
import io.producer.engine.audio.PcmStems;
import io.producer.engine.audio.Stems;
import io.producer.engine.audio.Wav;
import io.producer.engine.render.Renderer;
import io.producer.engine.score.Score;
import io.producer.engine.testing.TestScores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

class MixerTest {
    private static final Renderer RENDERER = new Renderer(EngineOptions.defaults());
    private static final Mixer MIXER = new Mixer();

    private static double[] ffmpegLoudness(Path wav) throws Exception {
        Process p = new ProcessBuilder("ffmpeg", "-hide_banner", "-nostats", "-i", wav.toString(), "-af", "ebur128=peak=true", "-f", "null", "-")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        String summary = out.substring(out.lastIndexOf("Summary:"));
        Matcher i = Pattern.compile("I:\\s+(-?[0-9.]+) LUFS").matcher(summary);
        Matcher tp = Pattern.compile("True peak:\\s+Peak:\\s+(-?[0-9.]+) dBFS").matcher(summary);
        assertTrue(i.find() && tp.find(), summary);
        return new double[]{Double.parseDouble(i.group(1)), Double.parseDouble(tp.group(1))};
    }

    @Test void masteredSongMeetsTheLoudnessTargetByOurMeterAndByFfmpeg(@TempDir Path dir) throws Exception {
        Score score = TestScores.song(8, 120, true, List.of(), false);
        Mix mix = MIXER.mix(RENDERER.renderInstruments(score, Profile.FUZZ_2_0), score, Profile.FUZZ_2_0);
        assertEquals(-14.0, LoudnessMeter.integratedLufs(mix.master()), 0.3);
        assertTrue(LoudnessMeter.truePeakDbtp(mix.master().toFloat()) <= -1.0);
        Path wav = dir.resolve("mix.wav");
        Files.write(wav, Wav.encode(mix.master()));
        double[] ref = ffmpegLoudness(wav);
        assertEquals(-14.0, ref[0], 0.4, "ffmpeg integrated");
        assertTrue(ref[1] <= -1.0, "ffmpeg true peak " + ref[1]);
    }

    @Test void rawSkipsTheMasterStaysPeakSafeAndItsStemsSumToTheMix() {
        Score score = TestScores.song(8, 110, false, List.of(), false);
        Stems dry = RENDERER.renderInstruments(score, Profile.FUZZ_2_0_RAW);
        Mix raw = MIXER.mix(dry, score, Profile.FUZZ_2_0_RAW);
        Mix mastered = MIXER.mix(dry, score, Profile.FUZZ_2_0);
        assertTrue(LoudnessMeter.truePeakDbtp(raw.master().toFloat()) <= -1.0);
        double rawLufs = LoudnessMeter.integratedLufs(raw.master());
        assertTrue(Math.abs(rawLufs - LoudnessMeter.integratedLufs(mastered.master())) > 0.5,
                "raw should not be loudness-normalised: " + rawLufs);
        assertFalse(raw.master().sameAudio(mastered.master()));
        // twice the delivered 16-bit stems' sum is the delivered mix, within their rounding (half a step each, doubled, and the mix's own)
        PcmStems w = raw.wet();
        AudioBuffer v = w.vocals().toFloat(), d = w.drums().toFloat(), b = w.bass().toFloat(), o = w.other().toFloat(), m = raw.master().toFloat();
        for (int i = 0; i < m.frames(); i++) {
            float sum = (v.left()[i] + d.left()[i] + b.left()[i] + o.left()[i]) / Mixer.STEM_GAIN;
            assertEquals(sum, m.left()[i], 4.5f / 32768 + 1e-6f, "frame " + i);
        }
    }

    /**
     * Snare-like hits (a noise burst on a 25 ms decay, once a second): a 20+ dB crest factor, so
     * the drum stem brought to its loudness in the balance peaks above full scale. The delivered
     * stem keeps that peak (under full scale, by the stem headroom) instead of clipping it.
     */
    @Test void peakyDrumStemIsDeliveredUnclipped() {
        Score score = TestScores.song(8, 120, false, List.of(), false);
        Stems quiet = RENDERER.renderInstruments(score, Profile.FUZZ_2_0);
        int rate = quiet.drums().sampleRate(), frames = quiet.drums().frames();
        float[] l = new float[frames], r = new float[frames];
        java.util.Random noise = new java.util.Random(7);
        for (int hit = rate / 4; hit < frames - rate / 2; hit += rate)
            for (int i = 0; i < rate / 4; i++) {
                float env = (float) (Math.exp(-i / (0.025 * rate)) * Math.min(1, i / (0.002 * rate)));
                l[hit + i] = r[hit + i] = (float) (noise.nextGaussian() * 0.25 * env);
            }
        Stems dry = new Stems(quiet.vocals(), new AudioBuffer(rate, l, r), quiet.bass(), quiet.other());
        Mix mix = MIXER.mix(dry, score, Profile.FUZZ_2_0);
        AudioBuffer drums = mix.wet().drums().toFloat();
        float peak = 0;
        int clipped = 0;
        for (float[] ch : new float[][]{drums.left(), drums.right()})
            for (float x : ch) {
                peak = Math.max(peak, Math.abs(x));
                if (Math.abs(x) >= 32767f / 32768) clipped++;
            }
        assertTrue(peak > Mixer.STEM_GAIN, "the test's drum stem should peak above full scale before the headroom: " + peak);
        assertEquals(0, clipped, "clipped samples in the delivered drum stem");
    }

    @Test void mixIsDeterministicAndKeepsFramesAndRate() {
        Score score = TestScores.song(4, 128, true, List.of("sidechain"), false);
        Stems dry = RENDERER.renderInstruments(score, Profile.FUZZ_2_0_PRO);
        Mix a = MIXER.mix(dry, score, Profile.FUZZ_2_0_PRO), b = MIXER.mix(dry, score, Profile.FUZZ_2_0_PRO);
        assertTrue(a.master().sameAudio(b.master()));
        assertEquals(dry.other().frames(), a.master().frames());
        assertEquals(48000, a.master().sampleRate());
        assertEquals(dry.other().frames(), a.wet().vocals().frames());
    }

    /** Ratio of the stem's level just after the kicks to its level half a beat later. */
    private static double duckRatio(AudioBuffer b, Score score) {
        int rate = b.sampleRate();
        double just = 0, later = 0;
        for (int beat = 8; beat < score.lengthBeats() - 1; beat++) {
            int k = (int) (score.beatToSeconds(beat) * rate);
            for (int i = 0; i < rate / 25; i++) {
                just += b.left()[k + i] * (double) b.left()[k + i];
                int m = k + (int) (score.secondsPerBeat() * rate / 2) + i;
                later += b.left()[m] * (double) b.left()[m];
            }
        }
        return 10 * Math.log10(just / later);
    }

    @Test void sidechainPumpsTheMusicOnTheKick() {
        Score plain = TestScores.song(8, 124, true, List.of(), false);
        Score pumped = TestScores.song(8, 124, true, List.of("sidechain"), false);
        Stems dry = RENDERER.renderInstruments(plain, Profile.FUZZ_2_0);
        double without = duckRatio(MIXER.mix(dry, plain, Profile.FUZZ_2_0).wet().other().toFloat(), plain);
        double with = duckRatio(MIXER.mix(dry, pumped, Profile.FUZZ_2_0).wet().other().toFloat(), pumped);
        assertTrue(with < without - 2, "no pumping: " + without + " dB vs " + with + " dB");
    }

    @Test void fadeOutEndsTheMusicInSilence() {
        Score plain = TestScores.song(8, 120, false, List.of(), false);
        Score faded = TestScores.song(8, 120, false, List.of("fade_out"), false);
        Stems dry = RENDERER.renderInstruments(plain, Profile.FUZZ_2_0_RAW);
        AudioBuffer a = MIXER.mix(dry, plain, Profile.FUZZ_2_0_RAW).master().toFloat();
        AudioBuffer b = MIXER.mix(dry, faded, Profile.FUZZ_2_0_RAW).master().toFloat();
        int rate = a.sampleRate();
        int end = (int) (plain.beatToSeconds(plain.lengthBeats()) * rate);
        double lastA = rmsOf(a.left(), end - rate / 2, end), lastB = rmsOf(b.left(), end - rate / 2, end);
        double earlyA = rmsOf(a.left(), rate * 2, rate * 4), earlyB = rmsOf(b.left(), rate * 2, rate * 4);
        assertEquals(earlyA, earlyB, earlyA * 0.25, "fade touched the start");
        assertTrue(lastB < lastA * 0.1, "last half second not faded: " + lastA + " -> " + lastB);
        assertEquals(0, rmsOf(b.left(), end, b.frames()), 1e-9);
    }

    private static double rmsOf(float[] x, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) s += x[i] * (double) x[i];
        return Math.sqrt(s / Math.max(1, to - from));
    }

    @Test void gatedReverbCutsTheDrumTailBetweenHits() {
        Score plain = TestScores.song(8, 90, false, List.of(), false);
        Score gated = TestScores.song(8, 90, false, List.of("gated_reverb"), false);
        Stems dry = RENDERER.renderInstruments(plain, Profile.FUZZ_2_0);
        AudioBuffer a = MIXER.mix(dry, plain, Profile.FUZZ_2_0).wet().drums().toFloat();
        AudioBuffer b = MIXER.mix(dry, gated, Profile.FUZZ_2_0).wet().drums().toFloat();
        int rate = a.sampleRate();
        // after the last hit, the ungated room rings on; the gate shuts it within ~250 ms
        int lastHit = (int) (plain.beatToSeconds(plain.lengthBeats() - 1) * rate);
        double ringA = rmsOf(a.left(), lastHit + rate * 6 / 10, lastHit + rate), ringB = rmsOf(b.left(), lastHit + rate * 6 / 10, lastHit + rate);
        assertTrue(ringB < ringA * 0.5, "gated tail " + ringB + " vs open " + ringA);
    }

    @Test void noClicksInTheMix() {
        // drum-free arrangement (hi-hats legitimately read as jumps): every sample jump stays within
        // 6 dB of the RMS of the surrounding 50 ms, the project's seam criterion
        Score s = TestScores.song(8, 120, true, List.of("sidechain", "fade_out"), false);
        Score noDrums = new Score(s.formatVersion(), s.origin(), s.seed(), s.profile(), s.title(), s.style(), s.bpm(), s.meter(), s.key(),
                s.bars(), s.sections(), s.chords(), s.vocal(), s.parts().subList(1, s.parts().size()), s.tailSeconds());
        Mix mix = MIXER.mix(RENDERER.renderInstruments(noDrums, Profile.FUZZ_2_0), noDrums, Profile.FUZZ_2_0);
        AudioBuffer master = mix.master().toFloat();
        assertTrue(ClickMeter.maxJumpDb(master) < 6, "click: " + ClickMeter.maxJumpDb(master) + " dB");
    }

    @Test void everySongEndsAtSilenceEvenWithoutAFade() {
        // no fade-out and a short tail: the reverb and the last notes still ring when the file ends
        Score score = TestScores.song(4, 120, true, List.of(), false);
        Mix mix = MIXER.mix(RENDERER.renderInstruments(score, Profile.FUZZ_2_0), score, Profile.FUZZ_2_0);
        AudioBuffer m = mix.master().toFloat(), other = mix.wet().other().toFloat();
        int n = m.frames(), ramp = Math.round(0.02f * m.sampleRate());
        assertTrue(rmsOf(other.left(), n - 3 * ramp, n - ramp) > 1e-4, "the stem still rings before the ramp");
        assertEquals(0f, m.left()[n - 1], 1f / 32768);
        assertEquals(0f, m.right()[n - 1], 1f / 32768);
        assertEquals(0f, other.left()[n - 1], 1f / 32768);
    }
}
