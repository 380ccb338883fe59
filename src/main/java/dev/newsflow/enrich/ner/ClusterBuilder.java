package dev.newsflow.enrich.ner;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Builds the NER lexicon ({@link Lexicon}) from unlabelled news: article bodies from a JSON-lines file (gzip'd
 * or not; the {@code body} field) are tokenised with {@link NerTokenizer}; for every frequent word it records
 * how often its lower-cased form is capitalised away from a sentence start, and it clusters the most frequent
 * words by their immediate left and right neighbours (positive PMI vectors, random-projected to a dense space,
 * spherical k-means into the finest level, then k-means over the centroids for the coarser levels).
 *
 * <p>Usage: {@code ClusterBuilder ARTICLES.jsonl.gz OUT.tsv.gz [--vocab 60000] [--lexicon 120000]
 * [--contexts 2000] [--dim 160] [--levels 16,64,256,800] [--iterations 12] [--max-articles N]}.
 */
public final class ClusterBuilder {

    private ClusterBuilder() { }

    public static void main(String[] args) throws IOException {
        Path in = Path.of(args[0]);
        Path out = Path.of(args[1]);
        int vocab = 60000, lexSize = 120000, contexts = 2000, dim = 160, iters = 12, maxArticles = Integer.MAX_VALUE;
        int[] levels = {16, 64, 256, 800};
        for (int i = 2; i < args.length; i++) {
            switch (args[i]) {
                case "--vocab" -> vocab = Integer.parseInt(args[++i]);
                case "--lexicon" -> lexSize = Integer.parseInt(args[++i]);
                case "--contexts" -> contexts = Integer.parseInt(args[++i]);
                case "--dim" -> dim = Integer.parseInt(args[++i]);
                case "--iterations" -> iters = Integer.parseInt(args[++i]);
                case "--max-articles" -> maxArticles = Integer.parseInt(args[++i]);
                case "--levels" -> levels = Arrays.stream(args[++i].split(",")).mapToInt(Integer::parseInt).toArray();
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        long t0 = System.nanoTime();
        // 1. token stream as type ids (-1 = sentence boundary), counts
        Map<String, Integer> ids = new HashMap<>(1 << 20);
        List<String> types = new ArrayList<>();
        int[] stream = new int[1 << 24];
        int sp = 0;
        int[] count = new int[1 << 16];
        int[] nonInitial = new int[1 << 16];
        int[] nonInitialCap = new int[1 << 16];
        int articles = 0;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                in.toString().endsWith(".gz") ? new GZIPInputStream(Files.newInputStream(in), 1 << 16)
                        : Files.newInputStream(in), StandardCharsets.UTF_8), 1 << 16)) {
            String line;
            while ((line = r.readLine()) != null && articles < maxArticles) {
                String body = jsonString(line, "body");
                if (body == null || body.isEmpty()) {
                    continue;
                }
                articles++;
                for (String para : body.split("\n")) {
                    for (List<NerTokenizer.Token> sent : NerTokenizer.sentences(para)) {
                        String prev = null;
                        for (int k = 0; k < sent.size(); k++) {
                            String w = sent.get(k).text();
                            Integer id = ids.get(w);
                            if (id == null) {
                                id = types.size();
                                ids.put(w, id);
                                types.add(w);
                                if (id >= count.length) {
                                    count = Arrays.copyOf(count, count.length * 2);
                                    nonInitial = Arrays.copyOf(nonInitial, nonInitial.length * 2);
                                    nonInitialCap = Arrays.copyOf(nonInitialCap, nonInitialCap.length * 2);
                                }
                            }
                            count[id]++;
                            boolean initial = k == 0 || prev.equals("\"") || prev.equals(":") || prev.equals("\u201c")
                                    || prev.equals("(") || prev.equals("-") || prev.equals("--") || prev.equals("\u2014");
                            if (!initial && Character.isLetter(w.charAt(0))) {
                                nonInitial[id]++;
                                if (Character.isUpperCase(w.charAt(0))) {
                                    nonInitialCap[id]++;
                                }
                            }
                            if (sp + 2 >= stream.length) {
                                stream = Arrays.copyOf(stream, stream.length * 2);
                            }
                            stream[sp++] = id;
                            prev = w;
                        }
                        stream[sp++] = -1;
                    }
                }
            }
        }
        int nTypes = types.size();
        System.out.printf(Locale.ROOT, "%d articles, %d tokens, %d types (%.0f s)%n", articles, sp, nTypes,
                (System.nanoTime() - t0) / 1e9);

        // 2. frequency ranks
        Integer[] byFreq = new Integer[nTypes];
        for (int i = 0; i < nTypes; i++) {
            byFreq[i] = i;
        }
        final int[] cnt = count;
        Arrays.sort(byFreq, (a, b) -> Integer.compare(cnt[b], cnt[a]));
        int[] rank = new int[nTypes];
        for (int i = 0; i < nTypes; i++) {
            rank[byFreq[i]] = i;
        }
        vocab = Math.min(vocab, nTypes);
        lexSize = Math.min(lexSize, nTypes);
        contexts = Math.min(contexts, nTypes);

