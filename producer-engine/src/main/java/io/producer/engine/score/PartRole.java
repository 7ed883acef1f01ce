package io.producer.engine.score;

/** The job a part does in the arrangement; it also decides which stem it is mixed into. */
public enum PartRole {
    DRUMS, PERCUSSION, BASS, HARMONY, PAD, LEAD, ARP, COUNTER_MELODY, FX, TEXTURE;

    public Stem stem() {
        return switch (this) {
            case DRUMS, PERCUSSION -> Stem.DRUMS;
            case BASS -> Stem.BASS;
            default -> Stem.OTHER;
        };
    }

    /** The four stems every song is delivered in. */
    public enum Stem { VOCALS, DRUMS, BASS, OTHER }
}
