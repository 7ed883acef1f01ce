package io.producer.engine.arrange;

import io.producer.engine.score.Section;

/** A section as the part writers see it: where it is in beats, its neighbours and its energy. */
record SectionView(int index, Section section, double startBeat, double lengthBeats, double beatsPerBar,
                   Section previous, Section next) {
    String kind() { return section.kind(); }
    double energy() { return section.energy(); }
    double endBeat() { return startBeat + lengthBeats; }
    int bars() { return section.bars(); }
    boolean first() { return previous == null; }
    boolean last() { return next == null; }
    boolean nextLifts() { return next != null && next.energy() > section.energy() + 0.1; }
    boolean quiet() {
        return switch (section.kind()) {
            case "intro", "outro", "breakdown" -> true;
            default -> section.energy() < 0.35;
        };
    }
}
