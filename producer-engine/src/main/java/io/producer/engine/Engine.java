package io.producer.engine;

import io.producer.engine.analyze.Analysis;
import io.producer.engine.analyze.Analyzer;
import io.producer.engine.arrange.Arranger;
import io.producer.engine.audio.AudioBuffer;
import io.producer.engine.audio.PcmAudio;
import io.producer.engine.audio.PcmStems;
import io.producer.engine.audio.StereoChunks;
import io.producer.engine.compose.Composer;
import io.producer.engine.edit.AudioSplicer;
import io.producer.engine.edit.Edits;
import io.producer.engine.lyrics.Lyrics;
import io.producer.engine.lyrics.LyricsReader;
import io.producer.engine.mix.Mix;
import io.producer.engine.mix.Mixer;
import io.producer.engine.render.Renderer;
import io.producer.engine.render.Renderer.InstrumentStems;
import io.producer.engine.score.Score;
import io.producer.engine.score.Section;
import io.producer.engine.score.WordTiming;
import io.producer.engine.style.Style;
import io.producer.engine.style.StyleReader;
import io.producer.engine.voice.Singer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The engine's facade: one method per operation of the Producer API, each returning a whole
 * {@link Song}. The pipeline is style → lyrics → compose → arrange → render → voice → mix, and
 * every stage is a stateless function of its input and the seed, so the facade is thread-safe and
 * the same request and seed give byte-identical audio.
 *
 * <p>Edits that keep audio (extend, replace) render the edited score and splice it onto the source's
 * audio with crossfades of at most a beat, so the kept samples are the source's own. The swaps keep
 * one side exactly: swap_vocals delivers the source's instrumental stems as they were (the new vocal
 * is mixed against the same instrumental), swap_sound the source's vocal stem.
 */
