package io.producer.engine.render;

import io.producer.engine.EngineOptions;
import io.producer.engine.Profile;
import io.producer.engine.Seeds;
import io.producer.engine.audio.AudioBuffer;
import io.producer.engine.audio.MidiFile;
import io.producer.engine.audio.Stems;
import io.producer.engine.audio.StereoChunks;
import io.producer.engine.render.synth.BlockSource;
import io.producer.engine.render.synth.NoteEvent;
import io.producer.engine.render.synth.Synths;
import io.producer.engine.score.Note;
import io.producer.engine.score.Part;
import io.producer.engine.score.PartRole;
import io.producer.engine.score.Score;
import io.producer.engine.score.Section;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Renders a score's instrument parts into the drums, bass and other stems (the vocals stem stays
 * silent: the singer fills it). Sampled instruments play through Gervill with the shared General
 * MIDI SoundFont, one synthesizer per part; parts naming one of the engine's synths play through it
 * (unless the profile turns them off, then through the nearest GM program).
 *
 * <p>Parts render in parallel, in at most two groups per stem. Each group streams its parts block
 * by block and adds each block into its stem under the stem's lock; with at most two addends per
 * sample into a zeroed buffer, the result does not depend on which group comes first (a + b = b + a
 * exactly in IEEE arithmetic), so the stems are byte-identical on every run.
 */
public final class Renderer {
    static final int BLOCK = 2048;
    private static final ExecutorService POOL = Executors.newFixedThreadPool(
            Math.max(1, Runtime.getRuntime().availableProcessors()), r -> {
                Thread t = new Thread(r, "producer-render");
                t.setDaemon(true);
                return t;
            });

    private final EngineOptions options;

    public Renderer(EngineOptions options) {
        this.options = options;
    }

    /** The instrument stems as plain buffers, with a silent vocal stem (for tools and tests; the engine uses {@link #renderStems}). */
    public Stems renderInstruments(Score score, Profile profile) {
        InstrumentStems s = renderStems(score, profile);
        AudioBuffer drums = s.drums().toAudioBuffer(), bass = s.bass().toAudioBuffer(), other = s.other().toAudioBuffer();
        // Both channels of the silent vocal share one zeroed array: nobody writes into a buffer it was given.
        float[] silent = new float[drums.frames()];
        return new Stems(new AudioBuffer(drums.sampleRate(), silent, silent), drums, bass, other);
    }

    /** The drums, bass and other stems, in chunks that are allocated as the parts reach them. */
    public record InstrumentStems(StereoChunks drums, StereoChunks bass, StereoChunks other) {}

