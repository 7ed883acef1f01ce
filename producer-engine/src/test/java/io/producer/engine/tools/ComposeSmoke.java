package io.producer.engine.tools;

import io.producer.engine.Profile;
import io.producer.engine.SongRequest;
import io.producer.engine.arrange.Arranger;
import io.producer.engine.compose.Composer;
import io.producer.engine.lyrics.Lyrics;
import io.producer.engine.lyrics.LyricsReader;
import io.producer.engine.score.*;
import io.producer.engine.style.Style;
import io.producer.engine.style.StyleReader;

/** Manual look at a composed score (a tool, not a test): prints form, chords, melody and parts. */
public class ComposeSmoke {
    public static void main(String[] a) {
        String sound = a.length > 0 ? a[0] : "pop";
        String lyr = a.length > 1 && !a[1].isEmpty() ? a[1].replace("\\n", "\n") : null;
        SongRequest r = SongRequest.of(sound, lyr, "s1");
        Lyrics lyrics = new LyricsReader().read(lyr);
        Style st = new StyleReader().read(r, !lyrics.isEmpty());
        System.out.println(st);
        Score sc = new Composer().compose(st, lyrics, "s1", "FUZZ-2.0", "t");
        sc = new Arranger().arrange(sc, Profile.DEFAULT);
        System.out.printf("bpm %.0f meter %s key %s bars %d dur %.1f%n", sc.bpm(), sc.meter(), sc.key().name(), sc.bars(), sc.durationSeconds());
        for (Section s : sc.sections()) System.out.println("  " + s);
        StringBuilder sb = new StringBuilder();
        for (ChordEvent c : sc.chords()) sb.append(c.chord().name()).append(' ');
        System.out.println(sb);
        int i = 0;
        for (VocalNote n : sc.vocal().notes()) {
            if (i++ > 40) break;
            System.out.printf("  %6.2f %4.2f %3d %s %s%s%s%n", n.startBeat(), n.durationBeats(), n.midi(), n.syllable(), n.phonemes(), n.stressed() ? " *" : "", n.melisma() ? " ~" : "");
        }
        for (Part p : sc.parts()) System.out.printf("  part %-20s %-14s %s notes=%d%n", p.name(), p.role(), p.instrument(), p.notes().size());
    }
}