        // capitalisation share per lower-cased form
        Map<String, int[]> capByLower = new HashMap<>();
        for (int i = 0; i < nTypes; i++) {
            if (nonInitial[i] == 0) {
                continue;
            }
            int[] c = capByLower.computeIfAbsent(types.get(i).toLowerCase(Locale.ROOT), x -> new int[2]);
            c[0] += nonInitialCap[i];
            c[1] += nonInitial[i];
        }

        // 3. context pairs: key = word * (2 * C + 2) + slot, slots: left ctx 0..C (C = other), right C+1..2C+1
        int C = contexts;
        int slots = 2 * C + 2;
        long[] pairs = new long[sp * 2];
        int np = 0;
        for (int i = 0; i < sp; i++) {
            int id = stream[i];
            if (id < 0 || rank[id] >= vocab) {
                continue;
            }
            long w = rank[id];
            int l = i > 0 ? stream[i - 1] : -1;
            int rr = i + 1 < sp ? stream[i + 1] : -1;
            int ls = l < 0 ? C : Math.min(rank[l], C);
            int rs = rr < 0 ? 2 * C + 1 : C + 1 + Math.min(rank[rr], C);
            pairs[np++] = w * slots + ls;
            pairs[np++] = w * slots + rs;
        }
        stream = null;
        Arrays.sort(pairs, 0, np);
        System.out.printf(Locale.ROOT, "%d context pairs sorted (%.0f s)%n", np, (System.nanoTime() - t0) / 1e9);
        // marginals
        double[] wc = new double[vocab];
        double[] cc = new double[slots];
        for (int i = 0; i < np; i++) {
            wc[(int) (pairs[i] / slots)]++;
            cc[(int) (pairs[i] % slots)]++;
        }
        double total = np;
        // context smoothing (alpha 0.75) as in Levy et al.
        double ccSum = 0;
        double[] ccs = new double[slots];
        for (int s = 0; s < slots; s++) {
            ccs[s] = Math.pow(cc[s], 0.75);
            ccSum += ccs[s];
        }
        // random projection
        Random rnd = new Random(7);
        float[] proj = new float[slots * dim];
        for (int i = 0; i < proj.length; i++) {
            proj[i] = (float) rnd.nextGaussian();
        }
        float[] vec = new float[vocab * dim];
        for (int i = 0; i < np; ) {
            long key = pairs[i];
            int j = i;
            while (j < np && pairs[j] == key) {
                j++;
            }
            int w = (int) (key / slots);
            int s = (int) (key % slots);
            double pmi = Math.log((j - i) / wc[w] / (ccs[s] / ccSum));
            if (pmi > 0 && s != C && s != 2 * C + 1) {
                float v = (float) pmi;
                int vb = w * dim, pb = s * dim;
                for (int d = 0; d < dim; d++) {
                    vec[vb + d] += v * proj[pb + d];
                }
            }
            i = j;
        }
        pairs = null;
        for (int w = 0; w < vocab; w++) {
            normalise(vec, w * dim, dim);
        }
        System.out.printf(Locale.ROOT, "vectors built (%.0f s)%n", (System.nanoTime() - t0) / 1e9);

        // 4. spherical k-means at the finest level, weighted by nothing (every word counts once)
        int kFine = levels[levels.length - 1];
        int[] assign = kmeans(vec, vocab, dim, kFine, iters, new Random(11), null);
        float[] cent = centroids(vec, vocab, dim, kFine, assign);
        int[][] levelOfFine = new int[levels.length][];
        levelOfFine[levels.length - 1] = identity(kFine);
        for (int l = levels.length - 2; l >= 0; l--) {
            levelOfFine[l] = kmeans(cent, kFine, dim, levels[l], 30, new Random(13 + l), null);
        }
        System.out.printf(Locale.ROOT, "k-means done (%.0f s)%n", (System.nanoTime() - t0) / 1e9);

