package io.producer.engine.render;

import javax.sound.midi.MidiSystem;
import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Patch;
import javax.sound.midi.Synthesizer;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;

/**
 * Access to the JDK's Gervill synthesizer in offline mode. {@code AudioSynthesizer.openStream}
 * lives in the non-exported package {@code com.sun.media.sound}, so it is called reflectively; the
 * JVM must run with {@code --add-exports java.desktop/com.sun.media.sound=ALL-UNNAMED} (the
 * launcher and the test configuration pass it).
 */
final class Gervill {
    private static final String FLAGS = "--add-exports java.desktop/com.sun.media.sound=ALL-UNNAMED --add-opens java.desktop/com.sun.media.sound=ALL-UNNAMED";

    private Gervill() {}

    /** A new, independent synthesizer rendering to a pull stream of 32-bit float stereo at {@code rate}. */
    static Opened open(int rate, Map<String, Object> info) {
        Synthesizer synth;
        try {
            synth = MidiSystem.getSynthesizer();
        } catch (MidiUnavailableException e) {
            throw new IllegalStateException("the JDK's software synthesizer is unavailable: " + e.getMessage(), e);
        }
        AudioFormat fmt = new AudioFormat(AudioFormat.Encoding.PCM_FLOAT, rate, 32, 2, 8, rate, false);
        try {
            Method open = synth.getClass().getMethod("openStream", AudioFormat.class, Map.class);
            AudioInputStream stream = (AudioInputStream) open.invoke(synth, fmt, info);
            return new Opened(synth, stream);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("this JDK's synthesizer (" + synth.getClass().getName() + ") has no offline openStream; Gervill is required", e);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Gervill's offline renderer is not accessible: run the JVM with " + FLAGS, e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("Gervill could not open an offline stream: " + e.getCause(), e.getCause());
        }
    }

    record Opened(Synthesizer synth, AudioInputStream stream) {}

    /** Whether a SoundFont patch is a drum kit (Gervill's ModelPatch.isPercussion). */
    static boolean isPercussion(Patch patch) {
        try {
            Method m = patch.getClass().getMethod("isPercussion");
            return (Boolean) m.invoke(patch);
        } catch (NoSuchMethodException e) {
            return false;
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Gervill's patches are not accessible: run the JVM with " + FLAGS, e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(e.getCause());
        }
    }
}
