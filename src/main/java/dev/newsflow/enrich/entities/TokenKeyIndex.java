package dev.newsflow.enrich.entities;

import java.util.Map;

/**
 * A read-only map from token keys to values, looked up by a token of {@link TextTokens} without making the token's
 * key string: open addressing on the key's hash, which the tokens already carry. Each key's slot is a small int
 * that stays fixed, so callers can look a token up once and then compare slots instead of strings.
 *
 * @param <V> the value type
 */
public final class TokenKeyIndex<V> {

    private final String[] keys;
    private final int[] hashes; // keys[slot].hashCode(), so a probe rejects other keys without touching their strings
    private final Object[] values;
    private final int mask;

    public TokenKeyIndex(Map<String, V> map) {
        int capacity = Integer.highestOneBit(Math.max(16, map.size() * 3) - 1) << 1; // load <= 1/3
        keys = new String[capacity];
        hashes = new int[capacity];
        values = new Object[capacity];
        mask = capacity - 1;
        map.forEach((key, value) -> {
            int slot = slot(key.hashCode());
            while (keys[slot] != null) {
                slot = (slot + 1) & mask;
            }
            keys[slot] = key;
            hashes[slot] = key.hashCode();
            values[slot] = value;
        });
    }

    private int slot(int hash) {
        int h = hash * 0x9E3779B9;
        return (h ^ (h >>> 16)) & mask;
    }

    /** The value of token {@code i}'s key, or null. */
    @SuppressWarnings("unchecked")
    public V get(TextTokens tokens, int i) {
        int slot = slotOf(tokens, i);
        return slot < 0 ? null : (V) values[slot];
    }

    /** The slot of token {@code i}'s key, or -1 when the key is not in the map. */
    public int slotOf(TextTokens tokens, int i) {
        int hash = tokens.hash(i);
        int slot = slot(hash);
        String key;
        while ((key = keys[slot]) != null) {
            if (hashes[slot] == hash && tokens.keyEquals(i, key)) {
                return slot;
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    /** The slot of {@code key}, or -1 when it is not in the map. */
    public int slotOf(String key) {
        int hash = key.hashCode();
        int slot = slot(hash);
        String k;
        while ((k = keys[slot]) != null) {
            if (hashes[slot] == hash && k.equals(key)) {
                return slot;
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    /** The number of slots: every slot {@link #slotOf} returns is below it. */
    public int capacity() {
        return keys.length;
    }

    /** The value in {@code slot} (from {@link #slotOf}). */
    @SuppressWarnings("unchecked")
    public V valueAt(int slot) {
        return (V) values[slot];
    }
}
