package io.producer.engine.audio;

import io.producer.engine.score.ChordEvent;
import io.producer.engine.score.Instrument;
import io.producer.engine.score.Key;
import io.producer.engine.score.Note;
import io.producer.engine.score.Part;
import io.producer.engine.score.Score;
import io.producer.engine.score.Section;
import io.producer.engine.score.VocalNote;

import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The score as a Standard MIDI File, type 1, 480 ticks per quarter note: a conductor track (tempo,
 * meter, key signatures, section markers, chord names), one track per part on its own channel
 * (drums on channel 10), and the vocal melody with one lyric event per sung syllable. Parts played by
 * the engine's own synths get the nearest General MIDI program so the file plays anywhere.
 */
public final class MidiFile {
    public static final int PPQ = 480;
    private static final int DRUM_CHANNEL = 9;
    private static final int META_TEXT = 0x01, META_TRACK_NAME = 0x03, META_LYRIC = 0x05, META_MARKER = 0x06;
    private static final int META_TEMPO = 0x51, META_TIME_SIGNATURE = 0x58, META_KEY_SIGNATURE = 0x59;

    private MidiFile() {}

    public static byte[] write(Score score) {
        try {
            Sequence seq = new Sequence(Sequence.PPQ, PPQ);
            conductor(seq.createTrack(), score);
            int nextChannel = 0;
            for (Part part : score.parts()) {
                int channel;
                if (part.instrument().drums()) channel = DRUM_CHANNEL;
                else {
                    channel = nextChannel;
                    nextChannel = (nextChannel + 1) % 16;
                    if (nextChannel == DRUM_CHANNEL) nextChannel++;
                }
                partTrack(seq.createTrack(), part, channel);
            }
            if (score.hasVocal()) vocalTrack(seq.createTrack(), score, nextChannel);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            MidiSystem.write(seq, 1, out);
            return out.toByteArray();
        } catch (InvalidMidiDataException e) {
            throw new IllegalArgumentException("score cannot be written as MIDI: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void conductor(Track t, Score s) throws InvalidMidiDataException {
        meta(t, 0, META_TRACK_NAME, text(s.title() == null ? "Producer" : s.title()));
        int usPerQuarter = (int) Math.round(60_000_000.0 / s.bpm());
        meta(t, 0, META_TEMPO, new byte[]{(byte) (usPerQuarter >> 16), (byte) (usPerQuarter >> 8), (byte) usPerQuarter});
        int num = s.meter().numerator(), den = s.meter().denominator();
        boolean compound = den == 8 && num % 3 == 0 && num > 3;
        meta(t, 0, META_TIME_SIGNATURE, new byte[]{(byte) num, (byte) Integer.numberOfTrailingZeros(den),
                (byte) (compound ? 36 : 96 / den), 8});
        Key current = s.key();
        meta(t, 0, META_KEY_SIGNATURE, keySignature(current));
        for (Section sec : s.sections()) {
            long tick = ticks(sec.startBar() * s.meter().beatsPerBar());
            meta(t, tick, META_MARKER, text(sec.label() == null || sec.label().isBlank() ? sec.kind() : sec.label()));
            if (sec.key() != null && !sec.key().equals(current)) {
                current = sec.key();
                meta(t, tick, META_KEY_SIGNATURE, keySignature(current));
            }
        }
        for (ChordEvent c : s.chords()) meta(t, ticks(c.startBeat()), META_TEXT, text(c.chord().name()));
    }

    private static void partTrack(Track t, Part part, int channel) throws InvalidMidiDataException {
        meta(t, 0, META_TRACK_NAME, text(part.name()));
        Instrument ins = part.instrument();
        int program = ins.synth() != null ? synthProgram(ins.synth()) : ins.gmProgram();
        t.add(new MidiEvent(new ShortMessage(ShortMessage.PROGRAM_CHANGE, channel, clamp(program, 0, 127), 0), 0));
        t.add(new MidiEvent(new ShortMessage(ShortMessage.CONTROL_CHANGE, channel, 7, volume(part.gainDb())), 0));
        t.add(new MidiEvent(new ShortMessage(ShortMessage.CONTROL_CHANGE, channel, 10, clamp((int) Math.round(64 + part.pan() * 63), 0, 127)), 0));
        notes(t, channel, part.notes());
    }

    private static void notes(Track t, int channel, List<Note> notes) throws InvalidMidiDataException {
        List<MidiEvent> events = new ArrayList<>(notes.size() * 2);
        for (Note n : notes) {
            long on = ticks(n.startBeat());
            long off = Math.max(on + 1, ticks(n.endBeat()));
            events.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_ON, channel, n.midi(), n.velocity()), on));
            events.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_OFF, channel, n.midi(), 0), off));
        }
        addSorted(t, events);
    }

    private static void vocalTrack(Track t, Score s, int channel) throws InvalidMidiDataException {
        meta(t, 0, META_TRACK_NAME, text("Vocals"));
        t.add(new MidiEvent(new ShortMessage(ShortMessage.PROGRAM_CHANGE, channel, 53, 0), 0)); // Voice Oohs
        List<VocalNote> vn = s.vocal().notes();
        List<MidiEvent> events = new ArrayList<>(vn.size() * 3);
        for (int i = 0; i < vn.size(); i++) {
            VocalNote n = vn.get(i);
            long on = ticks(n.startBeat());
            if (!n.melisma()) {
                // Karaoke convention: a hyphen says the word goes on in the next syllable.
                boolean wordGoesOn = false;
                for (int j = i + 1; j < vn.size(); j++) {
                    if (vn.get(j).melisma()) continue;
                    wordGoesOn = vn.get(j).wordIndex() == n.wordIndex();
                    break;
                }
                byte[] lyric = text(n.syllable() + (wordGoesOn ? "-" : " "));
                events.add(new MidiEvent(new MetaMessage(META_LYRIC, lyric, lyric.length), on));
            }
            events.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_OFF, channel, n.midi(), 0), Math.max(on + 1, ticks(n.endBeat()))));
            events.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_ON, channel, n.midi(), clamp(n.velocity(), 1, 127)), on));
        }
        addSorted(t, events);
    }

    /**
     * Adds events in time order; at one tick meta events (lyrics) come first, then controllers, then
     * note-offs, then note-ons, so a repeated pitch is released before it restrikes. (Track.add puts an
     * event after those already there with the same tick.)
     */
    private static void addSorted(Track t, List<MidiEvent> events) {
        events.sort(Comparator.comparingLong(MidiEvent::getTick).thenComparingInt(e -> rank(e.getMessage())));
        for (MidiEvent e : events) t.add(e);
    }

    private static int rank(MidiMessage m) {
        if (m instanceof MetaMessage) return 0;
        if (m instanceof ShortMessage s) {
            if (s.getCommand() == ShortMessage.NOTE_OFF || (s.getCommand() == ShortMessage.NOTE_ON && s.getData2() == 0)) return 2;
            if (s.getCommand() == ShortMessage.NOTE_ON) return 3;
            return 1;
        }
        return 1;
    }

    /** SMF key signature: sharps (+) or flats (−) of the scale the mode is drawn from, and minor flag. */
    static byte[] keySignature(Key key) {
        int parentMajor = switch (key.mode()) {
            case MAJOR -> key.tonic();
            case MINOR -> key.tonic() + 3;
            case DORIAN -> key.tonic() - 2;
            case PHRYGIAN -> key.tonic() - 4;
            case LYDIAN -> key.tonic() - 5;
            case MIXOLYDIAN -> key.tonic() - 7;
        };
        int sf = Math.floorMod(Math.floorMod(parentMajor, 12) * 7, 12);
        if (sf > 6) sf -= 12;
        return new byte[]{(byte) sf, (byte) (key.mode() == Key.Mode.MINOR ? 1 : 0)};
    }

    /** Nearest General MIDI program for the engine's own synths, so the MIDI file sounds similar elsewhere. */
    public static int synthProgram(String synth) {
        return switch (synth) {
            case "supersaw" -> 81;   // Lead 2 (sawtooth)
            case "sub808" -> 38;     // Synth Bass 1
            case "pad" -> 89;        // Pad 2 (warm)
            case "pluck", "arp" -> 84; // Lead 5 (charang)
            case "riser" -> 102;     // FX 7 (echoes)
            case "vinyl" -> 120;     // Guitar Fret Noise
            case "water" -> 122;     // Seashore
            case "wind" -> 121;      // Breath Noise
            case "chimes" -> 14;     // Tubular Bells
            default -> 80;           // Lead 1 (square)
        };
    }

    private static int volume(double gainDb) {
        // GM maps CC7 to gain as 40·log10(cc/127); 100 is the customary nominal level.
        return clamp((int) Math.round(100 * Math.pow(10, gainDb / 40)), 0, 127);
    }

    private static long ticks(double beats) { return Math.round(beats * PPQ); }

    private static int clamp(int v, int lo, int hi) { return Math.max(lo, Math.min(hi, v)); }

    private static byte[] text(String s) { return s.getBytes(StandardCharsets.UTF_8); }

    private static void meta(Track t, long tick, int type, byte[] data) throws InvalidMidiDataException {
        t.add(new MidiEvent(new MetaMessage(type, data, data.length), tick));
    }
}
