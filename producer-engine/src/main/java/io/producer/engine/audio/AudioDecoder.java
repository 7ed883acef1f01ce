package io.producer.engine.audio;

/**
 * Decodes uploaded audio by looking at its bytes, never at a file name: RIFF/WAVE goes to
 * {@link Wav}, an ID3v2 tag or an MPEG audio frame sync goes to {@link Mp3}. Anything else is
 * refused with a message naming what it looks like.
 */
public final class AudioDecoder {
    private AudioDecoder() {}

    public static AudioBuffer decode(byte[] data) {
        if (data == null || data.length == 0) throw new UnsupportedAudioException("audio is empty");
        if (startsWith(data, 0, "RIFF") || startsWith(data, 0, "RF64")) return Wav.decode(data);
        int p = 0;
        if (startsWith(data, 0, "ID3")) {
            if (data.length < 10) throw new UnsupportedAudioException("truncated ID3 tag and no audio");
            int size = (data[6] & 0x7F) << 21 | (data[7] & 0x7F) << 14 | (data[8] & 0x7F) << 7 | (data[9] & 0x7F);
            boolean footer = (data[5] & 0x10) != 0;
            p = 10 + size + (footer ? 10 : 0);
            // Some taggers pad with zeros after the tag.
            while (p < data.length && data[p] == 0) p++;
            if (p >= data.length) throw new UnsupportedAudioException("MP3 has an ID3 tag but no audio frames");
        }
        if (isMpegAudioHeader(data, p)) return Mp3.decode(p == 0 ? data : java.util.Arrays.copyOfRange(data, p, data.length));
        throw new UnsupportedAudioException("unsupported audio format (" + sniffName(data) + "); upload WAV or MP3");
    }

    /** An MPEG-1/2/2.5 layer III frame header with a valid bitrate index and sample rate. */
    static boolean isMpegAudioHeader(byte[] d, int p) {
        if (p + 4 > d.length) return false;
        int b1 = d[p] & 0xFF, b2 = d[p + 1] & 0xFF, b3 = d[p + 2] & 0xFF;
        if (b1 != 0xFF || (b2 & 0xE0) != 0xE0) return false;
        int version = (b2 >> 3) & 3, layer = (b2 >> 1) & 3;
        int bitrate = b3 >> 4, rate = (b3 >> 2) & 3;
        return version != 1 && layer == 1 && bitrate != 0 && bitrate != 15 && rate != 3;
    }

    private static String sniffName(byte[] d) {
        if (startsWith(d, 0, "fLaC")) return "FLAC";
        if (startsWith(d, 0, "OggS")) return "Ogg";
        if (startsWith(d, 4, "ftyp")) return "MP4/M4A";
        if (startsWith(d, 0, "FORM")) return "AIFF";
        if (d.length >= 2 && (d[0] & 0xFF) == 0xFF && (d[1] & 0xF6) == 0xF0) return "AAC (ADTS)";
        if (d.length >= 4 && (d[0] & 0xFF) == 0xFF && (d[1] & 0xE0) == 0xE0) return "MPEG audio other than layer III";
        if (startsWith(d, 0, "{") || startsWith(d, 0, "<")) return "text, not audio";
        return "unrecognised bytes";
    }

    private static boolean startsWith(byte[] d, int off, String magic) {
        if (d.length < off + magic.length()) return false;
        for (int i = 0; i < magic.length(); i++) if (d[off + i] != (byte) magic.charAt(i)) return false;
        return true;
    }
}
