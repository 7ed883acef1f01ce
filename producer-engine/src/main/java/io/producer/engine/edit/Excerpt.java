package io.producer.engine.edit;

import io.producer.engine.score.Score;

import java.util.List;

/** A stretch of bars of a score as a score of its own (previews, and short renders in tests). */
public final class Excerpt {
    private Excerpt() {}

    public static Score of(Score s, int fromBar, int bars) {
        int from = Math.max(0, Math.min(fromBar, s.bars() - 1));
        int to = Math.min(s.bars(), from + Math.max(1, bars));
        // cut the tail, then the head (each cut is a splice with nothing inserted)
        Score head = to < s.bars() ? ScoreSplicer.splice(s, to, s.bars(), empty(), s.style(), s.vocal().voice()) : s;
        return from > 0 ? ScoreSplicer.splice(head, 0, from, empty(), head.style(), head.vocal().voice()) : head;
    }

    private static ScoreSplicer.Insert empty() {
        return new ScoreSplicer.Insert(List.of(), List.of(), List.of(), List.of(), List.of(), 0);
    }
}
