package dev.newsflow.enrich.entities;

import java.util.Map;

/**
 * A read-only map from token keys to values, looked up by a token of {@link TextTokens} without making the token's
 * key string: open addressing on the key's hash, which the tokens already carry.
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
        int hash = tokens.hash(i);
        int slot = slot(hash);
        String key;
        while ((key = keys[slot]) != null) {
            if (hashes[slot] == hash && tokens.keyEquals(i, key)) {
                return (V) values[slot];
            }
            slot = (slot + 1) & mask;
        }
        return null;
    }
}
