package io.producer.engine.voice;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

class DiphoneSynthTest {
    private static final DiphoneBank BANK = DiphoneBank.get();

    /**
     * The "l" of "tell" is sung from two recordings, the end of "t-l" and the start of "l-eh", which kal
     * recorded 13 dB apart. Sung at its spoken length, the phone switches from one to the other in its
     * middle; the level there must not step by the recordings' difference.
     */
    @Test
    void aPhonesTwoRecordingsMeetAtOneLevel() {
        DiphoneBank.Half in = BANK.pair("t", "l").startOfSecond(), out = BANK.pair("l", "eh").endOfFirst();
        double recorded = 20 * Math.log10(in.frames()[in.frames().length - 1].level() / out.frames()[0].level());
        assertTrue(Math.abs(recorded) > 10, "the recordings differ by " + recorded + " dB");

        // the l exactly as long as its two halves, so that the join falls at a known sample
        double l0 = 0.2, l1 = l0 + (in.length() + out.length()) / (double) DiphoneBank.RATE;
        List<SungPhone> phones = List.of(new SungPhone("pau", 0, 0.1), new SungPhone("t", 0.1, l0),
                new SungPhone("l", l0, l1), new SungPhone("eh", l1, l1 + 0.15), new SungPhone("pau", l1 + 0.15, l1 + 0.25));
        float[] voice = singAtMidi50(phones);

        int join = (int) Math.round(l0 * DiphoneBank.RATE) + in.length();
        int span = (int) (0.015 * DiphoneBank.RATE);
        double step = 10 * Math.log10(power(voice, join - span, join) / power(voice, join, join + span));
        assertTrue(Math.abs(step) < 3, "the level steps by " + step + " dB at the join (recordings: " + recorded + " dB)");
    }

    /**
     * The held "me" of "above me", male at MIDI 50: kal's "iy-pau" is 5 dB quieter than "m-iy" as
     * recorded, so it is raised, but sung at 147 Hz it is 4.5 dB louder already; raised by the full 5 dB
     * the vowel rose 10 dB through its hold. As sung, the second half may lie at most 6 dB above the first.
     */
    @Test
    void aHeldVowelDoesNotSwellPastItsLevelAsSung() {
        DiphoneBank.Half in = BANK.pair("m", "iy").startOfSecond(), out = BANK.pair("iy", "pau").endOfFirst();
        double m0 = 0.2, i0 = 0.28, i1 = i0 + 0.6, end = i1 + 0.1;
        List<SungPhone> phones = List.of(new SungPhone("pau", 0, m0), new SungPhone("m", m0, i0),
                new SungPhone("iy", i0, i1), new SungPhone("pau", i1, end));
        float[] voice = singAtMidi50(phones);

        // the hold lies between the two recordings; compare the vowel just before it and just after it
        int holdFrom = (int) Math.round(i0 * DiphoneBank.RATE) + in.length();
        int holdTo = (int) Math.round(i1 * DiphoneBank.RATE) - out.length();
        int span = (int) (0.02 * DiphoneBank.RATE);
        double rise = 10 * Math.log10(power(voice, holdTo, holdTo + span) / power(voice, holdFrom - span, holdFrom));
        assertTrue(rise < 6.5, "the held vowel rises " + rise + " dB from one recording to the other");
    }

    /** The phones sung from time 0 to the last one's end on MIDI 50 (147 Hz) at a constant level, male vocal tract. */
    private static float[] singAtMidi50(List<SungPhone> phones) {
        double end = phones.get(phones.size() - 1).end();
        int frames = (int) Math.ceil(end * Phrase.CONTROL_RATE) + 2;
        float[] pitch = new float[frames], gain = new float[frames];
        Arrays.fill(pitch, 50f);
        Arrays.fill(gain, 1f);
        return new DiphoneSynth(BANK).render(new Phrase(0, end, phones, pitch, gain, 0, 1), 1.0);
    }

    private static double power(float[] x, int from, int to) {
        double e = 0;
        for (int i = from; i < to; i++) e += x[i] * x[i];
        return e / (to - from);
    }
}
