package io.producer.engine.render;

import io.producer.engine.EngineOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sound.midi.Instrument;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Patch;
import javax.sound.midi.Soundbank;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The General MIDI sound set the sampled instruments come from. Loading FluidR3 takes 1.5–3 s, so
 * each SoundFont is loaded once per process and shared (read-only) by every synthesizer.
 *
 * <p>When the SoundFont is missing, Gervill's built-in emergency sound set is used with a warning:
 * it is synthetic and sounds noticeably worse. A SoundFont Gervill cannot decode (an .sf3, whose
 * Ogg-compressed samples Gervill plays as raw PCM, i.e. loud noise) is refused after a listening
 * check, because everything rendered with it would be noise.
 */
final class SoundFontBank {
    private static final Logger LOG = LoggerFactory.getLogger(SoundFontBank.class);
    private static final Map<String, SoundFontBank> LOADED = new ConcurrentHashMap<>();
    static final String INSTALL_HINT = "install the FluidR3 General MIDI SoundFont (Debian/Ubuntu: apt-get install fluid-soundfont-gm, "
            + "or run scripts/setup-system) or point PRODUCER_SOUNDFONT at a General MIDI .sf2 file";

    private final Soundbank soundbank;   // null: the synthesizer's built-in emergency sound set
    private final String description;

    /** Gervill's built-in sound set, for tests of the fallback. */
    static SoundFontBank emergency() {
        return new SoundFontBank(null, "Gervill emergency sound set");
    }

    private SoundFontBank(Soundbank soundbank, String description) {
        this.soundbank = soundbank;
        this.description = description;
    }

    /** The bank for these options, loaded on first use. */
    static SoundFontBank forOptions(EngineOptions options) {
        Path path = options.soundFont() != null ? options.soundFont() : EngineOptions.DEFAULT_SOUNDFONT;
        if (!Files.isRegularFile(path)) {
            return LOADED.computeIfAbsent("<emergency>", k -> {
                LOG.warn("SoundFont {} not found: rendering with Gervill's built-in emergency sound set, which sounds degraded. To fix: {}",
                        path, INSTALL_HINT);
                return new SoundFontBank(null, "Gervill emergency sound set");
            });
        }
        return LOADED.computeIfAbsent(path.toAbsolutePath().toString(), k -> load(path));
    }

    private static SoundFontBank load(Path path) {
        long t0 = System.nanoTime();
        Soundbank sb;
        try {
            sb = MidiSystem.getSoundbank(path.toFile());
        } catch (InvalidMidiDataException | IOException e) {
            throw new IllegalStateException("SoundFont " + path + " cannot be read (" + e.getMessage() + "); " + INSTALL_HINT, e);
        }
        SoundFontBank bank = new SoundFontBank(sb, path.toString());
        NoiseCheck.requireMusical(bank, path);
        LOG.info("loaded SoundFont {} ({} instruments) in {} ms", path, sb.getInstruments().length, (System.nanoTime() - t0) / 1_000_000);
        return bank;
    }

    boolean isEmergency() { return soundbank == null; }

    Soundbank soundbank() { return soundbank; }

    String description() { return description; }

    /**
     * The instrument for a GM program (0-127) or drum kit, from bank 0; when the SoundFont lacks it,
     * the nearest lower program of the same kind, then program 0. Null for the emergency set (its
     * instruments are loaded by the synthesizer itself).
     */
    Instrument instrument(int program, boolean drums) {
        if (soundbank == null) return null;
        for (int p = program; p >= 0; p--) {
            Instrument found = find(p, drums);
            if (found != null) return found;
        }
        return null;
    }

    private Instrument find(int program, boolean drums) {
        for (Instrument i : soundbank.getInstruments()) {
            Patch patch = i.getPatch();
            if (patch.getBank() != 0 || patch.getProgram() != program) continue;
            boolean percussion = Gervill.isPercussion(patch);
            if (percussion == drums) return i;
        }
        return null;
    }
}
