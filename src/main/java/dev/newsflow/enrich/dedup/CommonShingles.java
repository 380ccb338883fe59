package dev.newsflow.enrich.dedup;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Shingles that many unrelated articles share (outlet templates, newsletter prompts, photo-gallery captions,
 * stock phrases): they say nothing about one article copying another, so fingerprints leave them out. The
 * shipped list comes from a reference corpus ({@link CommonShinglesBuilder}; {@code src/main/resources/dedup/NOTE.md}).
 */
public final class CommonShingles {

    static final String RESOURCE = "/dedup/common-shingles.bin.gz";
    private static final int MAGIC = 0x4e464353; // "NFCS"
    private static final int FORMAT = 1;

    private static volatile CommonShingles shipped;

    private final long[] sorted;
    private final int minDocuments;
    /**
     * The same hashes in an open-addressing table (0 marks a free slot), for one probe per lookup instead of a
     * binary search's dozen or so cache misses: every article's lead asks about a hundred shingles or more.
     */
    private final long[] table;
    private final int mask;
    private final boolean containsZero;

    private CommonShingles(long[] sorted, int minDocuments) {
        this.sorted = sorted;
        this.minDocuments = minDocuments;
        int capacity = Integer.highestOneBit(Math.max(16, sorted.length * 3) - 1) << 1; // load <= 1/3
        this.table = new long[capacity];
        this.mask = capacity - 1;
        boolean zero = false;
        for (long hash : sorted) {
            if (hash == 0) {
                zero = true;
                continue;
            }
            int slot = slot(hash);
            while (table[slot] != 0 && table[slot] != hash) {
                slot = (slot + 1) & mask;
            }
            table[slot] = hash;
        }
        this.containsZero = zero;
    }

    private int slot(long hash) {
        return (int) (hash ^ (hash >>> 32)) * 0x9E3779B9 >>> 7 & mask;
    }

    /** No common shingles: every shingle counts. */
    public static CommonShingles none() {
        return new CommonShingles(new long[0], 0);
    }

    /** From shingle hashes, in any order. */
    public static CommonShingles of(long[] hashes, int minDocuments) {
        long[] copy = hashes.clone();
        Arrays.sort(copy);
        return new CommonShingles(copy, minDocuments);
    }

    /** The list shipped with newsflow, loaded once. */
    public static CommonShingles shipped() {
        CommonShingles list = shipped;
        if (list == null) {
            synchronized (CommonShingles.class) {
                if (shipped == null) {
                    try (InputStream in = CommonShingles.class.getResourceAsStream(RESOURCE)) {
                        if (in == null) {
                            throw new IllegalStateException("resource " + RESOURCE + " is missing from the classpath");
                        }
                        shipped = read(in);
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot read " + RESOURCE, e);
                    }
                }
                list = shipped;
            }
        }
        return list;
    }

    public boolean contains(long shingle) {
        if (shingle == 0) {
            return containsZero;
        }
        int slot = slot(shingle);
        long found;
        while ((found = table[slot]) != 0) {
            if (found == shingle) {
                return true;
            }
            slot = (slot + 1) & mask;
        }
        return false;
    }

    public int size() {
        return sorted.length;
    }

    /** The document frequency from which a shingle counted as common when the list was built. */
    public int minDocuments() {
        return minDocuments;
    }

    static CommonShingles read(InputStream raw) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(raw)));
        if (in.readInt() != MAGIC || in.readInt() != FORMAT) {
            throw new IOException("not a common-shingle list of format " + FORMAT);
        }
        int minDocuments = in.readInt();
        long[] hashes = new long[in.readInt()];
        for (int i = 0; i < hashes.length; i++) {
            hashes[i] = in.readLong();
        }
        return new CommonShingles(hashes, minDocuments);
    }

    void write(OutputStream raw) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new GZIPOutputStream(raw)))) {
            out.writeInt(MAGIC);
            out.writeInt(FORMAT);
            out.writeInt(minDocuments);
            out.writeInt(sorted.length);
            for (long hash : sorted) {
                out.writeLong(hash);
            }
        }
    }
}
