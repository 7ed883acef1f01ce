package io.producer.engine.lyrics;

import java.util.List;

/**
 * A tagged block of lyrics. {@code kind} is the normalised tag (verse, pre_chorus, chorus, hook,
 * bridge, intro, outro, instrumental, aria, solo, breakdown, drop); {@code label} is the tag as the
 * user wrote it. Instrumental sections have no lines.
 */
public record LyricSection(String kind, String label, List<LyricLine> lines) {
    public LyricSection {
        lines = List.copyOf(lines);
    }

    /** The text of all lines, used to recognise a repeated chorus. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        for (LyricLine l : lines) sb.append(l.text().toLowerCase().replaceAll("[^a-z0-9' ]", "").trim()).append('\n');
        return sb.toString();
    }
}
