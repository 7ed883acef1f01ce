package io.producer.engine.audio;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * RIFF/WAVE codec. Writes 16-bit PCM stereo (what every player reads); reads integer PCM of 8, 16,
 * 24 and 32 bits, 32/64-bit IEEE float, mono or stereo, plain or WAVE_FORMAT_EXTENSIBLE. Mono is
 * read into both channels.
 */
public final class Wav {
    private static final int FORMAT_PCM = 1;
    private static final int FORMAT_FLOAT = 3;
    private static final int FORMAT_EXTENSIBLE = 0xFFFE;
    private static final int HEADER_BYTES = 44;

    private Wav() {}

    /** 16-bit little-endian PCM, stereo, with a 44-byte canonical header. Samples are clamped, then rounded. */
    public static byte[] encode(AudioBuffer audio) {
        byte[] out = header(audio.sampleRate(), audio.frames());
        float[] l = audio.left(), r = audio.right();
        int p = HEADER_BYTES;
        for (int i = 0; i < audio.frames(); i++) {
            short sl = toPcm16(l[i]), sr = toPcm16(r[i]);
            out[p++] = (byte) sl; out[p++] = (byte) (sl >> 8);
            out[p++] = (byte) sr; out[p++] = (byte) (sr >> 8);
        }
        return out;
    }

    /** The same file from audio already at 16 bits: its samples as they are. */
    public static byte[] encode(PcmAudio audio) {
        byte[] out = header(audio.sampleRate(), audio.frames());
        audio.copyPcm16(0, audio.frames(), out, HEADER_BYTES);
        return out;
    }

