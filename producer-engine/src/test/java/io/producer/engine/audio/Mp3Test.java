package io.producer.engine.audio;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class Mp3Test {
    @TempDir Path dir;

    /** Lag (in samples) at which b best matches a, searched in [0, maxLag]. */
    static int bestLag(float[] a, float[] b, int maxLag) {
        int best = 0;
        double bestC = -1e300;
        for (int lag = 0; lag <= maxLag; lag++) {
            double c = 0;
            for (int i = 0; i < Math.min(a.length, b.length - lag); i += 3) c += a[i] * b[i + lag];
            if (c > bestC) { bestC = c; best = lag; }
        }
        return best;
    }

    static double snrDb(float[] ref, float[] test, int lag) {
        double s = 0, e = 0;
        int n = Math.min(ref.length, test.length - lag);
        for (int i = 0; i < n; i++) {
            double d = test[i + lag] - ref[i];
            s += ref[i] * (double) ref[i];
            e += d * d;
        }
        return 10 * Math.log10(s / e);
    }

    @Test void roundTripKeepsTheMusic() throws Exception {
        AudioBuffer song = TestSignals.songLike(44100, 6);
        byte[] mp3 = Mp3.encode(song, 192);
        // 192 kbps CBR: 6 s is 144 kB plus at most a couple of frames of delay and padding
        assertEquals(6 * 192_000 / 8, mp3.length, 2500);
        AudioBuffer back = Mp3.decode(mp3);
        assertEquals(44100, back.sampleRate());
        assertTrue(back.frames() >= song.frames() && back.frames() < song.frames() + 4 * 1152, "length " + back.frames());
        int lag = bestLag(song.left(), back.left(), 4000);
        assertTrue(snrDb(song.left(), back.left(), lag) > 15, "left SNR");
        assertTrue(snrDb(song.right(), back.right(), lag) > 15, "right SNR");
        // ffmpeg reads our file as joint-stereo MPEG-1 layer III at the bitrate asked for
        Process p = new ProcessBuilder("ffprobe", "-v", "error", "-show_entries", "stream=codec_name,sample_rate,channels,bit_rate",
                "-of", "default=nw=1", Ffmpeg.writeTemp(dir, "a.mp3", mp3).toString()).redirectErrorStream(true).start();
        String info = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor());
        assertTrue(info.contains("codec_name=mp3") && info.contains("sample_rate=44100") && info.contains("channels=2")
                && info.contains("bit_rate=192000"), info);
    }

    /**
     * A ceiling under what the encoder's noise makes of the peaks is met by encoding again quieter;
     * one over it changes nothing. The plain encode's decoded true peak sets both ceilings.
     */
    @Test void aTruePeakCeilingHoldsThroughTheEncoder() {
        PcmAudio song = PcmAudio.of(TestSignals.songLike(44100, 30));
        byte[] plain = Mp3.encode(song, 192);
        AudioBuffer plainBack = Mp3.decode(plain);
        double peak = LoudnessMeter.truePeakDbtp(plainBack);
        assertArrayEquals(plain, Mp3.encode(song, 192, peak + 0.2), "a ceiling the stream meets leaves it as encoded");

        double ceiling = peak - 0.6;
        AudioBuffer back = Mp3.decode(Mp3.encode(song, 192, ceiling));
        double got = LoudnessMeter.truePeakDbtp(back);
        assertTrue(got <= ceiling, "decoded true peak " + got + " over the ceiling " + ceiling + " (plain " + peak + ")");
        double cut = LoudnessMeter.integratedLufs(plainBack) - LoudnessMeter.integratedLufs(back);
        assertTrue(cut > 0.5 && cut < 0.9, "quieter by about what the peak was over: " + cut + " dB");
    }

    @Test void encodesAtEveryProfileRate() {
        for (int rate : new int[]{32000, 44100, 48000}) {
            AudioBuffer tone = TestSignals.sine(rate, 1, 440, 0.5, 0);
            AudioBuffer back = Mp3.decode(Mp3.encode(tone, 128));
            assertEquals(rate, back.sampleRate());
            int lag = bestLag(tone.left(), back.left(), 4000);
            assertTrue(snrDb(tone.left(), back.left(), lag) > 20, "rate " + rate);
        }
    }

    @Test void refusesBitratesOutsideMp3() {
        AudioBuffer a = AudioBuffer.silence(44100, 1000);
        assertThrows(IllegalArgumentException.class, () -> Mp3.encode(a, 8));
        assertThrows(IllegalArgumentException.class, () -> Mp3.encode(a, 500));
    }

    @Test void garbageIsRefused() {
        assertThrows(UnsupportedAudioException.class, () -> Mp3.decode(new byte[5000]));
    }

    @Test void parallelSegmentsJoinWithoutASeam() {
        AudioBuffer song = TestSignals.songLike(44100, 12);
        byte[] serial = Mp3.encode(song, 192, 1);
        byte[] joined = Mp3.encode(song, 192, 2);
        assertArrayEquals(joined, Mp3.encode(song, 192, 2), "parallel encoding is deterministic");
        // (byte lengths may differ by a padding byte: 44.1 kHz frames alternate 626/627 bytes)
        assertEquals(serial.length, joined.length, 4);
        // every joined frame starts with a valid header and the frame after the seam borrows no bits
        java.util.List<int[]> frames = Mp3.frames(joined);
        assertEquals(Mp3.frames(serial).size(), frames.size());
        AudioBuffer back = Mp3.decode(joined);
        int lag = bestLag(song.left(), back.left(), 4000);
        // coding error per 1152-sample block, relative to the signal: the blocks at the seam are no worse than the rest
        int seam = (int) ((long) song.frames() / 2 / 1152) * 1152;
        double[] err = new double[song.frames() / 1152 - 2];
        for (int b = 0; b < err.length; b++) {
            double e = 0, sig = 0;
            for (int i = b * 1152; i < (b + 1) * 1152; i++) {
                double d = back.left()[i + lag] - song.left()[i];
                e += d * d;
                sig += song.left()[i] * (double) song.left()[i];
            }
            err[b] = e / (sig + 1e-9);
        }
        double[] sorted = err.clone();
        java.util.Arrays.sort(sorted);
        double p95 = sorted[(int) (sorted.length * 0.95)];
        for (int b = seam / 1152 - 3; b <= seam / 1152 + 3; b++)
            assertTrue(err[b] <= Math.max(p95, 1e-4), "block " + b + " at the seam: error " + err[b] + " vs 95th percentile " + p95);
    }
}
