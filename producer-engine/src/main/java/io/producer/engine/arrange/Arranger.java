package io.producer.engine.arrange;

import io.producer.engine.Profile;
import io.producer.engine.Seeds;
import io.producer.engine.score.ChordEvent;
import io.producer.engine.score.Instrument;
import io.producer.engine.score.MetricAccent;
import io.producer.engine.score.Note;
import io.producer.engine.score.Part;
import io.producer.engine.score.PartRole;
import io.producer.engine.score.Score;
import io.producer.engine.score.Section;
import io.producer.engine.style.Genre;
import io.producer.engine.style.GenreCatalogue;
import io.producer.engine.style.Palette;
import io.producer.engine.style.Sound;
import io.producer.engine.style.Style;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The arrangement: instrument parts for a composed score, in the main genre's idiom, with the
 * instruments the prompt named taking over their roles. Density follows the sections' energy
 * (quiet intros, full choruses, breakdowns that drop the drums, builds with risers); timing and
 * velocity are humanised from the seed (tighter for electronic genres). The profile's arrangement
 * level decides how much is played: 0 drums, bass, chords (and the melody of an instrumental);
 * 1 adds pads, arpeggios and textures; 2 adds counter-melodies and drum fills. Thread-safe.
 */
public final class Arranger {

    public Score arrange(Score score, Profile profile) {
        Style style = score.style();
        Genre genre = GenreCatalogue.get(style.mainGenre());
        long seed = Seeds.hash(score.seed());
        Palette pal = PaletteChooser.choose(style, genre);
        double bpb = score.meter().beatsPerBar();
        List<SectionView> views = views(score.sections(), bpb);
        List<ChordEvent> chords = score.chords();
        int level = profile.arrangement();
        boolean dsp = profile.dspSynths();
        boolean vocalSong = score.hasVocal();
        String groove = PaletteChooser.groove(style, genre);
        double swing = genre.swing();
        boolean electronic = PaletteChooser.electronic(genre.name());
        List<Part> parts = new ArrayList<>();
        MetricAccent accent = new MetricAccent(score.bpm());

        if (!groove.equals("none")) {
            int kit = pal.drumKit() < 0 ? 0 : pal.drumKit();
            Notes d = new DrumWriter().write(views, style, groove, swing, level >= 2, seed);
            add(parts, accent, "drums", PartRole.DRUMS, Instrument.drumKit("drums", kit), d, 0, 0, style, seed, electronic ? 0.002 : 0.01);
        }
        if (pal.bass().present()) {
            String bassGroove = groove.equals("none") ? genre.name().equals("ambient") ? "none" : "orchestral" : groove;
            int low = "sub808".equals(pal.bass().synth()) ? 26 : pal.bass().program() == 0 ? 31 : 28;
            Notes b = new BassWriter().write(views, chords, bassGroove, low, swing, seed);
            add(parts, accent, "bass", PartRole.BASS, instrument("bass", pal.bass(), dsp), b, 0, -1, style, seed, electronic ? 0.002 : 0.008);
        }
        CompWriter comp = new CompWriter();
        if (pal.harmony().present()) {
            String compStyle = PaletteChooser.compStyle(style, genre);
            // at slow tempos held chords leave the beat to nobody; restriking them on each beat keeps it
            if (compStyle.equals("sustain") && accent.changesAnything()) compStyle = "beats";
            int center = compStyle.equals("arpeggio") && pal.harmony().program() == 0 ? 60 : 62;
            Notes h = comp.comp(views, chords, compStyle, center, swing, seed);
            add(parts, accent, PaletteChooser.name(pal.harmony(), "keys"), PartRole.HARMONY, instrument("harmony", pal.harmony(), dsp), h, -0.25, -3, style, seed, electronic ? 0.002 : 0.012);
        }
        boolean instrumentalMelody = !vocalSong;
        if (pal.lead().present() && (level >= 1 || instrumentalMelody)) {
            int[] r = PaletteChooser.range(pal.lead());
            Notes l = new LeadWriter().write(views, chords, style, r[0], r[1], vocalSong, seed);
            add(parts, accent, "lead_" + PaletteChooser.name(pal.lead(), "lead"), PartRole.LEAD, instrument("lead", pal.lead(), dsp), l, 0.15, -1, style, seed, electronic ? 0.002 : 0.012);
        }
        if (level >= 1 && pal.pad().present()) {
            boolean always = genre.name().equals("ambient") || genre.name().equals("downtempo") || style.instruments().contains("pad");
            Notes p = comp.pad(views, chords, 62, always);
            add(parts, accent, PaletteChooser.name(pal.pad(), "pad"), PartRole.PAD, instrument("pad", pal.pad(), dsp), p, 0, -7, style, seed, 0.004);
        }
        if (level >= 1 && pal.arp().present()) {
            double step = style.bpm() >= 125 ? 0.5 : 0.25;
            Notes a = comp.arp(views, chords, 60, step);
            add(parts, accent, "arp", PartRole.ARP, instrument("arp", pal.arp(), dsp), a, 0.35, -7, style, seed, electronic ? 0.0 : 0.006);
        }
        if (level >= 2 && pal.counter().present()) {
            int[] r = PaletteChooser.range(pal.counter());
            Notes c = comp.counter(views, chords, Math.max(r[0], 55), Math.min(r[1], 76));
            add(parts, accent, "counter_" + PaletteChooser.name(pal.counter(), "line"), PartRole.COUNTER_MELODY, instrument("counter", pal.counter(), dsp), c, -0.4, -6, style, seed, 0.01);
        }
        if (needsBeatPulse(accent, groove, genre.name(), vocalSong)) {
            Notes p = comp.beatPulse(views, chords, 55);
            add(parts, accent, "harp_pulse", PartRole.ARP, Instrument.gm("harp_pulse", 46), p, -0.3, 3, style, seed, 0.004);
        }
        if (style.instruments().contains("timpani") || style.instruments().contains("percussion") && !genre.name().equals("pop")
                || genre.name().equals("cinematic")) {
            Notes t = TextureWriter.timpani(views, chords, score.key());
            add(parts, accent, "timpani", PartRole.PERCUSSION, Instrument.gm("timpani", 47), t, 0.1, -4, style, seed, 0.006);
        }
        if (level >= 1) {
            for (TextureWriter.Texture tx : TextureWriter.textures(style, dsp)) {
                Notes t = TextureWriter.write(tx, views, chords, score.key(), Seeds.stream(seed, "texture:" + tx.name(), 0));
                add(parts, accent, tx.name(), tx.role(), tx.instrument(), t, tx.pan(), tx.gainDb(), style, seed, 0);
            }
        }
        return new Score(score.formatVersion(), score.origin(), score.seed(), score.profile(), score.title(), style,
                score.bpm(), score.meter(), score.key(), score.bars(), score.sections(), chords, score.vocal(), parts,
                score.tailSeconds());
    }

