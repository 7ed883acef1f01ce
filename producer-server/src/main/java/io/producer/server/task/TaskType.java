package io.producer.server.task;

import java.util.Arrays;
import java.util.List;

/** Every kind of task the queue runs, with its wire name and its price in credits. */
public enum TaskType {
    CREATE_MUSIC("create_music", 10, false),
    EXTEND_MUSIC("extend_music", 10, true),
    COVER_MUSIC("cover_music", 10, true),
    REPLACE_MUSIC("replace_music", 10, true),
    MUSIC_VARIATION("music_variation", 10, true),
    SWAP_MUSIC_VOCALS("swap_music_vocals", 10, true),
    SWAP_MUSIC_SOUND("swap_music_sound", 10, true),
    UPLOAD("upload", 2, false),
    DOWNLOAD("download", 2, true);

    private final String wire;
    private final int cost;
    private final boolean needsClip;

    TaskType(String wire, int cost, boolean needsClip) {
        this.wire = wire;
        this.cost = cost;
        this.needsClip = needsClip;
    }

    public String wire() { return wire; }
    public int cost() { return cost; }
    public boolean needsClip() { return needsClip; }
    public boolean isCreateEndpoint() { return this != UPLOAD && this != DOWNLOAD; }

    public static TaskType byWire(String s) {
        for (TaskType t : values()) if (t.wire.equals(s)) return t;
        return null;
    }

    /** The task_type values the /create endpoint accepts. */
    public static List<String> createTypes() {
        return Arrays.stream(values()).filter(TaskType::isCreateEndpoint).map(TaskType::wire).toList();
    }
}
