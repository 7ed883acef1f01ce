package io.producer.engine.style;

import io.producer.engine.Seeds;
import io.producer.engine.SongRequest;
import io.producer.engine.score.Key;
import io.producer.engine.score.Meter;
import io.producer.engine.score.Voice;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code sound} prompt to a {@link Style}. Explicit instructions ("92 bpm", "in D minor", "7/8")
 * win outright; words of the {@link Vocabulary} vote for genres, tempo, mode, energy, instruments,
 * voice and production cues; what the words leave open comes from the genre blend, drawn from the
 * request's seed. {@code soundStrength} scales how far the prompt's words move tempo and energy away
 * from the genre's defaults; {@code weirdness} widens the tempo jitter and opens odd meters and modes.
 * Thread-safe (stateless).
 */
public final class StyleReader {
    /**
     * Slow words never take a song below this without an explicit "N bpm": under it the beats are
     * more than 0.94 s apart, listeners (and beat trackers) count the eighths instead, and a
     * "peaceful" 57 BPM song is heard at 114.
     */
    static final double SLOWEST_FELT_BPM = 64;
    private static final Pattern BPM = Pattern.compile("(\\d{2,3})\\s*bpm", Pattern.CASE_INSENSITIVE);
    private static final Pattern KEY = Pattern.compile("\\b(?:in|key of|key)?\\s*\\b([A-Ga-g])\\s*(#|♯|b|♭|-sharp|-flat| sharp| flat)?\\s*(major|minor|maj|min)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern METER = Pattern.compile("\\b(\\d{1,2})\\s*/\\s*(4|8|2|16)\\b");

    public Style read(SongRequest request, boolean hasLyrics) {
        return read(request.sound(), request.title(), hasLyrics, request.makeInstrumental(), request.soundStrength(),
                request.weirdness(), request.lyricsStrength(), request.seed());
    }

    public Style read(String sound, String title, boolean hasLyrics, boolean makeInstrumental, double soundStrength,
                      double weirdness, double lyricsStrength, String seed) {
        String text = sound == null ? "" : sound;
        SplittableRandom rnd = Seeds.stream(Seeds.hash(seed), "style", 0);
        double strength = clamp(soundStrength, 0.2, 1.0);
        double weird = clamp(weirdness, 0, 1);

        Integer explicitBpm = null;
        Matcher bm = BPM.matcher(text);
        if (bm.find()) {
            explicitBpm = Integer.parseInt(bm.group(1));
            text = text.substring(0, bm.start()) + " " + text.substring(bm.end());
        }
        Key explicitKey = null;
        Matcher km = KEY.matcher(text);
        if (km.find()) {
            explicitKey = parseKey(km);
            text = text.substring(0, km.start()) + " " + text.substring(km.end());
        } else if (title != null) {
            Matcher tm = KEY.matcher(title);
            if (tm.find()) explicitKey = parseKey(tm);
        }
        Meter explicitMeter = null;
        Matcher mm = METER.matcher(text);
        if (mm.find()) {
            explicitMeter = new Meter(Integer.parseInt(mm.group(1)), Integer.parseInt(mm.group(2)));
            text = text.substring(0, mm.start()) + " " + text.substring(mm.end());
        }

        Map<String, Double> genreVotes = new LinkedHashMap<>();
        Set<String> instruments = new LinkedHashSet<>(), cues = new LinkedHashSet<>(), moods = new LinkedHashSet<>(),
                fx = new LinkedHashSet<>(), voiceTags = new LinkedHashSet<>();
        int tempoVote = 0, energyVote = 0, modeVote = 0, genreOrder = 0;
        for (Vocabulary.Match m : Vocabulary.match(Vocabulary.tokens(text))) {
            for (String tag : m.tags()) {
                String[] p = tag.split(":");
                String kind = p[0], value = p[1];
                switch (kind) {
                    case "genre" -> {
                        double w = (p.length > 2 ? Double.parseDouble(p[2]) : 1.0) * Math.max(0.4, 1.0 - 0.15 * genreOrder++);
                        genreVotes.merge(value, w, Double::sum);
                    }
                    case "inst" -> instruments.add(value);
                    case "cue" -> cues.add(value);
                    case "mood" -> moods.add(value);
                    case "fx" -> fx.add(value);
                    case "voice" -> voiceTags.add(value);
                    case "tempo" -> tempoVote += value.equals("fast") ? 1 : -1;
                    case "energy" -> energyVote += value.equals("up") ? 1 : -1;
                    case "mode" -> modeVote += value.equals("major") ? 2 : -2;
                    default -> throw new IllegalStateException("unknown vocabulary tag " + tag);
                }
            }
        }
        if (genreVotes.isEmpty()) genreVotes.put(inferGenre(instruments, cues, voiceTags), 1.0);
        List<Style.GenreWeight> genres = normalise(genreVotes);
        Genre main = GenreCatalogue.get(genres.get(0).genre());

        // tempo: the genre blend's range, moved by tempo words as strongly as the prompt is weighted
        double lo = 0, hi = 0;
        for (Style.GenreWeight gw : genres) {
            Genre g = GenreCatalogue.get(gw.genre());
            lo += g.tempoLo() * gw.weight();
            hi += g.tempoHi() * gw.weight();
        }
        double pos = 0.5 + (rnd.nextDouble() - 0.5) * (0.5 + 0.5 * weird);
        pos += 0.35 * Math.signum(tempoVote) * Math.min(2, Math.abs(tempoVote)) * strength;
        double bpm = Math.max(SLOWEST_FELT_BPM, lo + (hi - lo) * clamp(pos, -0.15, 1.15));
        if (explicitBpm != null) bpm = explicitBpm;
        bpm = Math.round(clamp(bpm, 40, 220));

        Meter meter = explicitMeter != null ? explicitMeter : main.meter();
        if (explicitMeter == null && (cues.contains("odd_meter") || (main.name().equals("experimental") && weird > 0.85)))
            meter = rnd.nextBoolean() ? new Meter(7, 8) : new Meter(5, 4);
        if (explicitMeter == null && genres.stream().anyMatch(g -> g.genre().equals("waltz"))) meter = new Meter(3, 4);

        Key key = explicitKey;
        if (key == null) {
            double major = 0;
            for (Style.GenreWeight gw : genres) major += GenreCatalogue.get(gw.genre()).majorProbability() * gw.weight();
            boolean isMajor;
            if (modeVote != 0) isMajor = modeVote > 0;
            else if (moods.contains("dramatic") || moods.contains("late_night") || moods.contains("nostalgic"))
                isMajor = rnd.nextDouble() < major * 0.6;
            else isMajor = rnd.nextDouble() < major;
            int[] tonics = isMajor ? new int[]{0, 2, 4, 5, 7, 9, 10, 3} : new int[]{9, 2, 4, 0, 11, 6, 7, 5};
            int tonic = tonics[rnd.nextInt(tonics.length)];
            Key.Mode mode = isMajor ? Key.Mode.MAJOR : Key.Mode.MINOR;
            if (!isMajor && (main.name().equals("funk") || main.name().equals("house")) && rnd.nextDouble() < 0.5) mode = Key.Mode.DORIAN;
            if (isMajor && weird > 0.7 && rnd.nextDouble() < weird - 0.5) mode = Key.Mode.LYDIAN;
            key = new Key(tonic, mode);
        }

        double energy = 0;
        for (Style.GenreWeight gw : genres) energy += GenreCatalogue.get(gw.genre()).energy() * gw.weight();
        energy += 0.12 * Math.signum(energyVote) * Math.min(3, Math.abs(energyVote)) * (0.5 + strength);
        energy = clamp(energy, 0.05, 1.0);

        List<String> production = new ArrayList<>(cues);
        for (Style.GenreWeight gw : genres) for (String c : impliedCues(gw.genre())) if (!production.contains(c)) production.add(c);
        if (production.contains("odd_meter") && !meter.equals(Meter.FOUR_FOUR)) production.remove("four_on_the_floor");

        Voice voice = makeInstrumental ? null : voice(voiceTags, fx, main, hasLyrics, rnd);
        return new Style(genres, bpm, meter, key, energy, List.copyOf(instruments), voice, production,
                List.copyOf(moods), strength, weird, clamp(lyricsStrength, 0, 1));
    }

    private static List<String> impliedCues(String genre) {
        return switch (genre) {
            case "edm", "electronic", "k-pop" -> List.of("four_on_the_floor", "sidechain", "buildups_drops");
            case "house", "techno" -> List.of("four_on_the_floor", "sidechain");
            case "reggae", "dub" -> List.of("one_drop", "offbeat_skank");
            case "synthwave" -> List.of("gated_reverb", "arpeggiator");
            case "lofi" -> List.of("vinyl_crackle");
            case "cinematic", "orchestral" -> List.of("crescendo");
            case "experimental" -> List.of("glitch");
            default -> List.of();
        };
    }

    private static String inferGenre(Set<String> inst, Set<String> cues, Set<String> voice) {
        if (voice.contains("rap")) return "hip hop";
        if (inst.contains("synth") || inst.contains("808") || inst.contains("arp")) return "electronic";
        if (inst.contains("french_horn") || inst.contains("timpani") || inst.contains("woodwinds")) return "orchestral";
        if (inst.contains("fingerpicked_guitar") || inst.contains("acoustic_guitar")) return "acoustic";
        if (inst.contains("pad") || cues.contains("texture")) return "ambient";
        if (inst.contains("electric_guitar") || cues.contains("distortion")) return "rock";
        if (inst.contains("saxophone") || inst.contains("upright_bass")) return "jazz";
        if (voice.contains("soprano")) return "opera";
        if (inst.contains("piano") || inst.contains("strings")) return "ballad";
        return "pop";
    }

    private static List<Style.GenreWeight> normalise(Map<String, Double> votes) {
        List<Map.Entry<String, Double>> e = new ArrayList<>(votes.entrySet());
        e.sort((a, b) -> Double.compare(b.getValue(), a.getValue())); // stable: ties keep prompt order
        if (e.size() > 3) e = e.subList(0, 3);
        double sum = 0;
        for (var x : e) sum += x.getValue();
        List<Style.GenreWeight> out = new ArrayList<>();
        for (var x : e) out.add(new Style.GenreWeight(x.getKey(), x.getValue() / sum));
        return out;
    }

    private static Voice voice(Set<String> tags, Set<String> fx, Genre main, boolean hasLyrics, SplittableRandom rnd) {
        List<String> effects = new ArrayList<>(fx);
        if (!hasLyrics) effects.add("wordless");
        boolean backing = fx.contains("backing_choir");
        Voice.Type type;
        if (tags.contains("rap")) type = Voice.Type.RAP;
        else if (tags.contains("choir") && !backing) type = Voice.Type.CHOIR;
        else if (tags.contains("soprano")) type = Voice.Type.SOPRANO;
        else if (tags.contains("tenor")) type = Voice.Type.TENOR;
        else if (tags.contains("baritone")) type = Voice.Type.BARITONE;
        else if (tags.contains("alto")) type = Voice.Type.ALTO;
        else if (tags.contains("female")) type = Voice.Type.FEMALE;
        else if (tags.contains("male")) type = Voice.Type.MALE;
        else if (main.voice() != null) type = main.voice();
        else type = rnd.nextBoolean() ? Voice.Type.FEMALE : Voice.Type.MALE;
        if (type == Voice.Type.RAP && tags.contains("female")) effects.add("female");
        if (tags.contains("choir") && backing && !effects.contains("backing_choir")) effects.add("backing_choir");
        int[] range = range(type, effects);
        return new Voice(type, range[0], range[1], effects);
    }

    /** Comfortable sung range per voice type (MIDI note numbers). */
    public static int[] range(Voice.Type type, List<String> effects) {
        return switch (type) {
            case MALE -> new int[]{48, 67};
            case TENOR -> new int[]{50, 69};
            case BARITONE -> new int[]{45, 64};
            case FEMALE -> new int[]{57, 76};
            case ALTO -> new int[]{55, 72};
            case SOPRANO -> new int[]{60, 81};
            case CHOIR -> new int[]{55, 72};
            case RAP -> effects.contains("female") ? new int[]{55, 67} : new int[]{45, 57};
        };
    }

    private static Key parseKey(Matcher m) {
        String letter = m.group(1).toUpperCase(Locale.ROOT);
        String acc = m.group(2) == null ? "" : m.group(2).trim().toLowerCase(Locale.ROOT);
        String mode = m.group(3).toLowerCase(Locale.ROOT);
        int pc = switch (letter) {
            case "C" -> 0; case "D" -> 2; case "E" -> 4; case "F" -> 5; case "G" -> 7; case "A" -> 9; default -> 11;
        };
        if (acc.equals("#") || acc.equals("♯") || acc.endsWith("sharp")) pc++;
        if (acc.equals("b") || acc.equals("♭") || acc.endsWith("flat")) pc--;
        return new Key(Math.floorMod(pc, 12), mode.startsWith("min") ? Key.Mode.MINOR : Key.Mode.MAJOR);
    }

    private static double clamp(double v, double lo, double hi) { return Math.max(lo, Math.min(hi, v)); }
}