    /**
     * Slow strings, pads and voices have soft attacks, so without a kit nothing marks the beat: a
     * beat tracker (aubio) then reads its own prior of ~126 BPM in a 78 BPM score, and a listener
     * hears the music float. A plucked chord tone on every beat gives the pulse that a harp or a
     * pizzicato ostinato gives an orchestral cue. A classical instrumental (a piano solo) keeps its
     * own texture: its arpeggios already mark the beat.
     */
    static boolean needsBeatPulse(MetricAccent accent, String groove, String genre, boolean vocalSong) {
        if (!accent.changesAnything() || !(groove.equals("none") || groove.equals("orchestral"))) return false;
        return switch (genre) {
            case "ambient", "cinematic", "orchestral", "opera" -> true;
            case "classical" -> vocalSong;
            default -> false;
        };
    }

    static List<SectionView> views(List<Section> sections, double bpb) {
        List<SectionView> out = new ArrayList<>();
        for (int i = 0; i < sections.size(); i++) {
            Section s = sections.get(i);
            out.add(new SectionView(i, s, s.startBar() * bpb, s.bars() * bpb, bpb, i > 0 ? sections.get(i - 1) : null,
                    i + 1 < sections.size() ? sections.get(i + 1) : null));
        }
        return out;
    }

    static Instrument instrument(String id, Sound s, boolean dsp) {
        if (s.synth() != null && dsp) return Instrument.synth(id, s.synth());
        return Instrument.gm(id, Math.max(0, s.program()));
    }

    /** Humanises timing and velocity, then adds the part if it has notes (the mixer does fade-outs). */
    private static void add(List<Part> parts, MetricAccent accent, String name, PartRole role, Instrument inst, Notes notes,
                            double pan, double gainDb, Style style, long seed, double timingBeats) {
        if (notes.isEmpty()) return;
        SplittableRandom rnd = Seeds.stream(seed, "humanise:" + name, parts.size());
        List<Note> in = notes.sorted();
        List<Note> out = new ArrayList<>(in.size());
        // the accompaniment keeps the beat; a melody phrases by itself, and textures have no meter
        boolean metric = role != PartRole.LEAD && role != PartRole.TEXTURE && role != PartRole.FX;
        for (Note n : in) {
            double jitter = timingBeats == 0 ? 0 : (rnd.nextDouble() * 2 - 1) * timingBeats;
            double start = Math.max(0, n.startBeat() + jitter);
            int vel = (metric ? accent.velocity(n.startBeat(), n.velocity()) : n.velocity())
                    + (int) Math.round((rnd.nextDouble() * 2 - 1) * (role == PartRole.DRUMS ? 6 : 4));
            out.add(new Note(start, n.durationBeats(), n.midi(), Math.max(1, Math.min(127, vel))));
        }
        parts.add(new Part(name, role, inst, out, pan, gainDb));
    }
}
