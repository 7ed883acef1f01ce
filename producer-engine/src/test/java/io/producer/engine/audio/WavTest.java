package io.producer.engine.audio;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import static org.junit.jupiter.api.Assertions.*;

class WavTest {
    @Test void encodeWritesACanonicalHeaderAndRoundTripsWithin16BitPrecision() {
        AudioBuffer a = TestSignals.songLike(44100, 1.0);
        byte[] wav = Wav.encode(a);
        ByteBuffer b = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals("RIFF", new String(wav, 0, 4));
        assertEquals(wav.length - 8, b.getInt(4));
        assertEquals("WAVE", new String(wav, 8, 4));
        assertEquals("fmt ", new String(wav, 12, 4));
        assertEquals(16, b.getInt(16));
        assertEquals(1, b.getShort(20));        // PCM
        assertEquals(2, b.getShort(22));        // stereo
        assertEquals(44100, b.getInt(24));
        assertEquals(44100 * 4, b.getInt(28));  // byte rate
        assertEquals(4, b.getShort(32));        // block align
        assertEquals(16, b.getShort(34));
        assertEquals("data", new String(wav, 36, 4));
        assertEquals(a.frames() * 4, b.getInt(40));
        assertEquals(44 + a.frames() * 4, wav.length);

        AudioBuffer back = Wav.decode(wav);
        assertEquals(44100, back.sampleRate());
        assertEquals(a.frames(), back.frames());
        for (int i = 0; i < a.frames(); i++) {
            assertEquals(a.left()[i], back.left()[i], 0.5 / 32768 + 1e-9, "left " + i);
            assertEquals(a.right()[i], back.right()[i], 0.5 / 32768 + 1e-9, "right " + i);
        }
    }

    @Test void encodeClampsOverRangeSamplesInsteadOfWrapping() {
        AudioBuffer a = new AudioBuffer(8000, new float[]{1.5f, -2f, Float.NaN}, new float[]{0.5f, 1f, -1f});
        AudioBuffer back = Wav.decode(Wav.encode(a));
        assertEquals(32767 / 32768f, back.left()[0]);
        assertEquals(-1f, back.left()[1]);
        assertEquals(0f, back.left()[2]);
    }

    /** Builds a WAV by hand so that decoding is checked against bytes the encoder did not write. */
    private static byte[] wav(int formatTag, boolean extensible, int channels, int rate, int bits, byte[] data) {
        int fmtLen = extensible ? 40 : 16;
        ByteBuffer b = ByteBuffer.allocate(12 + 8 + fmtLen + 8 + 12 + 8 + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(b.capacity() - 8).put("WAVE".getBytes());
        b.put("fmt ".getBytes()).putInt(fmtLen).putShort((short) (extensible ? 0xFFFE : formatTag)).putShort((short) channels)
                .putInt(rate).putInt(rate * channels * bits / 8).putShort((short) (channels * bits / 8)).putShort((short) bits);
        if (extensible) {
            b.putShort((short) 22).putShort((short) bits).putInt(channels == 2 ? 3 : 4);
            b.putShort((short) formatTag).put(new byte[]{0, 0, 0, 0, 0x10, 0, (byte) 0x80, 0, 0, (byte) 0xAA, 0, 0x38, (byte) 0x9B, 0x71});
        }
        b.put("LIST".getBytes()).putInt(4).put("INFO".getBytes()); // a chunk to skip
        b.put("data".getBytes()).putInt(data.length).put(data);
        return b.array();
    }

    private static ByteBuffer le(int bytes) { return ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN); }

