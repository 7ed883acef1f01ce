package io.producer.engine.bench;

import io.producer.engine.Engine;
import io.producer.engine.EngineOptions;
import io.producer.engine.Profile;
import io.producer.engine.Song;
import io.producer.engine.SongRequest;
import io.producer.engine.analyze.Analysis;
import io.producer.engine.analyze.Analyzer;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The engine benchmark (a command, not a test): a full-arrangement song with vocals from request to
 * MP3, timed cold (the first render in this JVM) and warm (three renders after five), split by pipeline
 * stage (the song's own stage times) plus the MP3 encode; then the analyser on the warm song. With
 * {@code --memory} it instead renders a ~4-minute song once and prints the heap's peak use, meant
 * to be run under {@code -Xmx512m} to show the render fits. Run by {@code scripts/bench-engine}.
 *
 * <p>Wall-clock and the JVM's CPU time are both printed: on a shared machine the wall clock
 * includes time spent waiting for a core (CPU time includes the JIT and GC threads too).
 */
public final class EngineBenchmark {
    /** Verse/chorus form of 96 bars: three minutes at 128 BPM (the speed run), about 3.5 at 112. */
    static final String THREE_MINUTE_LYRICS = """
            [Intro]

            [Verse 1]
            Walking down the avenue the morning light is new
            Every window open wide and every sky is blue
            I can hear the city sing a melody for two
            Every step I take today is bringing me to you

            [Chorus]
            Hold on hold on we are running with the sun
            Hold on hold on till the day is done
            Every heartbeat every song
            We were golden all along

            [Verse 2]
            Shadows falling on the street the evening settles in
            Neon signs are flickering the night is going to begin
            All the noise and all the light are pulling me along
            Every corner that I turn is singing me our song

            [Chorus]
            Hold on hold on we are running with the sun
            Hold on hold on till the day is done
            Every heartbeat every song
            We were golden all along

            [Verse 3]
            Morning comes around again the city wakes with me
            Every light along the road is all I need to see
            Hand in hand we walk the line as far as we can go
            Every word I never said is something that you know

            [Chorus]
            Hold on hold on we are running with the sun
            Hold on hold on till the day is done
            Every heartbeat every song
            We were golden all along

            [Bridge]
            And if the night gets cold
            I will never let you go
            And if the road gets long
            We will carry on

            [Chorus]
            Hold on hold on we are running with the sun
            Hold on hold on till the day is done
            Every heartbeat every song
            We were golden all along

            [Outro]
            """;
    static final String SOUND = "pop rock at 128 bpm with electric guitars, bass, drums, piano, strings and a female vocal";
    /** The memory run's slower tempo and extra verse make it a song of over four minutes. */
    static final String MEMORY_SOUND = SOUND.replace("128 bpm", "112 bpm");

    /** Renders before the measured ones, and how many are measured. */
    private static final int WARM_UP = 5, MEASURED = 3;

    private EngineBenchmark() {}

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        boolean memory = List.of(args).contains("--memory");
        try (Engine engine = new Engine(EngineOptions.defaults())) {
            if (memory) memory(engine);
            else speed(engine);
        }
    }

    private static void speed(Engine engine) {
        SongRequest request = new SongRequest(SOUND, THREE_MINUTE_LYRICS, "Benchmark", Profile.DEFAULT, "bench-3min",
                false, 0.5, 0.5, 0.5, 0.5);
        Run cold = run(engine, request);
        System.out.printf("song: %.1f s, %d bars at %.1f BPM, %d parts, genre %s, profile %s%n",
                cold.song.durationSeconds(), cold.song.score().bars(), cold.song.score().bpm(),
                cold.song.score().parts().size(), cold.song.score().style().mainGenre(), request.profile().mv());
        print("cold (first render in this JVM)", cold);
        // the JIT keeps compiling rarely taken paths (Gervill's instrument loading, the MP3 decoder) for a few renders more
        for (int i = 0; i < WARM_UP; i++) run(engine, request);
        List<Run> warm = new java.util.ArrayList<>();
        for (int i = 0; i < MEASURED; i++) {
            warm.add(run(engine, request));
            print(String.format("warm run %d (after %d renders)", i + 1, WARM_UP + i + 1), warm.get(i));
        }
        List<Run> byWall = new java.util.ArrayList<>(warm);
        byWall.sort(java.util.Comparator.comparingDouble(Run::wall));
        System.out.printf("warm: median %.2f s, best %.2f s (request to MP3, wall)%n", byWall.get(MEASURED / 2).wall, byWall.get(0).wall);
        System.out.println("  (the singer runs beside the instrument render: 'voice' is the time still waited for it afterwards)");
        Analyzer analyzer = new Analyzer();
        Song song = warm.get(0).song;
        var mix = song.mix().toFloat();
        for (int i = 0; i < 3; i++) analyzer.analyse(mix);
        long w0 = System.nanoTime(), c0 = threadCpu();
        Analysis a = analyzer.analyse(mix);
        System.out.printf("analyser, warm, on the %.1f s mix: %.3f s wall, %.3f s CPU (one thread; %.1f BPM %s, %s)%n",
                song.durationSeconds(), (System.nanoTime() - w0) / 1e9, (threadCpu() - c0) / 1e9, a.bpm(),
                a.key().name(), a.meter());
    }

    private record Run(Song song, double wall, double cpu, double mp3Wall, double mp3Cpu, Map<String, Double> stages,
                       Map<String, Double> stageCpu) {}

    private static Run run(Engine engine, SongRequest request) {
        long w0 = System.nanoTime(), c0 = processCpu();
        Song song = engine.create(request);
        long w1 = System.nanoTime(), c1 = processCpu();
        byte[] mp3 = song.mp3(request.profile());
        long w2 = System.nanoTime(), c2 = processCpu();
        if (mp3.length == 0) throw new IllegalStateException("empty MP3");
        Map<String, Double> stages = new LinkedHashMap<>(), cpu = new LinkedHashMap<>();
        for (Song.StageTime st : song.stageTimes()) {
            stages.merge(st.stage(), st.seconds(), Double::sum);
            cpu.merge(st.stage(), st.cpuSeconds(), Double::sum);
        }
        return new Run(song, (w2 - w0) / 1e9, (c2 - c0) / 1e9, (w2 - w1) / 1e9, (c2 - c1) / 1e9, stages, cpu);
    }

    private static void print(String label, Run r) {
        StringBuilder split = new StringBuilder(), cpu = new StringBuilder();
        for (Map.Entry<String, Double> e : r.stages.entrySet()) {
            split.append(String.format("%s %.2f, ", e.getKey(), e.getValue()));
            cpu.append(String.format("%s %.2f, ", e.getKey(), r.stageCpu.get(e.getKey())));
        }
        split.append(String.format("mp3 %.2f", r.mp3Wall));
        cpu.append(String.format("mp3 %.2f", r.mp3Cpu));
        System.out.printf("%s: request to MP3 %.2f s wall (%.2f s CPU, all threads of the JVM)%n  stages (s, wall): %s%n  stages (s, CPU):  %s%n",
                label, r.wall, r.cpu, split, cpu);
    }

    private static void memory(Engine engine) {
        StringBuilder lyrics = new StringBuilder(THREE_MINUTE_LYRICS.replace("[Outro]", ""));
        lyrics.append("""
                [Verse 4]
                Out along the river where the summer used to be
                Every song we ever sang is coming back to me
                Every road we never took is waiting in the sun
                Every step we take tonight is how the story's done

                [Chorus]
                Hold on hold on we are running with the sun
                Hold on hold on till the day is done
                Every heartbeat every song
                We were golden all along

                [Outro]
                """);
        SongRequest request = new SongRequest(MEMORY_SOUND, lyrics.toString(), "Memory", Profile.DEFAULT, "bench-4min",
                false, 0.5, 0.5, 0.5, 0.5);
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) pool.resetPeakUsage();
        long max = Runtime.getRuntime().maxMemory();
        long w0 = System.nanoTime();
        Song song;
        byte[] mp3;
        try {
            song = engine.create(request);
            mp3 = song.mp3(request.profile());
        } catch (OutOfMemoryError | IllegalStateException e) {
            if (!(e instanceof OutOfMemoryError) && !(e.getCause() instanceof OutOfMemoryError)) throw e;
            System.out.printf("memory: the ~4-minute render did NOT complete within max heap %.0f MiB: %s%n",
                    max / 1048576.0, e);
            System.exit(3);
            return;
        }
        double wall = (System.nanoTime() - w0) / 1e9;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans())
            if (pool.getType() == MemoryType.HEAP) peak += pool.getPeakUsage().getUsed();
        System.out.printf("memory: %.1f s song (%d bars, %d parts) rendered to a %d kB MP3 in %.1f s; "
                        + "peak heap %.0f MiB (sum of the heap pools' peaks, garbage included) of max %.0f MiB%n",
                song.durationSeconds(), song.score().bars(), song.score().parts().size(), mp3.length / 1024, wall,
                peak / 1048576.0, max / 1048576.0);
    }

    private static long threadCpu() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    /** CPU time of every thread of this JVM (the renderer works in a pool), in nanoseconds. */
    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