    public InstrumentStems renderStems(Score score, Profile profile) {
        int rate = profile.sampleRate();
        int frames = (int) Math.round(score.durationSeconds() * rate);
        StereoChunks drums = new StereoChunks(rate, frames), bass = new StereoChunks(rate, frames), other = new StereoChunks(rate, frames);
        long seed = Seeds.hash(score.seed() == null ? "" : score.seed());

        List<List<Integer>> groups = new ArrayList<>();
        List<StereoChunks> targets = new ArrayList<>();
        for (PartRole.Stem stem : List.of(PartRole.Stem.DRUMS, PartRole.Stem.BASS, PartRole.Stem.OTHER)) {
            List<Integer> idx = new ArrayList<>();
            for (int i = 0; i < score.parts().size(); i++) if (score.parts().get(i).role().stem() == stem) idx.add(i);
            StereoChunks target = switch (stem) { case DRUMS -> drums; case BASS -> bass; default -> other; };
            for (List<Integer> g : split(idx, score, profile)) {
                groups.add(g);
                targets.add(target);
            }
        }
        SoundFontBank bank = needsSoundFont(score, profile) ? SoundFontBank.forOptions(options) : null;
        List<Future<?>> futures = new ArrayList<>();
        // the costliest groups start first, so that the cores finish together (the order does not change the sums)
        List<Integer> order = new ArrayList<>();
        double[] groupCost = new double[groups.size()];
        for (int g = 0; g < groups.size(); g++) {
            order.add(g);
            for (int i : groups.get(g)) groupCost[g] += cost(score.parts().get(i), score, profile);
        }
        order.sort(Comparator.comparingDouble((Integer g) -> -groupCost[g]).thenComparingInt(g -> g));
        for (int g : order) {
            List<Integer> group = groups.get(g);
            StereoChunks target = targets.get(g);
            futures.add(POOL.submit(() -> renderGroup(score, profile, bank, seed, group, target)));
        }
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                futures.forEach(x -> x.cancel(true));
                throw new IllegalStateException("rendering interrupted", e);
            } catch (ExecutionException e) {
                futures.forEach(x -> x.cancel(true));
                if (e.getCause() instanceof RuntimeException re) throw re;
                throw new IllegalStateException(e.getCause());
            }
        }
        return new InstrumentStems(drums, bass, other);
    }

    /** Splits a stem's parts into at most two groups of similar cost (largest first, into the lighter group). */
    private static List<List<Integer>> split(List<Integer> parts, Score score, Profile profile) {
        if (parts.isEmpty()) return List.of();
        if (parts.size() == 1) return List.of(parts);
        List<Integer> byCost = new ArrayList<>(parts);
        byCost.sort(Comparator.comparingDouble((Integer i) -> -cost(score.parts().get(i), score, profile)).thenComparingInt(i -> i));
        List<Integer> a = new ArrayList<>(), b = new ArrayList<>();
        double ca = 0, cb = 0;
        for (int i : byCost) {
            double c = cost(score.parts().get(i), score, profile);
            if (ca <= cb) { a.add(i); ca += c; } else { b.add(i); cb += c; }
        }
        a.sort(Comparator.naturalOrder());
        b.sort(Comparator.naturalOrder());
        return b.isEmpty() ? List.of(a) : List.of(a, b);
    }

    /** Rough CPU cost: seconds of sounding voices, weighted by how heavy the instrument is. */
    private static double cost(Part part, Score score, Profile profile) {
        double voiceSeconds = 0;
        for (Note n : part.notes()) voiceSeconds += Math.min(score.beatToSeconds(n.durationBeats()) + 0.5, 8);
        String synth = part.instrument().synth();
        double weight = synth == null || !profile.dspSynths() ? 1 : switch (synth) {
            case "supersaw" -> 3; case "pad" -> 2; default -> 1.2;
        };
        return 1 + voiceSeconds * weight * (layered(part, profile) ? 2 : 1);
    }

    private static boolean needsSoundFont(Score score, Profile profile) {
        for (Part p : score.parts()) if (!p.notes().isEmpty() && !playsOwnSynth(p, profile)) return true;
        return false;
    }

    private static boolean playsOwnSynth(Part p, Profile profile) {
        return p.instrument().synth() != null && profile.dspSynths();
    }

    static boolean layered(Part part, Profile profile) {
        if (profile.layers() < 2 || part.instrument().drums()) return false;
        return switch (part.role()) {
            case HARMONY, PAD, LEAD, ARP, COUNTER_MELODY -> true;
            default -> false;
        };
    }

    private static void renderGroup(Score score, Profile profile, SoundFontBank bank, long seed, List<Integer> group, StereoChunks target) {
        int rate = target.sampleRate();
        int frames = target.frames();
        List<BlockSource> sources = new ArrayList<>();
        List<PartChain> chains = new ArrayList<>();
        try {
            for (int i : group) {
                Part part = score.parts().get(i);
                if (part.notes().isEmpty()) continue;
                sources.add(source(part, i, score, profile, bank, seed, rate));
                chains.add(new PartChain(part, rate, !playsOwnSynth(part, profile)));
            }
            if (sources.isEmpty()) return;
            float[] l = new float[BLOCK], r = new float[BLOCK], accL = new float[BLOCK], accR = new float[BLOCK];
            for (int pos = 0; pos < frames; pos += BLOCK) {
                if (Thread.currentThread().isInterrupted()) throw new IllegalStateException("rendering cancelled");
                int n = Math.min(BLOCK, frames - pos);
                java.util.Arrays.fill(accL, 0, n, 0f);
                java.util.Arrays.fill(accR, 0, n, 0f);
                for (int s = 0; s < sources.size(); s++) {
                    sources.get(s).render(l, r, n);
                    chains.get(s).process(l, r, n);
                    for (int k = 0; k < n; k++) { accL[k] += l[k]; accR[k] += r[k]; }
                }
                synchronized (target) {
                    target.add(pos, accL, accR, n);
                }
            }
        } finally {
            for (BlockSource s : sources) s.close();
        }
    }

    private static BlockSource source(Part part, int index, Score score, Profile profile, SoundFontBank bank, long seed, int rate) {
        boolean layer = layered(part, profile);
        String synth = part.instrument().synth();
        if (synth != null && profile.dspSynths()) {
            List<NoteEvent> events = new ArrayList<>();
            for (Note n : legato(part.notes())) {
                long start = Math.round(score.beatToSeconds(n.startBeat()) * rate);
                long len = Math.max(1, Math.round(score.beatToSeconds(n.durationBeats()) * rate));
                events.add(new NoteEvent(start, len, n.midi(), n.velocity() / 127f));
                // A doubled layer a few cents sharp and a few milliseconds late thickens the part like a second player.
                if (layer) events.add(new NoteEvent(start + rate / 160, len, n.midi() + 0.09, n.velocity() / 127f * 0.8f));
            }
            long partSeed = Seeds.stream(seed, "render", index).nextLong();
            return Synths.create(synth, rate, events, partSeed);
        }
        int program = synth != null ? MidiFile.synthProgram(synth) : part.instrument().gmProgram();
        boolean drums = part.instrument().drums();
        int ch = drums ? 9 : 0;
        List<GervillSource.Program> programs = new ArrayList<>();
        List<GervillSource.Event> events = new ArrayList<>();
        programs.add(new GervillSource.Program(ch, program, drums));
        events.add(GervillSource.Event.control(0, ch, 7, 100));
        events.add(GervillSource.Event.control(0, ch, 10, layer ? 40 : 64));
        if (layer) {
            programs.add(new GervillSource.Program(1, program, false));
            events.add(GervillSource.Event.control(0, 1, 7, 100));
            events.add(GervillSource.Event.control(0, 1, 10, 88));
            events.add(GervillSource.Event.pitchBend(0, 1, 8192 + 8 * 8192 / 200)); // +8 cents
        }
        if (sustained(program) && !drums) {
            for (Section s : score.sections()) {
                long us = micros(score, s.startBar() * score.meter().beatsPerBar());
                int expression = (int) Math.round(78 + 49 * s.energy());
                events.add(GervillSource.Event.control(us, ch, 11, expression));
                if (layer) events.add(GervillSource.Event.control(us, 1, 11, expression));
            }
        }
        for (Note n : drums ? part.notes() : legato(part.notes())) {
            long on = micros(score, n.startBeat()), off = Math.max(on + 1000, micros(score, n.endBeat()));
            events.add(GervillSource.Event.noteOn(on, ch, n.midi(), n.velocity()));
            events.add(GervillSource.Event.noteOff(off, ch, n.midi()));
            if (layer) {
                long d = 6000;
                events.add(GervillSource.Event.noteOn(on + d, 1, n.midi(), Math.max(1, n.velocity() * 85 / 100)));
                events.add(GervillSource.Event.noteOff(off + d, 1, n.midi()));
            }
        }
        // At one instant: controllers, then note-offs, then note-ons (a restruck pitch is released first).
        events.sort(Comparator.comparingLong(GervillSource.Event::micros).thenComparingInt(Renderer::order));
        String interpolation = profile.mv().contains("Pro") || profile.sampleRate() >= 48000 ? "cubic" : "linear";
        return new GervillSource(bank, rate, interpolation, programs, events);
    }

    private static int order(GervillSource.Event e) {
        return switch (e.command()) {
            case javax.sound.midi.ShortMessage.NOTE_OFF -> 1;
            case javax.sound.midi.ShortMessage.NOTE_ON -> 2;
            default -> 0;
        };
    }

    /** Strings, organs, brass, reeds, pipes and synth pads: instruments whose level follows the bow or breath. */
    private static boolean sustained(int program) {
        return (program >= 16 && program <= 23) || (program >= 40 && program <= 79) || (program >= 88 && program <= 95);
    }

    private static long micros(Score score, double beat) {
        return Math.round(score.beatToSeconds(beat) * 1e6);
    }

    /**
     * Notes in start order, each cut where the next note of the same pitch starts: in MIDI a note-off
     * belongs to a pitch, so an overlapping repeat would otherwise be silenced by the earlier note's off.
     */
    static List<Note> legato(List<Note> notes) {
        List<Note> sorted = new ArrayList<>(notes);
        sorted.sort(Comparator.comparingDouble(Note::startBeat).thenComparingInt(Note::midi));
        List<Note> out = new ArrayList<>(sorted.size());
        double[] nextStart = new double[sorted.size()];
        double[] lastSeen = new double[128];
        java.util.Arrays.fill(lastSeen, Double.POSITIVE_INFINITY);
        for (int i = sorted.size() - 1; i >= 0; i--) {
            Note n = sorted.get(i);
            nextStart[i] = lastSeen[n.midi()];
            lastSeen[n.midi()] = n.startBeat();
        }
        for (int i = 0; i < sorted.size(); i++) {
            Note n = sorted.get(i);
            double end = Math.min(n.endBeat(), nextStart[i]);
            if (end <= n.startBeat()) continue; // a duplicate at the same instant
            out.add(end == n.endBeat() ? n : new Note(n.startBeat(), end - n.startBeat(), n.midi(), n.velocity()));
        }
        return out;
    }
}