    private static byte[] header(int sampleRate, int frames) {
        long dataBytes = (long) frames * 4;
        if (dataBytes + HEADER_BYTES - 8 > 0xFFFFFFFFL) throw new IllegalArgumentException("audio too long for a WAV file");
        byte[] out = new byte[Math.toIntExact(HEADER_BYTES + dataBytes)];
        ByteBuffer b = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[]{'R', 'I', 'F', 'F'}).putInt((int) (dataBytes + HEADER_BYTES - 8)).put(new byte[]{'W', 'A', 'V', 'E'});
        b.put(new byte[]{'f', 'm', 't', ' '}).putInt(16).putShort((short) FORMAT_PCM).putShort((short) 2)
                .putInt(sampleRate).putInt(sampleRate * 4).putShort((short) 4).putShort((short) 16);
        b.put(new byte[]{'d', 'a', 't', 'a'}).putInt((int) dataBytes);
        return out;
    }

    /** Scaled by 32768 like the decoder divides, so a round trip is exact to half a step. */
    static short toPcm16(float x) {
        float v = x * 32768f;
        if (v >= 32767f) return 32767;
        if (v <= -32768f) return -32768;
        if (v != v) return 0;
        return (short) Math.round(v);
    }

    /**
     * {@link #toPcm16(float)} of {@code x[from..from + n)} into {@code out[0..n)}, without branches so
     * that the JIT turns the loop into vector instructions (NaN still gives 0: it passes the clamps
     * and rounds to 0).
     */
    static void toPcm16(float[] x, int from, short[] out, int n) {
        for (int j = 0; j < n; j++) {
            float v = Math.min(32767f, Math.max(-32768f, x[from + j] * 32768f));
            out[j] = (short) Math.round(v);
        }
    }

    /** Reads any WAV the class comment lists; throws {@link UnsupportedAudioException} naming what is wrong. */
    public static AudioBuffer decode(byte[] wav) {
        if (wav == null || wav.length < 12) throw new UnsupportedAudioException("not a WAV file: shorter than a RIFF header");
        ByteBuffer b = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        String riff = fourCc(wav, 0);
        if (riff.equals("RF64")) throw new UnsupportedAudioException("RF64 (64-bit WAV) is not supported; export a plain WAV under 4 GB");
        if (!riff.equals("RIFF") || !fourCc(wav, 8).equals("WAVE")) throw new UnsupportedAudioException("not a WAV file: no RIFF/WAVE header");
        int pos = 12;
        int format = -1, channels = 0, rate = 0, blockAlign = 0, bits = 0;
        int dataStart = -1, dataLen = 0;
        while (pos + 8 <= wav.length) {
            String id = fourCc(wav, pos);
            long size = b.getInt(pos + 4) & 0xFFFFFFFFL;
            int body = pos + 8;
            if (id.equals("fmt ")) {
                if (size < 16 || body + 16 > wav.length) throw new UnsupportedAudioException("WAV fmt chunk is truncated");
                format = b.getShort(body) & 0xFFFF;
                channels = b.getShort(body + 2) & 0xFFFF;
                rate = b.getInt(body + 4);
                blockAlign = b.getShort(body + 12) & 0xFFFF;
                bits = b.getShort(body + 14) & 0xFFFF;
                if (format == FORMAT_EXTENSIBLE) {
                    if (size < 40 || body + 26 > wav.length) throw new UnsupportedAudioException("WAV extensible fmt chunk is truncated");
                    format = b.getShort(body + 24) & 0xFFFF; // first two bytes of the sub-format GUID
                }
            } else if (id.equals("data")) {
                dataStart = body;
                // Streamed WAVs leave the size at 0 or 0xFFFFFFFF: take what is there.
                long avail = wav.length - (long) body;
                dataLen = (int) (size == 0 || size > avail ? avail : size);
                break;
            }
            pos = (int) Math.min(Integer.MAX_VALUE, body + size + (size & 1));
        }
        if (format < 0) throw new UnsupportedAudioException("WAV file has no fmt chunk");
        if (dataStart < 0) throw new UnsupportedAudioException("WAV file has no data chunk");
        if (channels != 1 && channels != 2) throw new UnsupportedAudioException("WAV has " + channels + " channels; only mono and stereo are supported");
        if (rate < 8000 || rate > 384000) throw new UnsupportedAudioException("WAV sample rate " + rate + " Hz is out of range (8000-384000)");
        boolean intPcm = format == FORMAT_PCM && (bits == 8 || bits == 16 || bits == 24 || bits == 32);
        boolean floatPcm = format == FORMAT_FLOAT && (bits == 32 || bits == 64);
        if (!intPcm && !floatPcm)
            throw new UnsupportedAudioException("WAV encoding " + describe(format) + " with " + bits + " bits is not supported; use PCM 8/16/24/32-bit or 32-bit float");
        int bytesPerSample = bits / 8;
        if (blockAlign != bytesPerSample * channels) blockAlign = bytesPerSample * channels;
        int frames = dataLen / blockAlign;
        float[] left = new float[frames], right = new float[frames];
        for (int ch = 0; ch < channels; ch++) {
            float[] dst = ch == 0 ? left : right;
            int p = dataStart + ch * bytesPerSample;
            for (int i = 0; i < frames; i++, p += blockAlign) dst[i] = sample(b, wav, p, bits, floatPcm);
        }
        if (channels == 1) System.arraycopy(left, 0, right, 0, frames);
        return new AudioBuffer(rate, left, right);
    }

    private static float sample(ByteBuffer b, byte[] w, int p, int bits, boolean isFloat) {
        if (isFloat) return bits == 32 ? b.getFloat(p) : (float) b.getDouble(p);
        return switch (bits) {
            case 8 -> ((w[p] & 0xFF) - 128) / 128f;
            case 16 -> b.getShort(p) / 32768f;
            case 24 -> (((w[p] & 0xFF) | (w[p + 1] & 0xFF) << 8 | w[p + 2] << 16)) / 8388608f;
            default -> (float) (b.getInt(p) / 2147483648.0);
        };
    }

    private static String describe(int format) {
        return switch (format) {
            case 2 -> "MS ADPCM";
            case 6 -> "A-law";
            case 7 -> "mu-law";
            case 0x11 -> "IMA ADPCM";
            case 0x55 -> "MPEG Layer 3";
            default -> "format tag " + format;
        };
    }

    private static String fourCc(byte[] w, int p) {
        if (p + 4 > w.length) return "";
        char[] c = new char[4];
        for (int i = 0; i < 4; i++) c[i] = (char) (w[p + i] & 0xFF);
        return new String(c);
    }
}
