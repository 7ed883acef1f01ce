package io.producer.engine.score;

/**
 * One section of the form. {@code kind} is the normalised tag (intro, verse, pre_chorus, chorus,
 * bridge, hook, outro, instrumental, breakdown, drop, build, solo, aria); {@code label} is what the
 * lyrics called it ("Verse 1", "Chorus - New"). {@code energy} in [0, 1] drives arrangement density.
 * {@code key} is the key in force in this section (modulation is a section whose key differs).
 */
public record Section(String kind, String label, int startBar, int bars, double energy, Key key) {
    public Section {
        if (bars < 1) throw new IllegalArgumentException("a section has at least one bar");
        if (energy < 0 || energy > 1) throw new IllegalArgumentException("energy must be in [0, 1]");
    }

    public int endBar() { return startBar + bars; }
}
