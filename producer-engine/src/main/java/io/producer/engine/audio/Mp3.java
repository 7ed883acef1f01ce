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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * MP3 through jump3r (LAME 3.98 port) for encoding and JLayer for decoding. Encodes constant
 * bitrate, joint stereo.
 */
public final class Mp3 {
    private Mp3() {}

    /** Below this length one encoder is as fast as splitting (the split costs pre- and post-roll). */
    private static final double PARALLEL_MIN_SECONDS = 20;
    /** Frames encoded before a segment's seam (reservoir off) so the encoder's state has settled. */
    private static final int PRE_ROLL_FRAMES = 8;
    /** Frames encoded after a segment's end so its last kept frames saw their real look-ahead. */
    private static final int POST_ROLL_FRAMES = 6;
    private static final int FRAME = 1152;
    /** Segments a long song is encoded in, in parallel, on any machine. */
    private static final int SEGMENTS = 2;

    /**
     * CBR joint-stereo MP3 at {@code kbps} (32-320) of a buffer at an MPEG-1 rate (32, 44.1 or
     * 48 kHz; other rates 8-24 kHz encode on one thread).
     *
     * <p>jump3r encodes about 40× real time on one core, so a long song is cut into {@value #SEGMENTS}
     * segments, encoded in parallel and joined at frame boundaries. A joined stream must not let
     * the first frame after a seam borrow bits from the frames before it (the MP3 bit reservoir):
     * each later segment therefore starts {@value #PRE_ROLL_FRAMES} frames early with the reservoir
     * switched off, then switches it on; its frames are taken from the last reservoir-free frame on,
     * which decodes on its own, and the segment before it supplies every frame up to there. Both
     * encoders saw the same audio around the seam, so the decoder's overlap-add joins them like any
     * two frames. {@code Mp3Test} decodes joined streams and checks the seams.
     */
    public static byte[] encode(AudioBuffer audio, int kbps) {
        return encode(Pcm.of(audio), kbps);
    }

    /** The same from audio already at 16 bits (what the engine delivers): no conversion, no copy of the song. */
    public static byte[] encode(PcmAudio audio, int kbps) {
        return encode(Pcm.of(audio), kbps);
    }

