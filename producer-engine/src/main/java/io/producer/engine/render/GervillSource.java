package io.producer.engine.render;

import io.producer.engine.render.synth.BlockSource;

import javax.sound.midi.Instrument;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.Receiver;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Synthesizer;
import javax.sound.sampled.AudioInputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A part played by its own Gervill synthesizer, pulled as float stereo a control period at a time
 * straight from its mixer ({@link Gervill.Periods}). Every MIDI event is queued up front with its
 * timestamp, and Gervill places each one on its exact sample. (Gervill's byte stream hands out one
 * period of silence before the first rendered one; this reader starts at the first rendered one.)
 */
final class GervillSource implements BlockSource {
    static final float CONTROL_RATE = 147f;
    private static final Object LOAD_LOCK = new Object();

    /** A channel's instrument: GM program or drum kit. */
    record Program(int channel, int program, boolean drums) {}

    /** A MIDI message at a time in microseconds from the start of the song. */
    record Event(long micros, int command, int channel, int data1, int data2) {
        static Event noteOn(long us, int ch, int key, int velocity) { return new Event(us, ShortMessage.NOTE_ON, ch, key, velocity); }
        static Event noteOff(long us, int ch, int key) { return new Event(us, ShortMessage.NOTE_OFF, ch, key, 0); }
        static Event control(long us, int ch, int cc, int value) { return new Event(us, ShortMessage.CONTROL_CHANGE, ch, cc, value); }
        static Event pitchBend(long us, int ch, int value) { return new Event(us, ShortMessage.PITCH_BEND, ch, value & 0x7F, value >> 7); }
    }

    private final Synthesizer synth;
    private final AudioInputStream stream;  // kept only to close: the periods are read from the mixer itself
    private final Gervill.Periods periods;
    private final float[] periodL, periodR;
    private int used;                        // frames of the current period already handed out

    GervillSource(SoundFontBank bank, int rate, String interpolation, List<Program> programs, List<Event> events) {
        Map<String, Object> info = new HashMap<>();
        info.put("interpolation", interpolation);
        info.put("control rate", CONTROL_RATE);
        info.put("max polyphony", 96);
        info.put("reverb", false);               // the mixer's reverb is applied per stem, with sends
        info.put("chorus", false);
        info.put("auto gain control", false);    // a limiter inside each part would pump and differ per stem
        info.put("large mode", false);
        info.put("load default soundbank", bank.isEmergency());
        Gervill.Opened opened = Gervill.open(rate, info);
        this.synth = opened.synth();
        this.stream = opened.stream();
        this.periods = opened.periods();
        this.periodL = new float[periods.size()];
        this.periodR = new float[periods.size()];
        this.used = periods.size();
        try {
            synchronized (LOAD_LOCK) { // sample data of a shared SoundFont is loaded lazily on first use
                for (Program p : programs) {
                    Instrument ins = bank.instrument(p.program(), p.drums());
                    if (ins != null) synth.loadInstrument(ins);
                }
            }
            Receiver rx = synth.getReceiver();
            for (Program p : programs) {
                // Drum kits are selected by program change on channel 10; melodic programs from bank 0.
                rx.send(new ShortMessage(ShortMessage.CONTROL_CHANGE, p.channel(), 0, 0), 0);
                rx.send(new ShortMessage(ShortMessage.PROGRAM_CHANGE, p.channel(), p.program(), 0), 0);
            }
            for (Event e : events) rx.send(new ShortMessage(e.command(), e.channel(), e.data1(), e.data2()), e.micros());
        } catch (InvalidMidiDataException | javax.sound.midi.MidiUnavailableException e) {
            close();
            throw new IllegalStateException("could not program the synthesizer: " + e.getMessage(), e);
        }
    }

    @Override
    public void render(float[] left, float[] right, int frames) {
        int done = 0;
        while (done < frames) {
            if (used == periodL.length) {
                periods.next(periodL, periodR, 0);
                used = 0;
            }
            int m = Math.min(frames - done, periodL.length - used);
            System.arraycopy(periodL, used, left, done, m);
            System.arraycopy(periodR, used, right, done, m);
            used += m;
            done += m;
        }
    }

    @Override
    public void close() {
        try { stream.close(); } catch (IOException ignored) { }
        synth.close();
    }
}
