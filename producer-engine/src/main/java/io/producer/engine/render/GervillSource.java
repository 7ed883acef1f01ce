package io.producer.engine.render;

import io.producer.engine.render.synth.BlockSource;

import javax.sound.midi.Instrument;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.Receiver;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Synthesizer;
import javax.sound.sampled.AudioInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A part played by its own Gervill synthesizer, pulled as float stereo. Every MIDI event is queued
 * up front with its timestamp; Gervill's offline stream then places each one on its exact sample,
 * one control period late, which is read and dropped at the start.
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
    private final AudioInputStream stream;
    private byte[] bytes = new byte[0];
    private FloatBuffer floats;

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
        skip((int) (rate / CONTROL_RATE));
    }

    private void skip(int frames) {
        float[] l = new float[frames], r = new float[frames];
        render(l, r, frames);
    }

    @Override
    public void render(float[] left, float[] right, int frames) {
        int need = frames * 8;
        if (bytes.length < need) {
            bytes = new byte[need];
            floats = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
        }
        try {
            int got = 0;
            while (got < need) {
                int n = stream.read(bytes, got, need - got);
                if (n < 0) throw new IllegalStateException("synthesizer stream ended early");
                got += n;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        FloatBuffer f = floats;
        for (int i = 0; i < frames; i++) {
            left[i] = f.get(2 * i);
            right[i] = f.get(2 * i + 1);
        }
    }

    @Override
    public void close() {
        try { stream.close(); } catch (IOException ignored) { }
        synth.close();
    }
}
