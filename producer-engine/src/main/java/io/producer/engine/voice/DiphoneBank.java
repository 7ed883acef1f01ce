package io.producer.engine.voice;

import com.sun.speech.freetts.diphone.Diphone;
import com.sun.speech.freetts.diphone.DiphoneUnitDatabase;
import com.sun.speech.freetts.relp.Sample;
import com.sun.speech.freetts.relp.SampleInfo;
import com.sun.speech.freetts.util.WaveUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The recorded speech the singer is made of: every diphone of FreeTTS's 16 kHz kal voice (CMU,
 * BSD licence), decoded once into pitch-synchronous frames of reflection coefficients (so that
 * frames can be interpolated without making the filter unstable) and their residuals. Immutable
 * after loading, so any number of threads can read it.
 */
final class DiphoneBank {
    static final int RATE = 16000;

    /**
     * One pitch period of the recording: its vocal-tract filter and the excitation that drove it;
     * {@code level} is about the RMS it had in the recording (the residual's times the filter's gain),
     * by which two recordings are matched where they meet.
     */
    record Frame(float[] reflection, byte[] residual, float residualRms, float level) {
        int length() { return residual.length; }
    }

    /**
     * Half of a diphone: the frames from the middle of one phone to the boundary (part 1) or from the
     * boundary to the middle of the next phone (part 2). {@code centres[i]} is the middle of frame i in
     * samples from the start of the half.
     */
    record Half(Frame[] frames, double[] centres, int length) {
        static Half of(Frame[] frames) {
            double[] c = new double[frames.length];
            int pos = 0;
            for (int i = 0; i < frames.length; i++) {
                c[i] = pos + frames[i].length() / 2.0;
                pos += frames[i].length();
            }
            return new Half(frames, c, pos);
        }
    }

    /** The two halves used around the boundary between phones {@code a} and {@code b}. */
    record Pair(Half endOfFirst, Half startOfSecond) {}

    /** μ-law residual byte (as stored, offset by 128) to linear 16-bit value. */
    static final float[] ULAW = new float[256];

    static {
        for (short i = 0; i < 256; i++) ULAW[i] = WaveUtils.ulawToShort(i);
        ULAW[128] = WaveUtils.ulawToShort((short) 255);
    }

    private static final class Holder {
        static final DiphoneBank INSTANCE = load();
    }

    static DiphoneBank get() { return Holder.INSTANCE; }

    private final DiphoneUnitDatabase database;
    private final float coeffMin;
    private final float coeffRange;
    private final int order;
    private final ConcurrentHashMap<String, Pair> pairs = new ConcurrentHashMap<>();

    private DiphoneBank(DiphoneUnitDatabase database, SampleInfo info) {
        this.database = database;
        this.coeffMin = info.getCoeffMin();
        this.coeffRange = info.getCoeffRange();
        this.order = info.getNumberOfChannels();
        if (info.getSampleRate() != RATE) throw new IllegalStateException("kal16 is not 16 kHz: " + info.getSampleRate());
    }

    private static DiphoneBank load() {
        URL url = DiphoneUnitDatabase.class.getResource("/com/sun/speech/freetts/en/us/cmu_us_kal/cmu_us_kal16.bin");
        if (url == null) throw new IllegalStateException("FreeTTS kal16 diphone database missing from the classpath");
        try {
            DiphoneUnitDatabase db = new DiphoneUnitDatabase(url, true);
            // FreeTTS keeps the decoding constants package-private; they are fixed facts of the database.
            Method m = DiphoneUnitDatabase.class.getDeclaredMethod("getSampleInfo");
            m.setAccessible(true);
            return new DiphoneBank(db, (SampleInfo) m.invoke(db));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the kal16 diphone database", e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read the kal16 sample info", e);
        }
    }

    int order() { return order; }

    /** The halves for the boundary a|b, falling back to similar phones, then to silence, when a pair was never recorded. */
    Pair pair(String a, String b) {
        return pairs.computeIfAbsent(a + "-" + b, k -> resolve(a, b));
    }

    private Pair resolve(String a, String b) {
        Diphone d = find(a, b);
        if (d != null) return split(d);
        Diphone left = find(a, Phone.PAU);
        Diphone right = find(Phone.PAU, b);
        Diphone silence = database.getUnit("pau-pau");
        Half end = split(left != null ? left : silence).endOfFirst();
        Half start = split(right != null ? right : silence).startOfSecond();
        return new Pair(end, start);
    }

    private Diphone find(String a, String b) {
        String sa = Phone.substitute(a), sb = Phone.substitute(b);
        for (String name : new String[]{a + "-" + b, sa + "-" + b, a + "-" + sb, sa + "-" + sb}) {
            Diphone d;
            synchronized (database) { d = database.getUnit(name); }
            if (d != null && d.getSamples().length > 0) return d;
        }
        return null;
    }

    private Pair split(Diphone d) {
        Sample[] s = d.getSamples();
        int mid = Math.max(0, Math.min(s.length, d.getMidPoint()));
        Frame[] first = new Frame[Math.max(1, mid)];
        Frame[] second = new Frame[Math.max(1, s.length - mid)];
        for (int i = 0; i < mid; i++) first[i] = decode(s[i]);
        for (int i = mid; i < s.length; i++) second[i - mid] = decode(s[i]);
        if (mid == 0) first[0] = decode(s[0]);
        if (mid == s.length) second[0] = decode(s[s.length - 1]);
        return new Pair(Half.of(first), Half.of(second));
    }

    private Frame decode(Sample sample) {
        short[] raw = sample.getFrameData();
        double mult = coeffRange / 65535.0;
        double[] a = new double[order];
        for (int k = 0; k < order; k++) a[k] = (raw[k] + 32768.0) * mult + coeffMin;
        byte[] res = sample.getResidualData();
        double e = 0;
        for (byte r : res) {
            double v = ULAW[r + 128];
            e += v * v;
        }
        float rms = (float) Math.sqrt(e / Math.max(1, res.length));
        return new Frame(Lpc.toReflection(a), res, rms, (float) (rms * Lpc.impulseGain(a)));
    }
}
