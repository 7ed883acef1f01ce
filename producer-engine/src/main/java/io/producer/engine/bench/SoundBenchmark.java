package io.producer.engine.bench;

import io.producer.engine.EngineOptions;
import io.producer.engine.Profile;
import io.producer.engine.SongRequest;
import io.producer.engine.arrange.Arranger;
import io.producer.engine.audio.AudioBuffer;
import io.producer.engine.audio.LoudnessMeter;
import io.producer.engine.audio.Mp3;
import io.producer.engine.audio.Stems;
import io.producer.engine.compose.Composer;
import io.producer.engine.lyrics.LyricsReader;
import io.producer.engine.mix.Mix;
import io.producer.engine.mix.Mixer;
import io.producer.engine.render.Renderer;
import io.producer.engine.score.Score;
import io.producer.engine.style.Style;
import io.producer.engine.style.StyleReader;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.Locale;

/**
 * The sound stages' benchmark (a command, not a test): a three-minute full arrangement (the same
 * prompt and lyrics as {@link EngineBenchmark}, without the singer) through render, mix/master and
 * MP3 encode, cold (first in this JVM) and warm, wall clock and process CPU time per stage. With
 * {@code --memory} it renders a four-minute song at 48 kHz once and prints the peak heap (run it
 * under {@code -Xmx512m}).
 *
 * <pre>scripts/engine-java io.producer.engine.bench.SoundBenchmark [--profile "FUZZ-2.0"] [--memory]</pre>
 */
public final class SoundBenchmark {
    private SoundBenchmark() {}

    public static void main(String[] args) {
        Locale.setDefault(Locale.ROOT);
        List<String> a = List.of(args);
        int pi = a.indexOf("--profile");
        Profile profile = pi >= 0 ? Profile.byMv(a.get(pi + 1)) : Profile.DEFAULT;
        if (a.contains("--memory")) {
            memory();
            return;
        }
        Score score = score(EngineBenchmark.THREE_MINUTE_LYRICS, "bench-3min", profile);
        System.out.printf("score: %.1f s, %d bars, %d parts, %s, %d Hz%n", score.durationSeconds(), score.bars(), score.parts().size(),
                profile.mv(), profile.sampleRate());
        Renderer renderer = new Renderer(EngineOptions.defaults());
        Mixer mixer = new Mixer();
        for (int run = 0; run < 4; run++) {
            String label = run == 0 ? "cold" : "warm" + run;
            Timer t = new Timer();
            Stems stems = renderer.renderInstruments(score, profile);
            String render = t.lap();
            Mix mix = mixer.mix(stems, score, profile);
            String mixing = t.lap();
            byte[] mp3 = Mp3.encode(mix.master(), profile.mp3Kbps());
            String encode = t.lap();
            System.out.printf("%-6s render %s | mix+master %s | mp3 %s (%d kB) | total %s | %.2f LUFS %.2f dBTP%n", label, render, mixing,
                    encode, mp3.length / 1024, t.total(), LoudnessMeter.integratedLufs(mix.master()), LoudnessMeter.truePeakDbtp(mix.master().toFloat()));
            if (run == 3) {
                Timer s = new Timer();
                Mp3.encode(mix.master(), profile.mp3Kbps());
                System.out.printf("       mp3 again %s; for comparison the same master on one encoder thread takes: ", s.lap());
                Timer one = new Timer();
                byte[] serial = encodeSerial(mix.master().toFloat(), profile.mp3Kbps());
                System.out.printf("%s (%d kB)%n", one.lap(), serial.length / 1024);
            }
        }
    }

    private static byte[] encodeSerial(AudioBuffer master, int kbps) {
        try {
            var m = Mp3.class.getDeclaredMethod("encode", AudioBuffer.class, int.class, int.class);
            m.setAccessible(true);
            return (byte[]) m.invoke(null, master, kbps, 1);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    static Score score(String lyricsText, String seed, Profile profile) {
        String sound = EngineBenchmark.SOUND;
        SongRequest request = new SongRequest(sound, lyricsText, "Benchmark", profile, seed, true, 0.5, 0.5, 0.5, 0.5);
        var lyrics = new LyricsReader().read(lyricsText);
        Style style = new StyleReader().read(request, !lyrics.isEmpty());
        return new Arranger().arrange(new Composer().compose(style, lyrics, seed, profile.mv(), "Benchmark"), profile);
    }

    private static void memory() {
        Profile profile = Profile.FUZZ_2_0_PRO; // 48 kHz, layered: the heaviest render
        StringBuilder lyrics = new StringBuilder(EngineBenchmark.THREE_MINUTE_LYRICS);
        lyrics.append("\n[Verse 3]\nOne more verse to carry us along\nOne more line to make the song go on\n"
                + "Every road is leading home\nEvery night we are not alone\n\n[Chorus]\nHold on hold on we are running with the sun\n"
                + "Hold on hold on till the day is done\nEvery heartbeat every song\nWe were golden all along\n");
        Score score = score(lyrics.toString(), "bench-4min", profile);
        while (score.durationSeconds() < 240) { // the composer picks the form; add verses until it lasts four minutes
            lyrics.append("\n[Verse]\nAnother mile another song to sing\nAnother day and everything it brings\n"
                    + "We keep on walking side by side\nWith open hearts and open eyes\n");
            score = score(lyrics.toString(), "bench-4min", profile);
        }
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) pool.resetPeakUsage();
        Timer t = new Timer();
        Stems stems = new Renderer(EngineOptions.defaults()).renderInstruments(score, profile);
        String render = t.lap();
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans())
            if (pool.getType() == MemoryType.HEAP) peak += pool.getPeakUsage().getUsed();
        long stemBytes = 2L * 4 * (3 * (long) stems.drums().frames()) + 4L * stems.vocals().frames(); // the silent vocal shares one array
        System.gc();
        long live = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        System.out.printf("memory: %.1f s song at %d Hz (%d parts) rendered in %s; stems %.0f MiB; live heap with the stems held %.0f MiB; "
                        + "sum of the heap pools' peaks %.0f MiB (an upper bound: pools peak at different times); max heap %.0f MiB%n",
                score.durationSeconds(), profile.sampleRate(), score.parts().size(), render, stemBytes / 1048576.0, live / 1048576.0,
                peak / 1048576.0, Runtime.getRuntime().maxMemory() / 1048576.0);
        if (stems.other().frames() == 0) System.out.println("(empty)");
    }

    /** Wall clock and the process's CPU time (all threads), per lap. */
    private static final class Timer {
        private final long wall0 = System.nanoTime(), cpu0 = cpu();
        private long wall = wall0, cpuLast = cpu0;

        private static long cpu() {
            return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : 0;
        }

        String lap() {
            long w = System.nanoTime(), c = cpu();
            String s = String.format("%.2f s (cpu %.2f s)", (w - wall) / 1e9, (c - cpuLast) / 1e9);
            wall = w;
            cpuLast = c;
            return s;
        }

        String total() {
            return String.format("%.2f s (cpu %.2f s)", (System.nanoTime() - wall0) / 1e9, (cpu() - cpu0) / 1e9);
        }
    }
}
