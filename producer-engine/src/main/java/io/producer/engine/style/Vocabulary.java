package io.producer.engine.style;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the words of a {@code sound} prompt mean. Each entry (a word or a phrase of several words) maps
 * to tags "kind:value" where kind is genre, inst (an instrument), cue (a production cue), mood, tempo
 * (slow/fast), energy (up/down), voice (a voice type or "sing"), fx (a vocal effect) or mode. Words that
 * carry no musical instruction are listed in {@link #IGNORED} on purpose, so an unknown word is a gap
 * the vocabulary test catches instead of something silently dropped.
 */
public final class Vocabulary {
    private Vocabulary() {}

    /** Grammar words, never instructions. */
    public static final Set<String> STOPWORDS = Set.of("a", "an", "the", "and", "or", "with", "of", "for", "to", "in",
            "into", "on", "by", "at", "from", "about", "as", "that", "this", "is", "it", "its", "like", "some", "very",
            "but", "so", "my", "our", "your", "me", "i", "we", "be", "make", "using", "more", "less", "much", "plus");

    /**
     * Words deliberately ignored: they describe purpose, theme or quality in ways no stage can act on
     * (what a song is "about", the "production" being "perfect"), or are heads of phrases whose meaning
     * the other words already carry ("music", "style", "effects").
     */
    public static final Set<String> IGNORED = Set.of("music", "style", "perfect", "creating", "production", "version",
            "effect", "effects", "delivery", "modern", "contemporary", "classic", "overcoming", "challenges", "singing_about",
            "atmosphere", "elements", "pattern", "phrases", "passages", "technique", "performance", "arrangements",
            "accompaniment", "composition", "reminiscent", "styling", "period", "subtle", "neon", "italian", "final",
            "beat", "sounds", "add", "energy", "ready", "gradual", "gradually", "flowing", "deep", "electric", "section",
            "chorus", "about", "song", "track", "tune", "vibe", "vibes", "feel", "sound", "type", "kind", "inspired");

    /** Entries, phrases before single words so the longest match wins. */
    public static final Map<String, List<String>> ENTRIES = new LinkedHashMap<>();

    private static void e(String phrase, String... tags) {
        ENTRIES.put(phrase, List.of(tags));
    }

    static {
        // phrases
        e("drum and bass", "genre:drum and bass");
        e("drum n bass", "genre:drum and bass");
        e("hip hop", "genre:hip hop");
        e("singer songwriter", "genre:singer-songwriter");
        e("bossa nova", "genre:bossa nova");
        e("k pop", "genre:k-pop");
        e("four on the floor", "cue:four_on_the_floor");
        e("one drop", "cue:one_drop");
        e("gated reverb", "cue:gated_reverb");
        e("vinyl crackle", "cue:vinyl_crackle");
        e("wind chimes", "cue:wind_chimes");
        e("wah wah", "cue:wah");
        e("fade out", "cue:fade_out");
        e("fade into", "cue:fade_out");
        e("fade", "cue:fade_out");
        e("peaceful silence", "cue:fade_out", "mood:calm");
        e("key change", "cue:key_change");
        e("major key", "mode:major");
        e("minor key", "mode:minor");
        e("unconventional time signatures", "cue:odd_meter");
        e("odd time signatures", "cue:odd_meter");
        e("time signatures", "cue:odd_meter");
        e("upright bass", "inst:upright_bass");
        e("double bass drums", "cue:double_kick", "genre:metal:0.5");
        e("double bass", "inst:upright_bass");
        e("sub bass", "inst:sub_bass");
        e("dub bass", "inst:sub_bass", "cue:dub");
        e("french horns", "inst:french_horn");
        e("french horn", "inst:french_horn");
        e("brass section", "inst:brass");
        e("electric guitars", "inst:electric_guitar");
        e("electric guitar", "inst:electric_guitar");
        e("acoustic guitar", "inst:acoustic_guitar");
        e("fingerpicked guitar", "inst:fingerpicked_guitar");
        e("fingerstyle guitar", "inst:fingerpicked_guitar");
        e("stripped down", "cue:sparse", "energy:down");
        e("coffee shop", "genre:acoustic:0.5", "mood:intimate");
        e("late night", "mood:late_night", "tempo:slow");
        e("backing vocals", "fx:backing_choir");
        e("bel canto", "fx:bel_canto", "voice:soprano");
        e("dance music", "genre:edm");
        e("dance beat", "cue:four_on_the_floor", "genre:edm:0.4");
        e("club ready", "cue:club", "genre:edm:0.4");
        e("movie trailer", "genre:cinematic", "energy:up");
        e("film score", "genre:cinematic");
        e("increasing intensity", "cue:crescendo", "energy:up");
        e("flowing water", "cue:water");
        e("nature sounds", "cue:nature");
        e("r&b", "genre:r&b");
        e("rnb", "genre:r&b");
        e("pop rock", "genre:pop:0.6", "genre:rock");
        e("guitar solo", "cue:solo", "inst:electric_guitar");
        e("rhythmic flow", "voice:rap", "cue:rhythmic");
        e("singing about", "voice:sing");
        // genres
        for (String g : List.of("pop", "rock", "indie", "electronic", "edm", "house", "techno", "synthwave", "downtempo", "lofi",
                "ambient", "cinematic", "orchestral", "classical", "neoclassical", "jazz", "lounge", "blues", "funk", "soul",
                "gospel", "trap", "country", "folk", "acoustic", "ballad", "metal", "reggae", "reggaeton", "waltz", "experimental", "dub", "opera"))
            e(g, "genre:" + g);
        e("hiphop", "genre:hip hop");
        e("dnb", "genre:drum and bass");
        e("kpop", "genre:k-pop");
        e("symphonic", "genre:orchestral");
        e("orchestra", "genre:orchestral");
        e("score", "genre:cinematic");
        e("film", "genre:cinematic");
        e("movie", "genre:cinematic");
        e("trailer", "genre:cinematic", "energy:up");
        e("chillout", "genre:downtempo", "tempo:slow");
        e("chill", "genre:lofi:0.5", "tempo:slow", "energy:down");
        e("lo fi", "genre:lofi");
        e("riddim", "genre:reggae");
        e("dance", "genre:edm:0.6");
        e("club", "cue:club", "genre:edm:0.4");
        e("remix", "genre:edm:0.4", "cue:four_on_the_floor");
        e("meditation", "genre:ambient", "tempo:slow", "energy:down");
        e("chopin", "genre:classical", "inst:piano", "mood:romantic");
        e("anthem", "mood:anthemic", "energy:up");
        e("soundscape", "inst:pad", "cue:texture", "genre:ambient:0.4");
        e("80s", "cue:80s", "genre:synthwave:0.5");
        e("retro", "cue:retro");
        e("singer", "voice:sing");
        e("songwriter", "genre:singer-songwriter");
        // instruments
        e("piano", "inst:piano");
        e("guitar", "inst:guitar");
        e("guitars", "inst:guitar");
        e("drums", "inst:drums");
        e("drum", "inst:drums");
        e("bass", "inst:bass");
        e("strings", "inst:strings");
        e("string", "inst:strings");
        e("violin", "inst:violin");
        e("violins", "inst:violin");
        e("cello", "inst:cello");
        e("saxophone", "inst:saxophone");
        e("sax", "inst:saxophone");
        e("brass", "inst:brass");
        e("horns", "inst:brass");
        e("trumpet", "inst:trumpet");
        e("woodwinds", "inst:woodwinds");
        e("flute", "inst:flute");
        e("timpani", "inst:timpani");
        e("percussion", "inst:percussion");
        e("organ", "inst:organ");
        e("stabs", "cue:stabs");
        e("synths", "inst:synth");
        e("synth", "inst:synth");
        e("synthesizers", "inst:synth");
        e("synthesizer", "inst:synth");
        e("pads", "inst:pad");
        e("pad", "inst:pad");
        e("arpeggiators", "inst:arp");
        e("arpeggiator", "inst:arp");
        e("arpeggios", "inst:arp");
        e("808", "inst:808");
        e("chords", "inst:chords");
        e("choir", "voice:choir");
        e("harp", "inst:harp");
        e("fingerpicked", "inst:fingerpicked_guitar");
        e("fingerstyle", "inst:fingerpicked_guitar");
        e("jangly", "inst:jangly_guitar");
        e("brushed", "inst:brushes");
        e("brushes", "inst:brushes");
        e("melodies", "cue:melodic");
        e("melodic", "cue:melodic");
        e("melody", "cue:melodic");
        e("harmonies", "fx:harmonies");
        // production cues
        e("glitch", "cue:glitch");
        e("glitchy", "cue:glitch");
        e("vinyl", "cue:vinyl_crackle");
        e("crackle", "cue:vinyl_crackle");
        e("water", "cue:water");
        e("rain", "cue:water");
        e("wind", "cue:wind");
        e("chimes", "cue:wind_chimes");
        e("nature", "cue:nature");
        e("reverb", "cue:reverb");
        e("sidechain", "cue:sidechain");
        e("pulsing", "cue:sidechain", "cue:pulsing");
        e("pumping", "cue:sidechain");
        e("buildups", "cue:buildups_drops");
        e("buildup", "cue:buildups_drops");
        e("drops", "cue:buildups_drops");
        e("drop", "cue:buildups_drops");
        e("build", "cue:crescendo");
        e("building", "cue:crescendo");
        e("crescendos", "cue:crescendo");
        e("crescendo", "cue:crescendo");
        e("intensity", "cue:crescendo", "energy:up");
        e("increasing", "cue:crescendo");
        e("distorted", "cue:distortion");
        e("distortion", "cue:distortion");
        e("heavy", "cue:distortion", "energy:up");
        e("wah", "cue:wah");
        e("offbeat", "cue:offbeat_skank");
        e("skanks", "cue:offbeat_skank");
        e("skank", "cue:offbeat_skank");
        e("dub", "cue:dub");
        e("analog", "cue:analog");
        e("textures", "cue:texture");
        e("texture", "cue:texture");
        e("atmospheric", "inst:pad", "cue:texture");
        e("ethereal", "inst:pad", "mood:ethereal");
        e("lush", "cue:lush");
        e("layered", "cue:layered");
        e("minimalist", "cue:sparse", "energy:down");
        e("minimal", "cue:sparse", "energy:down");
        e("stripped", "cue:sparse", "energy:down");
        e("riff", "cue:riff");
        e("riffs", "cue:riff", "fx:runs");
        e("solo", "cue:solo");
        e("dynamics", "cue:dynamics");
        e("dynamic", "cue:dynamics");
        e("contrasts", "cue:dynamics");
        e("complex", "cue:complex_harmony");
        e("sophisticated", "cue:complex_harmony", "mood:sophisticated");
        e("virtuosic", "cue:virtuosic");
        e("technical", "cue:virtuosic");
        e("rhythmic", "cue:rhythmic");
        e("thundering", "cue:big_drums", "energy:up");
        e("epic", "mood:epic", "energy:up");
        e("full", "cue:full");
        e("gated", "cue:gated_reverb");
        e("autotune", "fx:autotune");
        e("vocoder", "fx:vocoder");
        e("key", "cue:key_change");
        e("change", "cue:key_change");
        e("modulation", "cue:key_change");
        // tempo and energy
        e("upbeat", "tempo:fast", "energy:up");
        e("energetic", "tempo:fast", "energy:up");
        e("driving", "tempo:fast", "energy:up");
        e("fast", "tempo:fast");
        e("slow", "tempo:slow", "energy:down");
        e("powerful", "energy:up", "fx:powerful");
        e("explosive", "energy:up");
        e("aggressive", "energy:up", "mood:dark");
        e("soaring", "mood:uplifting", "energy:up");
        e("soft", "energy:down", "mood:soft");
        e("gentle", "energy:down", "mood:soft");
        e("delicate", "energy:down", "mood:soft");
        e("calming", "energy:down", "mood:calm", "tempo:slow");
        e("calm", "energy:down", "mood:calm", "tempo:slow");
        e("peaceful", "energy:down", "mood:calm", "tempo:slow");
        e("relaxation", "energy:down", "mood:calm", "tempo:slow");
        e("relaxing", "energy:down", "mood:calm", "tempo:slow");
        e("smooth", "energy:down", "mood:smooth");
        e("warm", "mood:warm");
        e("intimate", "energy:down", "fx:intimate", "cue:sparse");
        e("night", "mood:late_night");
        e("late", "mood:late_night");
        e("midnight", "mood:late_night");
        // moods that lean the mode
        e("uplifting", "mood:uplifting", "mode:major");
        e("euphoric", "mood:euphoric", "mode:major", "energy:up");
        e("happy", "mood:happy", "mode:major");
        e("joyful", "mood:happy", "mode:major");
        e("bright", "mood:happy", "mode:major");
        e("major", "mode:major");
        e("minor", "mode:minor");
        e("sad", "mood:sad", "mode:minor", "tempo:slow");
        e("melancholic", "mood:sad", "mode:minor");
        e("melancholy", "mood:sad", "mode:minor");
        e("dark", "mood:dark", "mode:minor");
        e("dramatic", "mood:dramatic", "mode:minor");
        e("emotional", "mood:emotional", "fx:emotional");
        e("heartfelt", "mood:emotional", "fx:emotional");
        e("nostalgic", "mood:nostalgic");
        e("romantic", "mood:romantic");
        e("sultry", "mood:sultry", "mode:minor");
        e("dreamy", "mood:ethereal", "inst:pad");
        e("mysterious", "mood:dark", "mode:minor");
        // voice
        e("vocals", "voice:sing");
        e("vocal", "voice:sing");
        e("voice", "voice:sing");
        e("singing", "voice:sing");
        e("male", "voice:male");
        e("man", "voice:male");
        e("female", "voice:female");
        e("woman", "voice:female");
        e("soprano", "voice:soprano");
        e("tenor", "voice:tenor");
        e("baritone", "voice:baritone");
        e("alto", "voice:alto");
        e("rap", "voice:rap");
        e("rapper", "voice:rap");
        e("raw", "fx:raw");
        e("clear", "fx:clear");
        e("articulation", "fx:clear");
        e("confident", "fx:confident");
        e("runs", "fx:runs");
        e("vibrato", "fx:vibrato");
        e("theatrical", "fx:theatrical");
        e("breathy", "fx:breathy");
        e("instrumental", "cue:instrumental");
    }

    /** A matched entry or an ignored/unknown word at a position of the prompt. */
    public record Match(String phrase, List<String> tags, boolean ignored, boolean known) {}

    /** Lower-cases and splits a prompt into word tokens (hyphens and slashes separate words). */
    public static List<String> tokens(String text) {
        String t = text.toLowerCase(Locale.ROOT).replace("r&b", "rnb").replace("lo-fi", "lofi").replace("hip-hop", "hip hop");
        List<String> out = new ArrayList<>();
        for (String s : t.split("[^a-z0-9']+")) {
            s = s.replaceAll("^'+|'+$", "");
            if (s.endsWith("'s")) s = s.substring(0, s.length() - 2);
            if (!s.isEmpty()) out.add(s);
        }
        return out;
    }

    /** Reads the tokens left to right, longest phrase first; stopwords are skipped. */
    public static List<Match> match(List<String> tokens) {
        List<Match> out = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            Match best = null;
            int bestLen = 0;
            for (int len = Math.min(4, tokens.size() - i); len >= 1; len--) {
                String phrase = String.join(" ", tokens.subList(i, i + len));
                List<String> tags = ENTRIES.get(phrase);
                if (tags != null) {
                    best = new Match(phrase, tags, false, true);
                    bestLen = len;
                    break;
                }
            }
            if (best != null) {
                out.add(best);
                i += bestLen;
                continue;
            }
            String w = tokens.get(i);
            if (!STOPWORDS.contains(w)) {
                boolean ignored = IGNORED.contains(w) || w.chars().allMatch(Character::isDigit);
                out.add(new Match(w, List.of(), ignored, ignored));
            }
            i++;
        }
        return out;
    }
}
