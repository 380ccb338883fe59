package dev.newsflow.enrich.ner;

/** Open-addressing map from non-zero 64-bit keys to ints (missing: -1). Reads are thread-safe once built. */
final class LongIntMap {
    private long[] keys;
    private int[] vals;
    private int mask;
    private int size;

    LongIntMap(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new long[cap];
        vals = new int[cap];
        mask = cap - 1;
    }

    int size() {
        return size;
    }

    int get(long key) {
        int i = (int) (key ^ (key >>> 29)) & mask;
        while (true) {
            long k = keys[i];
            if (k == key) {
                return vals[i];
            }
            if (k == 0) {
                return -1;
            }
            i = (i + 1) & mask;
        }
    }

    /** Returns the existing value, or stores {@code value} and returns -1. */
    int putIfAbsent(long key, int value) {
        if (key == 0) {
            key = 1;
        }
        int i = (int) (key ^ (key >>> 29)) & mask;
        while (true) {
            long k = keys[i];
            if (k == key) {
                return vals[i];
            }
            if (k == 0) {
                keys[i] = key;
                vals[i] = value;
                if (++size * 2 > keys.length) {
                    grow();
                }
                return -1;
            }
            i = (i + 1) & mask;
        }
    }

    void put(long key, int value) {
        if (key == 0) {
            key = 1;
        }
        int i = (int) (key ^ (key >>> 29)) & mask;
        while (true) {
            long k = keys[i];
            if (k == key || k == 0) {
                if (k == 0) {
                    keys[i] = key;
                    if (++size * 2 > keys.length) {
                        vals[i] = value;
                        grow();
                        return;
                    }
                }
                vals[i] = value;
                return;
            }
            i = (i + 1) & mask;
        }
    }

    /** Calls {@code f} for every entry. */
    void forEach(java.util.function.BiConsumer<Long, Integer> f) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != 0) {
                f.accept(keys[i], vals[i]);
            }
        }
    }

    private void grow() {
        long[] ok = keys;
        int[] ov = vals;
        keys = new long[ok.length * 2];
        vals = new int[ok.length * 2];
        mask = keys.length - 1;
        size = 0;
        for (int i = 0; i < ok.length; i++) {
            if (ok[i] != 0) {
                put(ok[i], ov[i]);
            }
        }
    }

    @Override
    public String toString() {
        return "LongIntMap[" + size + "/" + keys.length + "]";
    }
}