public final class Engine implements AutoCloseable {
    /** Crossfade at every splice: the shorter of half a beat and 60 ms. */
    static final double MAX_FADE_SECONDS = 0.06;
    /** The singer works beside the instrument render (both only read the score). */
    private static final ExecutorService VOICE = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "producer-voice");
        t.setDaemon(true);
        return t;
    });

    private final EngineOptions options;
    private final StyleReader styleReader = new StyleReader();
    private final LyricsReader lyricsReader = new LyricsReader();
    private final Composer composer = new Composer();
    private final Arranger arranger = new Arranger();
    private final Edits edits = new Edits();
    private final Renderer renderer;
    private final Singer singer;
    private final Mixer mixer = new Mixer();
    private final Analyzer analyzer = new Analyzer();

    public Engine(EngineOptions options) {
        this.options = options;
        this.renderer = new Renderer(options);
        this.singer = new Singer();
        lyricsReader.read("[Verse]\nwarm up"); // loads the pronouncing dictionary now, not in the first request
    }

    /** create_music: style and lyrics to a new song. */
    public Song create(SongRequest request) {
        Clock clock = new Clock();
        Lyrics lyrics = request.makeInstrumental() ? Lyrics.NONE : lyricsReader.read(request.lyrics());
        clock.lap("lyrics");
        Style style = styleReader.read(request, !lyrics.isEmpty());
        clock.lap("style");
        Score score = composer.compose(style, lyrics, request.seed(), request.profile().mv(), request.title());
        clock.lap("compose");
        score = arranger.arrange(score, request.profile());
        clock.lap("arrange");
        return perform(score, request.profile(), clock);
    }

    /** extend_music: keep the bars before {@code startsAtSeconds} (snapped to a bar line), compose new ones after. */
    public Song extend(SourceClip source, SongRequest request, double startsAtSeconds) {
        Clock clock = new Clock();
        Profile profile = spliceProfile(source, request);
        Source src = source(source, profile);
        Edits.Edited e = edits.extend(src.score, request, startsAtSeconds - src.offsetSeconds, profile);
        clock.lap("compose");
        return spliced(src, e, profile, clock);
    }

    /** replace_music: re-compose [{@code startsAt}, {@code endsAt}); {@code endsAt} null means to the end. */
    public Song replace(SourceClip source, SongRequest request, double startsAtSeconds, Double endsAtSeconds) {
        Clock clock = new Clock();
        Profile profile = spliceProfile(source, request);
        Source src = source(source, profile);
        Edits.Edited e = edits.replace(src.score, request, startsAtSeconds - src.offsetSeconds,
                endsAtSeconds == null ? null : endsAtSeconds - src.offsetSeconds, profile);
        clock.lap("compose");
        return spliced(src, e, profile, clock);
    }

    /** cover_music: same form, lyrics and melody in a new style; {@code coverStrength} of the request sets how far. */
    public Song cover(SourceClip source, SongRequest request) {
        Clock clock = new Clock();
        Score score = edits.cover(source.score(), request, request.profile());
        clock.lap("compose");
        return perform(score, request.profile(), clock);
    }

    /** music_variation: the same inputs with the request's (different) seed. */
    public Song variation(SourceClip source, SongRequest request) {
        Clock clock = new Clock();
        Score src = source.score();
        Score score = src.origin().equals("analysed")
                ? edits.cover(src, withSound(request, src), request.profile())
                : edits.variation(src, request, request.profile());
        clock.lap("compose");
        return perform(score, request.profile(), clock);
    }

    /** swap_music_vocals: every instrument part kept, a new vocal part. */
    public Song swapVocals(SourceClip source, SongRequest request) {
        Clock clock = new Clock();
        Profile profile = request.profile();
        Score src = source.score();
        Score score = edits.swapVocals(src, request);
        clock.lap("compose");
        InstrumentStems dry = renderer.renderStems(src, profile);
        clock.lap("render");
        Voiced voiced = sing(score, profile);
        PcmAudio vocal = voiced.dry();
        PcmAudio oldVocal = sing(src, profile).dry();
        clock.lap("voice");
        // the mixer's bus gain depends on every stem, so the source's instrumental stems are taken from
        // the source's own mix (as delivered), and the new vocal is mixed against the same instrumental
        Mix before = mixer.mixStems(oldVocal, copy(dry.drums()), copy(dry.bass()), copy(dry.other()), src, profile);
        boolean upload = src.origin().equals("analysed") && source.audio() != null;
        Mix after = upload ? overUpload(source.audio(), vocal, score, profile)
                : mixer.mixStems(vocal, dry.drums(), dry.bass(), dry.other(), score, profile);
        clock.lap("mix");
        PcmStems stems = upload ? after.wet() : new PcmStems(after.wet().vocals(), before.wet().drums(), before.wet().bass(), before.wet().other());
        return new Song(score, stems, vocal, after.master(), voiced.timeline(), clock.times());
    }

    /** swap_music_sound: the vocal part kept, a new instrumental over the same harmony and tempo. */
    public Song swapSound(SourceClip source, SongRequest request) {
        Clock clock = new Clock();
        Profile profile = request.profile();
        Score src = source.score();
        Score score = edits.swapSound(src, request, profile);
        clock.lap("arrange");
        InstrumentStems dry = renderer.renderStems(score, profile);
        InstrumentStems oldDry = renderer.renderStems(src, profile);
        clock.lap("render");
        Voiced voiced = sing(src, profile);
        PcmAudio vocal = voiced.dry();
        clock.lap("voice");
        // the source's vocal stem as it was delivered: from the source's own mix
        Mix before = mixer.mixStems(vocal, oldDry.drums(), oldDry.bass(), oldDry.other(), src, profile);
        Mix after = mixer.mixStems(vocal, dry.drums(), dry.bass(), dry.other(), score, profile);
        clock.lap("mix");
        PcmStems stems = new PcmStems(before.wet().vocals(), after.wet().drums(), after.wet().bass(), after.wet().other());
        // the kept vocal part is sung as it was, so its words fall where they did
        return new Song(score, stems, vocal, after.master(), voiced.timeline(), clock.times());
    }

    /** upload: analyse uploaded audio into a score (tempo, beats, key, chords, sections) so edits can work on it. */
    public Song analyse(AudioBuffer uploaded, String seed) {
        Clock clock = new Clock();
        Analysis a = analyzer.analyse(uploaded);
        clock.lap("analyse");
        Score score = analysedScore(a, uploaded, seed);
        PcmAudio silence = PcmAudio.silence(uploaded.sampleRate(), uploaded.frames());
        PcmAudio audio = PcmAudio.of(uploaded);
        return new Song(score, uploadStems(uploaded, silence), silence, audio, List.of(), clock.times());
    }

    /** An upload is all "other": its stem sits {@link Mixer#STEM_HEADROOM_DB} under it, like every mixed stem. */
    private static PcmStems uploadStems(AudioBuffer audio, PcmAudio silence) {
        float[] l = audio.left().clone(), r = audio.right().clone();
        for (int i = 0; i < l.length; i++) { l[i] *= Mixer.STEM_GAIN; r[i] *= Mixer.STEM_GAIN; }
        return new PcmStems(silence, silence, silence, PcmAudio.of(new AudioBuffer(audio.sampleRate(), l, r)));
    }

    /** Render a score again (same score, profile and seed give byte-identical audio). */
    public Song render(Score score) {
        Profile profile = Profile.byMv(score.profile());
        return perform(score, profile == null ? Profile.DEFAULT : profile, new Clock());
    }

    public EngineOptions options() { return options; }

    @Override public void close() {}

    // ---- pipeline

    /**
     * The profile an audio-keeping edit renders in: the source clip's own, so that the kept samples are
     * the ones the user already has (an uploaded clip takes the request's and is resampled to it).
     */
    private static Profile spliceProfile(SourceClip source, SongRequest request) {
        if (source.score().origin().equals("analysed")) return request.profile();
        Profile p = Profile.byMv(source.score().profile());
        return p == null ? request.profile() : p;
    }

    private Song perform(Score score, Profile profile, Clock clock) {
        Future<Voiced> voice = VOICE.submit(() -> sing(score, profile));
        InstrumentStems dry;
        try {
            dry = renderer.renderStems(score, profile);
        } catch (RuntimeException e) {
            voice.cancel(true);
            throw e;
        }
        clock.lap("render");
        Voiced voiced = join(voice);
        PcmAudio vocal = voiced.dry();
        clock.lap("voice"); // what the singer still needed once the render was done: they run side by side
        Mix mix = mixer.mixStems(vocal, dry.drums(), dry.bass(), dry.other(), score, profile);
        clock.lap("mix");
        return new Song(score, mix.wet(), vocal, mix.master(), voiced.timeline(), clock.times());
    }

    /**
     * The dry vocal at the 16 bits it is delivered in; the mixer works from exactly this, so every
     * operation that mixes a vocal (create, the swaps) mixes the same samples.
     */
    private Voiced sing(Score score, Profile profile) {
        Singer.Performance p = singer.perform(score, profile);
        return new Voiced(PcmAudio.of(p.vocal()), p.timeline());
    }

    /** A dry vocal as delivered and where its words are heard. */
    private record Voiced(PcmAudio dry, List<WordTiming> timeline) {}

    private static <T> T join(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            f.cancel(true);
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        }
    }

    /** The source of an edit: its score, its audio (rendered again when it is a composed clip) and where its bar 0 is in that audio. */
    private record Source(Score score, Song song, double offsetSeconds) {}

    private Source source(SourceClip clip, Profile profile) {
        Score s = clip.score();
        if (s.origin().equals("analysed")) {
            if (clip.audio() == null) throw new IllegalArgumentException("an uploaded clip needs its audio to be edited");
            Analysis a = analyzer.analyse(clip.audio());
            AudioBuffer resampled = resample(clip.audio(), profile.sampleRate());
            PcmAudio audio = PcmAudio.of(resampled);
            PcmAudio silence = PcmAudio.silence(audio.sampleRate(), audio.frames());
            Song song = new Song(s, uploadStems(resampled, silence), silence, audio, List.of(), List.of());
            return new Source(s, song, Math.max(0, a.firstDownbeatSeconds()));
        }
        Song song = perform(s, profile, new Clock());
        return new Source(s, song, 0);
    }

    /** Renders the edited score and splices it onto the source's audio at the edited window. */
    private Song spliced(Source src, Edits.Edited e, Profile profile, Clock clock) {
        Score score = e.score();
        Song fresh = perform(score, profile, clock);
        int rate = profile.sampleRate();
        double barSec = score.beatToSeconds(score.meter().beatsPerBar());
        int offset = (int) Math.round(src.offsetSeconds * rate);
        int a = offset + (int) Math.round(e.window().fromBar() * barSec * rate);
        int b = offset + (int) Math.round((e.window().fromBar() + e.window().newBars()) * barSec * rate);
        int shift = (int) Math.round((e.window().newBars() - (e.window().toBar() - e.window().fromBar())) * barSec * rate);
        boolean toEnd = e.window().toBar() >= src.score.bars();
        int out = toEnd ? offset + fresh.mix().frames() : src.song.mix().frames() + shift;
        if (toEnd) b = Integer.MAX_VALUE / 2;
        int fade = (int) Math.round(Math.min(MAX_FADE_SECONDS, score.secondsPerBeat() / 2) * rate);
        Song old = src.song;
        PcmStems stems = new PcmStems(
                AudioSplicer.splice(old.stems().vocals(), fresh.stems().vocals(), offset, a, b, shift, out, fade),
                AudioSplicer.splice(old.stems().drums(), fresh.stems().drums(), offset, a, b, shift, out, fade),
                AudioSplicer.splice(old.stems().bass(), fresh.stems().bass(), offset, a, b, shift, out, fade),
                AudioSplicer.splice(old.stems().other(), fresh.stems().other(), offset, a, b, shift, out, fade));
        PcmAudio dry = AudioSplicer.splice(old.dryVocals(), fresh.dryVocals(), offset, a, b, shift, out, fade);
        PcmAudio mix = AudioSplicer.splice(old.mix(), fresh.mix(), offset, a, b, shift, out, fade);
        clock.lap("splice");
        List<WordTiming> timeline = new ArrayList<>();
        for (var w : fresh.timeline()) timeline.add(new WordTiming(w.word(), w.start() + src.offsetSeconds, w.end() + src.offsetSeconds));
        return new Song(score, stems, dry, mix, timeline, clock.times());
    }

    private Score analysedScore(Analysis a, AudioBuffer audio, String seed) {
        double bpm = Math.max(40, Math.min(240, a.bpm()));
        Style read = styleReader.read("", null, false, true, 0.5, 0.5, 0.5, seed);
        Style style = new Style(read.genres(), bpm, a.meter(), a.key(), read.energy(), List.of(), null, List.of(), List.of(),
                0.5, 0.5, 0.5);
        double barSec = a.meter().beatsPerBar() * 60.0 / bpm;
        double music = Math.max(0, audio.durationSeconds() - Math.max(0, a.firstDownbeatSeconds()));
        int bars = Math.max(1, (int) Math.floor(music / barSec));
        List<Section> sections = new ArrayList<>();
        for (Section s : a.sections()) {
            if (s.startBar() >= bars) break;
            int len = Math.min(s.bars(), bars - s.startBar());
            sections.add(new Section(s.kind(), s.label(), s.startBar(), len, s.energy(), s.key() == null ? a.key() : s.key()));
        }
        if (sections.isEmpty() || sections.get(0).startBar() != 0 || sections.get(sections.size() - 1).endBar() != bars)
            sections = List.of(new Section("verse", "Uploaded", 0, bars, 0.5, a.key()));
        List<io.producer.engine.score.ChordEvent> chords = new ArrayList<>();
        double end = bars * a.meter().beatsPerBar();
        for (var c : a.chords()) if (c.startBeat() < end) chords.add(new io.producer.engine.score.ChordEvent(c.startBeat(), Math.min(c.endBeat(), end) - c.startBeat(), c.chord()));
        if (chords.isEmpty() || chords.get(0).startBeat() > 0)
            chords.add(0, new io.producer.engine.score.ChordEvent(0, chords.isEmpty() ? end : chords.get(0).startBeat(),
                    new io.producer.engine.score.Chord(a.key().tonic(), a.key().mode().minorish() ? "m" : "")));
        double tail = Math.max(0, music - bars * barSec);
        return new Score(Score.FORMAT_VERSION, "analysed", seed, Profile.DEFAULT.mv(), null, style, bpm, a.meter(), a.key(), bars,
                sections, chords, Composer.silentVocal(), List.of(), tail);
    }

    /** A new vocal over an uploaded song: the upload is the instrumental (its own voice cannot be taken out). */
    private Mix overUpload(AudioBuffer upload, PcmAudio vocal, Score score, Profile profile) {
        AudioBuffer inst = resample(upload, vocal.sampleRate());
        AudioBuffer fitted = fit(inst, vocal.frames());
        int rate = vocal.sampleRate(), frames = vocal.frames();
        return mixer.mixStems(vocal, new StereoChunks(rate, frames), new StereoChunks(rate, frames), StereoChunks.copyOf(fitted), score, profile);
    }

    private static SongRequest withSound(SongRequest r, Score src) {
        return new SongRequest(r.sound() != null ? r.sound() : src.style().mainGenre(), r.lyrics(), r.title(), r.profile(), r.seed(),
                r.makeInstrumental(), r.lyricsStrength(), r.soundStrength(), r.weirdness(), 0.3);
    }

    private static StereoChunks copy(StereoChunks b) {
        return StereoChunks.copyOf(b);
    }

    private static AudioBuffer fit(AudioBuffer b, int frames) {
        float[] l = new float[frames], r = new float[frames];
        System.arraycopy(b.left(), 0, l, 0, Math.min(frames, b.frames()));
        System.arraycopy(b.right(), 0, r, 0, Math.min(frames, b.frames()));
        return new AudioBuffer(b.sampleRate(), l, r);
    }

    /** Linear-interpolation resampling of an upload to the profile's rate (uploads come at any rate). */
    static AudioBuffer resample(AudioBuffer in, int rate) {
        if (in.sampleRate() == rate) return in;
        int frames = (int) Math.round((double) in.frames() * rate / in.sampleRate());
        float[] l = new float[frames], r = new float[frames];
        double step = (double) in.sampleRate() / rate;
        for (int i = 0; i < frames; i++) {
            double x = i * step;
            int k = (int) x;
            float f = (float) (x - k);
            int k1 = Math.min(in.frames() - 1, k + 1);
            k = Math.min(in.frames() - 1, k);
            l[i] = in.left()[k] * (1 - f) + in.left()[k1] * f;
            r[i] = in.right()[k] * (1 - f) + in.right()[k1] * f;
        }
        return new AudioBuffer(rate, l, r);
    }

    /** Wall-clock and process CPU time per stage. */
    private static final class Clock {
        private static final java.lang.management.OperatingSystemMXBean OS = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        private final List<Song.StageTime> times = new ArrayList<>();
        private long last = System.nanoTime(), lastCpu = cpu();

        void lap(String stage) {
            long now = System.nanoTime(), nowCpu = cpu();
            times.add(new Song.StageTime(stage, (now - last) / 1e9, nowCpu < 0 ? Double.NaN : (nowCpu - lastCpu) / 1e9));
            last = now;
            lastCpu = nowCpu;
        }

        /** CPU nanoseconds of the whole process, or -1 where the JVM does not tell. */
        private static long cpu() {
            return OS instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : -1;
        }

        List<Song.StageTime> times() { return times; }
    }
}