    /**
     * The same, with the decoded stream's true peak held at or under {@code maxTruePeakDbtp}. An
     * encoder adds its quantisation noise to every peak, and at a broadband hit (a crash over a
     * sung "s") the noise of one frame can stand 1 dB over the master's own true peak (the
     * eval ballad: master −1.8, MP3 −0.75 dBTP). Each segment's encoder decodes what it wrote as it
     * goes and meters its true peak, frame by frame, so nothing song-length is held; where the
     * stream peaks over the ceiling the song is encoded again that much quieter (0.05 dB more, as the
     * noise does not scale exactly), at most twice. A louder level LAME's noise shaping might keep is
     * not tried: its levels 5 and 7 overshot on different songs.
     */
    public static byte[] encode(PcmAudio audio, int kbps, double maxTruePeakDbtp) {
        Pcm pcm = Pcm.of(audio);
        double gainDb = 0;
        for (int attempt = 0; ; attempt++) {
            Pcm source = gainDb == 0 ? pcm : Pcm.scaled(pcm, gainDb);
            Joined mp3 = encode(source, kbps, segments(source), true);
            if (mp3.truePeakDbtp() <= maxTruePeakDbtp || attempt == 2) {
                if (mp3.truePeakDbtp() > maxTruePeakDbtp)
                    LOG.warn("MP3 true peak {} dBTP stays over {} dBTP after {} dB", String.format(java.util.Locale.ROOT, "%.2f", mp3.truePeakDbtp()), maxTruePeakDbtp, String.format(java.util.Locale.ROOT, "%.2f", gainDb));
                return mp3.bytes();
            }
            gainDb += maxTruePeakDbtp - 0.05 - mp3.truePeakDbtp();
        }
    }

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Mp3.class);

    /** What the encoder reads: 16-bit little-endian stereo frames of either kind of audio. */
    private interface Pcm {
        int sampleRate();
        int frames();
        byte[] pcm16(int from, int to);

        default double durationSeconds() { return (double) frames() / sampleRate(); }

        static Pcm of(AudioBuffer a) {
            return new Pcm() {
                public int sampleRate() { return a.sampleRate(); }
                public int frames() { return a.frames(); }
                public byte[] pcm16(int from, int to) { return Mp3.pcm16(a, from, to); }
            };
        }

        /** The same audio {@code db} louder (or quieter), rounded back to 16 bits and clipped. */
        static Pcm scaled(Pcm p, double db) {
            double g = Math.pow(10, db / 20);
            return new Pcm() {
                public int sampleRate() { return p.sampleRate(); }
                public int frames() { return p.frames(); }
                public byte[] pcm16(int from, int to) {
                    byte[] b = p.pcm16(from, to);
                    for (int i = 0; i < b.length; i += 2) {
                        long v = Math.round(((b[i] & 0xFF) | (b[i + 1] << 8)) * g);
                        short q = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, v));
                        b[i] = (byte) q;
                        b[i + 1] = (byte) (q >> 8);
                    }
                    return b;
                }
            };
        }

        static Pcm of(PcmAudio a) {
            return new Pcm() {
                public int sampleRate() { return a.sampleRate(); }
                public int frames() { return a.frames(); }
                public byte[] pcm16(int from, int to) {
                    byte[] b = new byte[(to - from) * 4];
                    a.copyPcm16(from, to - from, b, 0);
                    return b;
                }
            };
        }
    }

    private static byte[] encode(Pcm audio, int kbps) {
        return encode(audio, kbps, segments(audio), false).bytes();
    }

    /**
     * A fixed number of segments, whatever the machine: the seams decide the bytes, so a count taken
     * from the cores would encode the same song differently on a 2-core and an 8-core server. Two, the
     * count this 2-core machine always used, so its streams stay as they were: four encoded as fast
     * here (1.29-1.59 s against 1.31-1.59 s for a 3-minute song), but their other seams moved aubio's
     * reading of the borderline cinematic cue (seed07, 78 BPM) from 78.1 to 116.9 BPM.
     */
    private static int segments(Pcm audio) {
        return audio.sampleRate() >= 32000 && audio.durationSeconds() >= PARALLEL_MIN_SECONDS ? SEGMENTS : 1;
    }

    /** The same with an explicit number of parallel segments (1 = a plain serial encode). */
    static byte[] encode(AudioBuffer audio, int kbps, int segments) {
        return encode(Pcm.of(audio), kbps, segments, false).bytes();
    }

    /** A whole stream and, when it was metered, the true peak of what decodes from it (else NaN). */
    private record Joined(byte[] bytes, double truePeakDbtp) {}

    /**
     * With {@code meter}, each segment's stream is decoded and metered by the thread that encoded it.
     * The meter sees every frame a segment encoded, the few pre- and post-roll frames that the next
     * or previous segment's frames replace at a seam included: near a seam it may read a peak the
     * delivered stream does not have, never miss one it has.
     */
    private static Joined encode(Pcm audio, int kbps, int segments, boolean meter) {
        if (kbps < 32 || kbps > 320) throw new IllegalArgumentException("mp3 bitrate must be 32-320 kbps, was " + kbps);
        int frames = audio.frames();
        if (segments <= 1 || frames < segments * FRAME * (PRE_ROLL_FRAMES + POST_ROLL_FRAMES + 4))
            return whole(audio, kbps, meter);
        int[] split = new int[segments + 1];
        for (int k = 1; k < segments; k++) split[k] = (int) ((long) frames * k / segments / FRAME) * FRAME;
        split[segments] = frames;
        @SuppressWarnings("unchecked")
        java.util.concurrent.CompletableFuture<Encoded>[] jobs = new java.util.concurrent.CompletableFuture[segments];
        int[] starts = new int[segments];
        for (int k = 0; k < segments; k++) {
            int from = k == 0 ? 0 : split[k] - PRE_ROLL_FRAMES * FRAME;
            int to = k == segments - 1 ? frames : Math.min(frames, split[k + 1] + POST_ROLL_FRAMES * FRAME);
            int reservoirFrom = k == 0 ? -1 : split[k];
            starts[k] = from;
            if (k == segments - 1) jobs[k] = java.util.concurrent.CompletableFuture.completedFuture(encodeRange(audio, kbps, from, to, reservoirFrom, meter));
            else jobs[k] = java.util.concurrent.CompletableFuture.supplyAsync(() -> encodeRange(audio, kbps, from, to, reservoirFrom, meter), ENCODERS);
        }
        Encoded[] parts = new Encoded[segments];
        for (int k = 0; k < segments; k++) parts[k] = jobs[k].join();
        // seam k: the global frame index where segment k takes over
        int[] seam = new int[segments + 1];
        for (int k = 1; k < segments; k++) {
            List<int[]> f = parts[k].frames();
            int j = 0;
            while (j + 1 < f.size() && f.get(j + 1)[2] == 0) j++;  // last frame of the reservoir-free run
            if (j < PRE_ROLL_FRAMES / 2) return whole(audio, kbps, meter); // the encoder never settled
            seam[k] = j + starts[k] / FRAME;
        }
        seam[segments] = Integer.MAX_VALUE;
        ByteArrayOutputStream out = new ByteArrayOutputStream(parts[0].bytes().length * segments + 4096);
        for (int k = 0; k < segments; k++) {
            int offset = starts[k] / FRAME;
            List<int[]> f = parts[k].frames();
            int first = seam[k] - offset, last = seam[k + 1] == Integer.MAX_VALUE ? f.size() : seam[k + 1] - offset;
            if (last > f.size()) return whole(audio, kbps, meter); // post-roll too short
            for (int j = first; j < last; j++) out.write(parts[k].bytes(), f.get(j)[0], f.get(j)[1]);
        }
        double peak = 0;
        for (Encoded p : parts) peak = Math.max(peak, p.truePeak());
        return new Joined(out.toByteArray(), meter ? LoudnessMeter.dbtp(peak) : Double.NaN);
    }

    private static Joined whole(Pcm audio, int kbps, boolean meter) {
        Encoded e = encodeRange(audio, kbps, 0, audio.frames(), -1, meter);
        return new Joined(e.bytes(), meter ? LoudnessMeter.dbtp(e.truePeak()) : Double.NaN);
    }

    private static final java.util.concurrent.ExecutorService ENCODERS = java.util.concurrent.Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "producer-mp3");
        t.setDaemon(true);
        return t;
    });

    /** An encoded stream, its frames as {offset, length, main_data_begin}, and the true peak (linear) it decodes to, if metered. */
    record Encoded(byte[] bytes, List<int[]> frames, double truePeak) {}

    /**
     * Encodes frames [from, to) of the audio. With {@code reservoirFrom} ≥ 0 the bit reservoir stays
     * off until the input reaches that frame, so the frames encoded until then stand alone. With
     * {@code meter} the stream is then decoded and its true peak measured.
     */
    private static Encoded encodeRange(Pcm audio, int kbps, int from, int to, int reservoirFrom, boolean meter) {
        AudioFormat fmt = new AudioFormat(audio.sampleRate(), 16, 2, true, false);
        LameEncoder enc = new LameEncoder(fmt, kbps, LameEncoder.CHANNEL_MODE_JOINT_STEREO, quality(kbps), false);
        try {
            JumpInternals.skipReplayGain(enc);
            if (reservoirFrom >= 0) JumpInternals.setReservoir(enc, false);
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(1024, (int) ((to - from) / (double) audio.sampleRate() * kbps * 125) + 8192));
            byte[] buf = new byte[enc.getMP3BufferSize()];
            int chunkFrames = Math.max(FRAME, enc.getPCMBufferSize() / 4 / FRAME * FRAME);
            for (int pos = from; pos < to; ) {
                int end = Math.min(to, pos + chunkFrames);
                if (reservoirFrom >= 0 && pos < reservoirFrom && end > reservoirFrom) end = reservoirFrom;
                byte[] pcm = audio.pcm16(pos, end);
                out.write(buf, 0, enc.encodeBuffer(pcm, 0, pcm.length, buf));
                pos = end;
                if (pos == reservoirFrom) JumpInternals.setReservoir(enc, true);
            }
            out.write(buf, 0, enc.encodeFinish(buf));
            byte[] bytes = out.toByteArray();
            return new Encoded(bytes, frames(bytes), meter ? decodedTruePeak(bytes) : Double.NaN);
        } finally {
            enc.close();
        }
    }

    /**
     * LAME's quality level for a bitrate. At 192 kbps and above, level 7 (psychoacoustic model for
     * block switching and joint stereo, no iterative noise shaping) encodes about 1.5× faster than
     * level 5 and the bit budget keeps the quantisation noise far below the music anyway; at lower
     * bitrates noise shaping matters, so they keep level 5.
     */
    static int quality(int kbps) {
        return kbps >= 192 ? LameEncoder.QUALITY_LOW : LameEncoder.QUALITY_MIDDLE;
    }

    private static final int[] BITRATE_V1 = {0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 0};
    private static final int[] BITRATE_V2 = {0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160, 0};

    /** Splits a layer III stream into frames: {offset, length, main_data_begin}. */
    static List<int[]> frames(byte[] m) {
        List<int[]> out = new ArrayList<>();
        int p = 0;
        while (p + 6 <= m.length) {
            if (!AudioDecoder.isMpegAudioHeader(m, p)) { p++; continue; }
            int version = (m[p + 1] >> 3) & 3;            // 3 = MPEG-1, 2 = MPEG-2, 0 = MPEG-2.5
            boolean v1 = version == 3;
            int br = (v1 ? BITRATE_V1 : BITRATE_V2)[(m[p + 2] >> 4) & 15] * 1000;
            int rateIdx = (m[p + 2] >> 2) & 3;
            int rate = new int[]{44100, 48000, 32000}[rateIdx] >> (v1 ? 0 : version == 2 ? 1 : 2);
            int pad = (m[p + 2] >> 1) & 1;
            int len = (v1 ? 144 : 72) * br / rate + pad;
            int side = p + 4 + ((m[p + 1] & 1) == 0 ? 2 : 0);
            int mdb = v1 ? ((m[side] & 0xFF) << 1 | (m[side + 1] & 0xFF) >> 7) : (m[side] & 0xFF);
            out.add(new int[]{p, Math.min(len, m.length - p), mdb});
            p += len;
        }
        return out;
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

    /** The true peak (linear) of a stream's decoded audio, decoded and metered a frame at a time. */
    static double decodedTruePeak(byte[] mp3) {
        Bitstream in = new Bitstream(new ByteArrayInputStream(mp3));
        Decoder decoder = new Decoder();
        TruePeakInterpolator.Channel left = null, right = null;
        float[] l = new float[FRAME], r = new float[FRAME];
        try {
            for (Header h; (h = in.readFrame()) != null; in.closeFrame()) {
                SampleBuffer sb = (SampleBuffer) decoder.decodeFrame(h, in);
                if (left == null) {
                    TruePeakInterpolator tp = TruePeakInterpolator.forRate(h.frequency());
                    left = tp.channel();
                    right = tp.channel();
                }
                int channels = decoder.getOutputChannels();
                short[] s = sb.getBuffer();
                int n = Math.min(FRAME, sb.getBufferLength() / channels);
                for (int i = 0; i < n; i++) {
                    l[i] = s[i * channels] / 32768f;
                    r[i] = s[i * channels + channels - 1] / 32768f;
                }
                left.add(l, 0, n);
                right.add(r, 0, n);
            }
        } catch (BitstreamException | DecoderException e) {
            throw new IllegalStateException("the encoder wrote an MP3 that does not decode: " + e.getMessage(), e);
        } finally {
            try { in.close(); } catch (BitstreamException ignored) { }
        }
        return left == null ? 0 : Math.max(left.finish(), right.finish());
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
