package dev.newsflow.enrich.dedup;

import dev.newsflow.enrich.topics.TopicEvaluator;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Builds the {@link CommonShingles} list: shingles found in the bodies of at least {@code --min-documents}
 * articles of a reference corpus. Only the development half of AllSides is read (the split of
 * {@code eval/topics/README.md}), so the held-out half stays unseen.
 *
 * <p>Usage: {@code CommonShinglesBuilder ARTICLES.jsonl.gz OUT.bin.gz [--min-documents 5]}.
 */
public final class CommonShinglesBuilder {

    private CommonShinglesBuilder() {
    }

    public static void main(String[] args) throws IOException {
        Path in = Path.of(args[0]);
        Path out = Path.of(args[1]);
        int minDocuments = args.length > 3 && args[2].equals("--min-documents") ? Integer.parseInt(args[3]) : 5;
        long[][] all = {new long[1 << 22]};
        int[] used = {0};
        int[] articles = {0};
        CorpusArticle.read(in, article -> {
            if (!TopicEvaluator.isDev(article.id())) {
                return;
            }
            articles[0]++;
            long[] own = distinctBodyShingles(article);
            if (used[0] + own.length > all[0].length) {
                all[0] = Arrays.copyOf(all[0], Math.max(all[0].length * 2, used[0] + own.length));
            }
            System.arraycopy(own, 0, all[0], used[0], own.length);
            used[0] += own.length;
        });
        long[] hashes = Arrays.copyOf(all[0], used[0]);
        Arrays.sort(hashes);
        long[] common = new long[1 << 16];
        int kept = 0;
        for (int i = 0; i < hashes.length; ) {
            int j = i;
            while (j < hashes.length && hashes[j] == hashes[i]) {
                j++;
            }
            if (j - i >= minDocuments) {
                if (kept == common.length) {
                    common = Arrays.copyOf(common, kept * 2);
                }
                common[kept++] = hashes[i];
            }
            i = j;
        }
        CommonShingles list = CommonShingles.of(Arrays.copyOf(common, kept), minDocuments);
        try (OutputStream os = Files.newOutputStream(out)) {
            list.write(os);
        }
        System.out.printf("%d dev articles, %d distinct shingles, %d in at least %d articles -> %s%n",
                articles[0], countDistinct(hashes), kept, minDocuments, out);
    }

    private static long[] distinctBodyShingles(CorpusArticle article) {
        int[] n = {0};
        long[][] holder = {new long[256]};
        Shingles.forEach(article.text().text(), article.text().bodyStart(), article.text().text().length(), h -> {
            if (n[0] == holder[0].length) {
                holder[0] = Arrays.copyOf(holder[0], n[0] * 2);
            }
            holder[0][n[0]++] = h;
            return true;
        });
        return Arrays.stream(holder[0], 0, n[0]).sorted().distinct().toArray();
    }

    private static int countDistinct(long[] sorted) {
        int distinct = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                distinct++;
            }
        }
        return distinct;
    }
}
