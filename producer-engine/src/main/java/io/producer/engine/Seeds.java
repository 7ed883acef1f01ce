package io.producer.engine;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Seeds: the request's seed string hashes to 64 bits with a stable hash (FNV-1a then a SplitMix64
 * finaliser), and every stage, section and part draws from its own stream derived from
 * (seed, stage, index), so changing one section never shifts the random numbers of another.
 */
public final class Seeds {
    private Seeds() {}

    public static long hash(String seed) {
        long h = 0xcbf29ce484222325L;
        for (byte b : seed.getBytes(StandardCharsets.UTF_8)) {
            h ^= (b & 0xff);
            h *= 0x100000001b3L;
        }
        return mix(h);
    }

    /** An independent stream for {@code stage} (e.g. "melody") and {@code index} (e.g. section number). */
    public static SplittableRandom stream(long seed, String stage, int index) {
        long h = seed;
        for (int i = 0; i < stage.length(); i++) h = mix(h ^ stage.charAt(i)) * 31;
        return new SplittableRandom(mix(h ^ (index * 0x9E3779B97F4A7C15L)));
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
