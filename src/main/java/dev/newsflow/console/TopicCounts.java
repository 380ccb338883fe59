package dev.newsflow.console;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Articles per topic per minute over the last hour, for the console's sparklines; counted from the feed by each
 * article's processing time, so a restarted console that reads back recent records draws the same curves.
 */
final class TopicCounts {

    static final int MINUTES = 60;

    /**
     * A snapshot: one array per topic, busiest topic first.
     *
     * @param endMinute the last minute (epoch minutes) of every series; {@code counts[MINUTES - 1]} is that minute
     */
    record Snapshot(long endMinute, Map<String, int[]> topics) {
    }

    /** Per topic, the last hour's minutes as a ring: slot {@code minute % MINUTES}, valid while its minute matches. */
    private final Map<String, long[]> slotMinutes = new HashMap<>();
    private final Map<String, int[]> slotCounts = new HashMap<>();

    synchronized void record(Collection<String> topics, Instant at) {
        long minute = Math.floorDiv(at.getEpochSecond(), 60);
        int slot = (int) Math.floorMod(minute, MINUTES);
        for (String topic : topics) {
            long[] minutes = slotMinutes.computeIfAbsent(topic, t -> new long[MINUTES]);
            int[] counts = slotCounts.computeIfAbsent(topic, t -> new int[MINUTES]);
            if (minutes[slot] < minute) {
                minutes[slot] = minute;
                counts[slot] = 0;
            } else if (minutes[slot] > minute) {
                continue; // older than the hour the slot now holds
            }
            counts[slot]++;
        }
    }

    /** The hour ending with the minute of {@code now}; topics with nothing in it are left out. */
    synchronized Snapshot snapshot(Instant now) {
        long end = Math.floorDiv(now.getEpochSecond(), 60);
        Map<String, int[]> series = new HashMap<>();
        slotMinutes.forEach((topic, minutes) -> {
            int[] counts = slotCounts.get(topic);
            int[] out = new int[MINUTES];
            boolean any = false;
            for (int i = 0; i < MINUTES; i++) {
                long minute = end - (MINUTES - 1) + i;
                int slot = (int) Math.floorMod(minute, MINUTES);
                if (minutes[slot] == minute && counts[slot] > 0) {
                    out[i] = counts[slot];
                    any = true;
                }
            }
            if (any) {
                series.put(topic, out);
            }
        });
        List<Map.Entry<String, int[]>> sorted = new ArrayList<>(series.entrySet());
        sorted.sort(Comparator.comparingInt((Map.Entry<String, int[]> e) -> -sum(e.getValue())).thenComparing(Map.Entry::getKey));
        Map<String, int[]> ordered = new LinkedHashMap<>();
        sorted.forEach(e -> ordered.put(e.getKey(), e.getValue()));
        return new Snapshot(end, ordered);
    }

    private static int sum(int[] counts) {
        int total = 0;
        for (int count : counts) {
            total += count;
        }
        return total;
    }
}