        // 5. write
        try (Writer wr = new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(out)), StandardCharsets.UTF_8)) {
            wr.write("#levels " + levels.length + "\n");
            for (int k = 0; k < lexSize; k++) {
                int id = byFreq[k];
                String w = types.get(id);
                if (w.indexOf('\t') >= 0 || w.indexOf('\n') >= 0) {
                    continue;
                }
                int[] c = capByLower.get(w.toLowerCase(Locale.ROOT));
                int share = c == null || c[1] < 3 ? -1 : (int) Math.round(100.0 * c[0] / c[1]);
                StringBuilder sb = new StringBuilder(w).append('\t').append(count[id]).append('\t');
                sb.append(share < 0 ? "-1" : Integer.toString(share)).append('\t');
                if (k < vocab) {
                    int f = assign[k];
                    for (int l = 0; l < levels.length; l++) {
                        if (l > 0) {
                            sb.append(',');
                        }
                        sb.append(levelOfFine[l][f]);
                    }
                } else {
                    sb.append('-');
                }
                wr.write(sb.append('\n').toString());
            }
        }
        // a few sample clusters for a sanity check
        for (int f = 0; f < 12; f++) {
            StringBuilder sb = new StringBuilder("cluster " + f + ":");
            int shown = 0;
            for (int k = 0; k < vocab && shown < 14; k++) {
                if (assign[k] == f * (kFine / 12)) {
                    sb.append(' ').append(types.get(byFreq[k]));
                    shown++;
                }
            }
            System.out.println(sb);
        }
        System.out.printf(Locale.ROOT, "wrote %s (%d bytes, %.0f s)%n", out, Files.size(out), (System.nanoTime() - t0) / 1e9);
    }

    private static int[] identity(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        return a;
    }

    private static void normalise(float[] v, int off, int dim) {
        double s = 0;
        for (int d = 0; d < dim; d++) {
            s += v[off + d] * v[off + d];
        }
        if (s > 0) {
            float inv = (float) (1 / Math.sqrt(s));
            for (int d = 0; d < dim; d++) {
                v[off + d] *= inv;
            }
        }
    }

    private static float[] centroids(float[] vec, int n, int dim, int k, int[] assign) {
        float[] c = new float[k * dim];
        for (int i = 0; i < n; i++) {
            int b = assign[i] * dim, vb = i * dim;
            for (int d = 0; d < dim; d++) {
                c[b + d] += vec[vb + d];
            }
        }
        for (int j = 0; j < k; j++) {
            normalise(c, j * dim, dim);
        }
        return c;
    }

    /** Spherical k-means (cosine); seeds are the first points of a random permutation. */
    static int[] kmeans(float[] vec, int n, int dim, int k, int iters, Random rnd, int[] init) {
        int[] perm = identity(n);
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        float[] c = new float[k * dim];
        for (int j = 0; j < k; j++) {
            System.arraycopy(vec, perm[j % n] * dim, c, j * dim, dim);
        }
        int[] assign = new int[n];
        for (int it = 0; it < iters; it++) {
            int changed = 0;
            for (int i = 0; i < n; i++) {
                int vb = i * dim;
                float best = -2;
                int arg = 0;
                for (int j = 0; j < k; j++) {
                    int cb = j * dim;
                    float s = 0;
                    for (int d = 0; d < dim; d++) {
                        s += vec[vb + d] * c[cb + d];
                    }
                    if (s > best) {
                        best = s;
                        arg = j;
                    }
                }
                if (assign[i] != arg || it == 0) {
                    changed++;
                }
                assign[i] = arg;
            }
            float[] nc = centroids(vec, n, dim, k, assign);
            // keep old centroids for empty clusters
            for (int j = 0; j < k; j++) {
                boolean zero = true;
                for (int d = 0; d < dim && zero; d++) {
                    zero = nc[j * dim + d] == 0;
                }
                if (!zero) {
                    System.arraycopy(nc, j * dim, c, j * dim, dim);
                }
            }
            if (n > 5000) {
                System.out.printf(Locale.ROOT, "  k-means k=%d iteration %d: %d changed%n", k, it + 1, changed);
            }
            if (changed == 0) {
                break;
            }
        }
        return assign;
    }

    /** The string value of a top-level field in a one-line JSON object (no full parser needed). */
    static String jsonString(String json, String field) {
        String pat = "\"" + field + "\"";
        int i = json.indexOf(pat);
        while (i >= 0) {
            int j = i + pat.length();
            while (j < json.length() && Character.isWhitespace(json.charAt(j))) {
                j++;
            }
            if (j < json.length() && json.charAt(j) == ':') {
                j++;
                while (j < json.length() && Character.isWhitespace(json.charAt(j))) {
                    j++;
                }
                if (j >= json.length() || json.charAt(j) != '"') {
                    return null;
                }
                StringBuilder sb = new StringBuilder();
                for (j = j + 1; j < json.length(); j++) {
                    char ch = json.charAt(j);
                    if (ch == '"') {
                        return sb.toString();
                    }
                    if (ch == '\\' && j + 1 < json.length()) {
                        char e = json.charAt(++j);
                        switch (e) {
                            case 'n' -> sb.append('\n');
                            case 't' -> sb.append('\t');
                            case 'r' -> sb.append('\r');
                            case 'b', 'f' -> sb.append(' ');
                            case 'u' -> {
                                if (j + 4 < json.length()) {
                                    sb.append((char) Integer.parseInt(json.substring(j + 1, j + 5), 16));
                                    j += 4;
                                }
                            }
                            default -> sb.append(e);
                        }
                    } else {
                        sb.append(ch);
                    }
                }
                return sb.toString();
            }
            i = json.indexOf(pat, i + 1);
        }
        return null;
    }
}
