package io.producer.engine.audio;

import de.sciss.jump3r.lowlevel.LameEncoder;
import de.sciss.jump3r.mp3.LameGlobalFlags;

import java.lang.reflect.Field;

/**
 * The two encoder settings jump3r's LameEncoder does not expose: LAME's bit-reservoir switch
 * (read afresh for every frame, so it can be turned on mid-stream) and ReplayGain analysis, which
 * LameEncoder always enables and which costs several percent of the encode for a tag we never write.
 */
final class JumpInternals {
    private static final Field GFP;
    private static final Field REPLAY_GAIN;

    static {
        try {
            GFP = LameEncoder.class.getDeclaredField("gfp");
            GFP.setAccessible(true);
            REPLAY_GAIN = de.sciss.jump3r.mp3.LameInternalFlags.class.getDeclaredField("findReplayGain");
            REPLAY_GAIN.setAccessible(true);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError("unexpected jump3r version: " + e);
        }
    }

    private JumpInternals() {}

    private static LameGlobalFlags flags(LameEncoder enc) {
        try {
            return (LameGlobalFlags) GFP.get(enc);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    static void setReservoir(LameEncoder enc, boolean on) {
        flags(enc).disable_reservoir = !on;
    }

    static void skipReplayGain(LameEncoder enc) {
        try {
            REPLAY_GAIN.setBoolean(flags(enc).internal_flags, false);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
