package io.producer.engine.style;

/**
 * A genre's instruments by role. {@code drumKit} is the GM drum-kit program (0 standard, 8 room,
 * 16 power, 24 electronic, 25 TR-808, 32 jazz, 40 brush, 48 orchestra) or -1 for no kit.
 */
public record Palette(int drumKit, Sound bass, Sound harmony, Sound pad, Sound lead, Sound arp, Sound counter) {
    public Palette withHarmony(Sound s) { return new Palette(drumKit, bass, s, pad, lead, arp, counter); }
    public Palette withPad(Sound s) { return new Palette(drumKit, bass, harmony, s, lead, arp, counter); }
    public Palette withLead(Sound s) { return new Palette(drumKit, bass, harmony, pad, s, arp, counter); }
    public Palette withBass(Sound s) { return new Palette(drumKit, s, harmony, pad, lead, arp, counter); }
    public Palette withArp(Sound s) { return new Palette(drumKit, bass, harmony, pad, lead, s, counter); }
    public Palette withCounter(Sound s) { return new Palette(drumKit, bass, harmony, pad, lead, arp, s); }
    public Palette withDrumKit(int kit) { return new Palette(kit, bass, harmony, pad, lead, arp, counter); }
}
