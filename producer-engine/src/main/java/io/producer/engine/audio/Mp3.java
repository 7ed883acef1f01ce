package io.producer.engine.audio;

import de.sciss.jump3r.lowlevel.LameEncoder;
import javazoom.jl.decoder.Bitstream;
import javazoom.jl.decoder.BitstreamException;
import javazoom.jl.decoder.Decoder;
import javazoom.jl.decoder.DecoderException;
import javazoom.jl.decoder.Header;
import javazoom.jl.decoder.SampleBuffer;

import javax.sound.sampled.AudioFormat;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * MP3 through jump3r (LAME 3.98 port) for encoding and JLayer for decoding. Encodes constant
 * bitrate, joint stereo.
 */
public final class Mp3 {
    private Mp3() {}

    /** CBR joint-stereo MP3 at {@code kbps} (32-320) of a buffer at an MPEG rate (8-48 kHz). */
    public static byte[] encode(AudioBuffer audio, int kbps) {
        if (kbps < 32 || kbps > 320) throw new IllegalArgumentException("mp3 bitrate must be 32-320 kbps, was " + kbps);
        byte[] pcm = pcm16(audio, 0, audio.frames());
        AudioFormat fmt = new AudioFormat(audio.sampleRate(), 16, 2, true, false);
        LameEncoder enc = new LameEncoder(fmt, kbps, LameEncoder.CHANNEL_MODE_JOINT_STEREO, LameEncoder.QUALITY_MIDDLE, false);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(1024, (int) (audio.durationSeconds() * kbps * 125) + 8192));
            byte[] buf = new byte[enc.getMP3BufferSize()];
            int chunk = enc.getPCMBufferSize();
            for (int pos = 0; pos < pcm.length; pos += chunk) {
                int n = enc.encodeBuffer(pcm, pos, Math.min(chunk, pcm.length - pos), buf);
                out.write(buf, 0, n);
            }
            out.write(buf, 0, enc.encodeFinish(buf));
            return out.toByteArray();
        } finally {
            enc.close();
        }
    }

    static byte[] pcm16(AudioBuffer audio, int from, int to) {
        float[] l = audio.left(), r = audio.right();
        byte[] pcm = new byte[(to - from) * 4];
        int p = 0;
        for (int i = from; i < to; i++) {
            short sl = Wav.toPcm16(l[i]), sr = Wav.toPcm16(r[i]);
            pcm[p++] = (byte) sl; pcm[p++] = (byte) (sl >> 8);
            pcm[p++] = (byte) sr; pcm[p++] = (byte) (sr >> 8);
        }
        return pcm;
    }

    /** Decodes every frame (mono is read into both channels); throws {@link UnsupportedAudioException} when no frame decodes. */
    public static AudioBuffer decode(byte[] mp3) {
        Bitstream in = new Bitstream(new ByteArrayInputStream(mp3));
        Decoder decoder = new Decoder();
        float[] left = new float[1 << 16], right = new float[1 << 16];
        int frames = 0, rate = 0;
        try {
            for (Header h; (h = in.readFrame()) != null; ) {
                if (h.layer() != 3) throw new UnsupportedAudioException("MPEG layer " + h.layer() + " audio is not supported; only MP3 (layer III)");
                SampleBuffer sb;
                try {
                    sb = (SampleBuffer) decoder.decodeFrame(h, in);
                } catch (DecoderException | ArrayIndexOutOfBoundsException e) {
                    in.closeFrame();
                    if (frames == 0) throw new UnsupportedAudioException("MP3 frame does not decode: " + e.getMessage(), e);
                    break; // a damaged tail: keep what decoded
                }
                if (rate == 0) rate = h.frequency();
                else if (rate != h.frequency()) throw new UnsupportedAudioException("MP3 changes sample rate mid-stream");
                int channels = decoder.getOutputChannels();
                short[] s = sb.getBuffer();
                int n = sb.getBufferLength() / channels;
                if (frames + n > left.length) {
                    int cap = Math.max(frames + n, left.length * 2);
                    left = Arrays.copyOf(left, cap);
                    right = Arrays.copyOf(right, cap);
                }
                for (int i = 0; i < n; i++) {
                    left[frames + i] = s[i * channels] / 32768f;
                    right[frames + i] = s[i * channels + channels - 1] / 32768f;
                }
                frames += n;
                in.closeFrame();
            }
        } catch (BitstreamException e) {
            if (frames == 0) throw new UnsupportedAudioException("not a readable MP3 stream: " + e.getMessage(), e);
        } finally {
            try { in.close(); } catch (BitstreamException ignored) { }
        }
        if (frames == 0) throw new UnsupportedAudioException("MP3 contains no decodable audio frames");
        return new AudioBuffer(rate, Arrays.copyOf(left, frames), Arrays.copyOf(right, frames));
    }
}
