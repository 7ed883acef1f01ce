package io.producer.engine;

import java.util.Arrays;
import java.util.List;

/**
 * The engine profile behind each {@code mv} name of the API. Every name is a real, different
 * engine configuration; none simulates failures or delays.
 *
 * <ul>
 *   <li>{@code sampleRate}: render rate of the whole pipeline.</li>
 *   <li>{@code mastered}: false only for "Raw", whose mix skips the mastering chain.</li>
 *   <li>{@code layers}: how many voices double melodic parts (1 = single, 2 = layered).</li>
 *   <li>{@code reverb}: reverb quality 0 (none), 1 (simple), 2 (dense).</li>
 *   <li>{@code mp3Kbps}: bitrate of the MP3 the clip is delivered in.</li>
 *   <li>{@code arrangement}: 0 (basic: drums, bass, chords), 1 (full), 2 (full + counter-melodies and fills).</li>
 *   <li>{@code dspSynths}: whether the engine's own synths (supersaw, 808, pads, textures) are used.</li>
 * </ul>
 */
public enum Profile {
    FUZZ_2_0_PRO("FUZZ-2.0 Pro", 48000, true, 2, 2, 320, 2, true),
    FUZZ_2_0("FUZZ-2.0", 44100, true, 1, 2, 192, 2, true),
    FUZZ_2_0_RAW("FUZZ-2.0 Raw", 44100, false, 1, 1, 192, 2, true),
    FUZZ_1_1_PRO("FUZZ-1.1 Pro", 44100, true, 2, 1, 192, 1, true),
    FUZZ_1_1("FUZZ-1.1", 44100, true, 1, 1, 160, 1, true),
    FUZZ_1_0_PRO("FUZZ-1.0 Pro", 44100, true, 1, 1, 192, 1, false),
    FUZZ_1_0("FUZZ-1.0", 32000, true, 1, 1, 128, 0, false),
    FUZZ_0_8("FUZZ-0.8", 32000, true, 1, 0, 128, 0, false),
    LYRIA_3_PREVIEW("Lyria 3 preview", 48000, true, 2, 2, 256, 2, true),
    FUZZ_3_DEMO("FUZZ-3-Demo", 48000, true, 2, 2, 320, 2, true);

    public static final Profile DEFAULT = FUZZ_2_0;

    private final String mv;
    private final int sampleRate;
    private final boolean mastered;
    private final int layers;
    private final int reverb;
    private final int mp3Kbps;
    private final int arrangement;
    private final boolean dspSynths;

    Profile(String mv, int sampleRate, boolean mastered, int layers, int reverb, int mp3Kbps, int arrangement, boolean dspSynths) {
        this.mv = mv;
        this.sampleRate = sampleRate;
        this.mastered = mastered;
        this.layers = layers;
        this.reverb = reverb;
        this.mp3Kbps = mp3Kbps;
        this.arrangement = arrangement;
        this.dspSynths = dspSynths;
    }

    public String mv() { return mv; }
    public int sampleRate() { return sampleRate; }
    public boolean mastered() { return mastered; }
    public int layers() { return layers; }
    public int reverb() { return reverb; }
    public int mp3Kbps() { return mp3Kbps; }
    public int arrangement() { return arrangement; }
    public boolean dspSynths() { return dspSynths; }

    /** The profile for an API {@code mv} name (exact, case-sensitive as documented), or null. */
    public static Profile byMv(String mv) {
        for (Profile p : values()) if (p.mv.equals(mv)) return p;
        return null;
    }

    public static List<String> mvNames() { return Arrays.stream(values()).map(Profile::mv).toList(); }
}
