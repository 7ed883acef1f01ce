package io.producer.engine.render;

import javax.sound.midi.MidiSystem;
import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Patch;
import javax.sound.midi.Synthesizer;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
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

    /** A new, independent synthesizer rendering offline, 32-bit float stereo at {@code rate}. */
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
            try {
                return new Opened(synth, stream, new Periods(synth));
            } catch (RuntimeException e) {
                synth.close();
                throw e;
            }
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("this JDK's synthesizer (" + synth.getClass().getName() + ") has no offline openStream; Gervill is required", e);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Gervill's offline renderer is not accessible: run the JVM with " + FLAGS, e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("Gervill could not open an offline stream: " + e.getCause(), e.getCause());
        }
    }

    /** An open synthesizer, its stream (to close it by) and its periods (to read it by). */
    record Opened(Synthesizer synth, AudioInputStream stream, Periods periods) {}

    /**
     * The synthesizer's own float buffers, one control period at a time. Gervill's stream converts
     * each period to bytes, interleaves them byte by byte and copies them out a byte at a time, and
     * the caller converts them back to floats: about a fifth of Gervill's time in a render, for
     * values that come back exactly as they were (32-bit float both ways). Reading the main mixer's
     * buffers after it has processed a period gives the same samples without the round trip.
     */
    static final class Periods {
        private final Object mixer;
        private final Object[] buffers;   // SoftAudioBuffer[]: 0 = left, 1 = right
        private final MethodHandle process, array;
        private final int size;

        Periods(Synthesizer synth) {
            try {
                Method getMixer = synth.getClass().getDeclaredMethod("getMainMixer");
                getMixer.setAccessible(true);
                mixer = getMixer.invoke(synth);
                if (mixer == null) throw new IllegalStateException("Gervill's synthesizer is not open");
                Field field = mixer.getClass().getDeclaredField("buffers");
                field.setAccessible(true);
                buffers = (Object[]) field.get(mixer);
                Method processBuffers = mixer.getClass().getDeclaredMethod("processAudioBuffers");
                processBuffers.setAccessible(true);
                MethodHandles.Lookup lookup = MethodHandles.lookup();
                process = lookup.unreflect(processBuffers).asType(MethodType.methodType(void.class, Object.class));
                array = lookup.unreflect(buffers[0].getClass().getMethod("array")).asType(MethodType.methodType(float[].class, Object.class));
                size = (Integer) buffers[0].getClass().getMethod("getSize").invoke(buffers[0]);
            } catch (ReflectiveOperationException | RuntimeException e) {
                if (e instanceof IllegalStateException ise) throw ise;
                throw new IllegalStateException("Gervill's mixer buffers are not accessible (run the JVM with " + FLAGS + "): " + e, e);
            }
        }

        /** Frames in one control period. */
        int size() { return size; }

        /** Renders the next control period and copies it into {@code left/right} at {@code offset}. */
        void next(float[] left, float[] right, int offset) {
            try {
                process.invokeExact(mixer);
                System.arraycopy((float[]) array.invokeExact(buffers[0]), 0, left, offset, size);
                System.arraycopy((float[]) array.invokeExact(buffers[1]), 0, right, offset, size);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException("Gervill failed to render: " + t, t);
            }
        }
    }

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