    /** The vectorisable block form rounds, clamps and zeroes NaN exactly like the one-sample form. */
    @Test void blockQuantisationEqualsSampleQuantisation() {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(7);
        float[] x = new float[5000];
        for (int i = 0; i < x.length; i++) x[i] = (float) (rnd.nextDouble() * 2.6 - 1.3);
        float[] edges = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 0.5f / 32768, -0.5f / 32768,
                1.5f / 32768, -1.5f / 32768, 32766.5f / 32768, 32767.5f / 32768, -32768.5f / 32768, 1f, -1f, 0f, -0f};
        System.arraycopy(edges, 0, x, 100, edges.length);
        short[] block = new short[x.length - 3];
        Wav.toPcm16(x, 3, block, block.length);
        for (int i = 0; i < block.length; i++) assertEquals(Wav.toPcm16(x[3 + i]), block[i], "sample " + (3 + i) + ": " + x[3 + i]);
    }

    @Test void decodes8BitUnsignedMono() {
        AudioBuffer a = Wav.decode(wav(1, false, 1, 8000, 8, new byte[]{(byte) 128, (byte) 255, 0, (byte) 192}));
        assertArrayEquals(new float[]{0f, 127 / 128f, -1f, 0.5f}, a.left());
        assertArrayEquals(a.left(), a.right());
    }

    @Test void decodes16BitStereo() {
        ByteBuffer d = le(8).putShort((short) 16384).putShort((short) -32768).putShort((short) 0).putShort((short) 32767);
        AudioBuffer a = Wav.decode(wav(1, false, 2, 22050, 16, d.array()));
        assertEquals(22050, a.sampleRate());
        assertArrayEquals(new float[]{0.5f, 0f}, a.left());
        assertArrayEquals(new float[]{-1f, 32767 / 32768f}, a.right());
    }

    @Test void decodes24BitStereoExtensible() {
        byte[] d = {0, 0, 0x40, /* +0.5 */ 0, 0, (byte) 0xC0, /* -0.5 */ (byte) 0xFF, (byte) 0xFF, 0x7F, 1, 0, (byte) 0x80};
        AudioBuffer a = Wav.decode(wav(1, true, 2, 48000, 24, d));
        assertEquals(0.5f, a.left()[0]);
        assertEquals(-0.5f, a.right()[0]);
        assertEquals(8388607 / 8388608f, a.left()[1], 1e-7);
        assertEquals(-8388607 / 8388608f, a.right()[1], 1e-7);
    }

    @Test void decodes32BitIntAndFloat() {
        ByteBuffer i = le(8).putInt(Integer.MIN_VALUE / 2).putInt(Integer.MAX_VALUE);
        AudioBuffer a = Wav.decode(wav(1, false, 1, 44100, 32, i.array()));
        assertEquals(-0.5f, a.left()[0]);
        assertEquals(1f, a.left()[1], 1e-6);
        ByteBuffer f = le(16).putFloat(0.25f).putFloat(-0.75f).putFloat(1.5f).putFloat(0f);
        AudioBuffer b = Wav.decode(wav(3, false, 2, 44100, 32, f.array()));
        assertArrayEquals(new float[]{0.25f, 1.5f}, b.left());
        assertArrayEquals(new float[]{-0.75f, 0f}, b.right());
        AudioBuffer c = Wav.decode(wav(3, true, 2, 44100, 32, f.array()));
        assertArrayEquals(b.left(), c.left());
    }

    @Test void refusesWhatItCannotRead() {
        var e = assertThrows(UnsupportedAudioException.class, () -> Wav.decode(wav(2, false, 2, 44100, 4, new byte[16])));
        assertTrue(e.getMessage().contains("ADPCM"), e.getMessage());
        assertThrows(UnsupportedAudioException.class, () -> Wav.decode(wav(1, false, 6, 44100, 16, new byte[24])));
        assertThrows(UnsupportedAudioException.class, () -> Wav.decode("RIFF1234AVI LIST".getBytes()));
        assertThrows(UnsupportedAudioException.class, () -> Wav.decode(new byte[3]));
        byte[] noData = wav(1, false, 2, 44100, 16, new byte[0]);
        byte[] truncated = java.util.Arrays.copyOf(noData, 36);
        var t = assertThrows(UnsupportedAudioException.class, () -> Wav.decode(truncated));
        assertTrue(t.getMessage().contains("data"), t.getMessage());
        assertInstanceOf(IllegalArgumentException.class, t);
    }

    @Test void streamedWavWithUnknownDataSizeReadsWhatIsThere() {
        byte[] w = wav(1, false, 2, 44100, 16, new byte[400]);
        ByteBuffer.wrap(w).order(ByteOrder.LITTLE_ENDIAN).putInt(w.length - 404, 0xFFFFFFFF);
        assertEquals(100, Wav.decode(w).frames());
    }
}
