package dev.newsflow.enrich.ner;

/**
 * Read-only open-addressing table from 64-bit feature keys to rows, one {@code long} a slot (upper 32 bits of the
 * key as a check, row in the lower 32 bits) so that a lookup usually costs one cache miss. A key that was never
 * stored matches a stored one with probability about 2^-32 per probe, which is harmless for a linear model.
 */
final class FeatureTable {
    private final long[] slots;
    private final int mask;

    FeatureTable(LongIntMap map) {
        // load between 1/4 and 1/2: eight slots share a cache line, so a lookup rarely probes a second line, and the
        // table is half the size it was at a load of 1/6 to 1/3 (4 MB instead of 8 for the 200,000 rows of both passes)
        int cap = Integer.highestOneBit(Math.max(16, map.size() * 2)) << 1;
        slots = new long[cap];
        mask = cap - 1;
        map.forEach((boxed, row) -> {
            long key = boxed;
            int check = check(key);
            int i = (int) key & mask;
            while (slots[i] != 0) {
                i = (i + 1) & mask;
            }
            slots[i] = ((long) check << 32) | row;
        });
    }

    private static int check(long key) {
        return (int) (key >>> 32) | 1;
    }

    int get(long key) {
        int check = check(key);
        int i = (int) key & mask;
        while (true) {
            long s = slots[i];
            if (s == 0) {
                return -1;
            }
            if ((int) (s >>> 32) == check) {
                return (int) s;
            }
            i = (i + 1) & mask;
        }
    }
}
