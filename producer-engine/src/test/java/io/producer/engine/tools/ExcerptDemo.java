package io.producer.engine.tools;

import io.producer.engine.*;
import io.producer.engine.arrange.Arranger;
import io.producer.engine.audio.LoudnessMeter;
import io.producer.engine.compose.Composer;
import io.producer.engine.edit.Excerpt;
import io.producer.engine.lyrics.Lyrics;
import io.producer.engine.lyrics.LyricsReader;
import io.producer.engine.render.Renderer;
import io.producer.engine.score.Part;
import io.producer.engine.score.Score;
import io.producer.engine.style.StyleReader;

/** A tool (not a test): renders 12 bars of a seed create's first section and prints the stems' peaks. */
public class ExcerptDemo {
    public static void main(String[] a) throws Exception {
        int index = Integer.parseInt(a[0]);
        var node = SeedExamples.creates().get(index);
        SongRequest r = SeedExamples.toRequest(node, "seed-" + index);
        Lyrics l = r.makeInstrumental() ? Lyrics.NONE : new LyricsReader().read(r.lyrics());
        Score full = new Arranger().arrange(new Composer().compose(new StyleReader().read(r, !l.isEmpty()), l, r.seed(), r.profile().mv(), r.title()), r.profile());
        Score ex = Excerpt.of(full, full.sections().get(1).startBar(), 12);
        for (Part p : ex.parts()) System.out.println(p.name() + " " + p.instrument() + " " + p.notes().size());
        var stems = new Renderer(EngineOptions.defaults()).renderInstruments(ex, r.profile());
        System.out.printf("drums %.2f bass %.2f other %.2f dBTP%n", LoudnessMeter.truePeakDbtp(stems.drums()), LoudnessMeter.truePeakDbtp(stems.bass()), LoudnessMeter.truePeakDbtp(stems.other()));
        System.out.printf("drums %.2f bass %.2f other %.2f LUFS%n", LoudnessMeter.integratedLufs(stems.drums()), LoudnessMeter.integratedLufs(stems.bass()), LoudnessMeter.integratedLufs(stems.other()));
        try (Engine e = new Engine(EngineOptions.defaults())) {
            Song s = e.render(ex);
            System.out.printf("mix %.2f LUFS %.2f dBTP%n", LoudnessMeter.integratedLufs(s.mix()), LoudnessMeter.truePeakDbtp(s.mix().toFloat()));
        }
    }
}
