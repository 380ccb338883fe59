package dev.newsflow.chaos;

import dev.newsflow.client.ArticleFiles;
import dev.newsflow.schema.BodyFormat;
import dev.newsflow.schema.RawArticle;
import dev.newsflow.schema.Source;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;

/**
 * The inputs of a chaos run: articles from a file or synthetic ones, each with a run-unique id, and one bad
 * record in every {@link #BAD_EVERY} so that dead letters are accounted for as well as enriched articles.
 */
final class ChaosInputs {

    static final int BAD_EVERY = 97;

    private static final String[] PLACES = {"Kyiv", "Damascus", "Tehran", "Pyongyang", "Berlin", "Kharkiv", "Ankara",
        "Washington", "Beijing", "Gaza"};
    private static final String[] PEOPLE = {"Emmanuel Macron", "Olaf Scholz", "Recep Tayyip Erdogan", "Kim Jong Un",
        "Volodymyr Zelensky", "Antony Blinken"};
    private static final String[] EVENTS = {"new sanctions on oil exports", "a wave of drone attacks on the power grid",
        "talks on the nuclear programme", "protests over fuel prices", "a ceasefire proposal", "an attack claimed by militants"};

    private ChaosInputs() {
    }

    /**
     * {@code count} inputs; {@code serializer} turns an article into the bytes a crawler would send (the run's
     * registry serializer). Ids are {@code prefix-000001} and so on, whatever the file said, so that a file with
     * repeated ids still gives every input one expected output.
     */
    static List<FeedRecord> create(String prefix, int count, Path articlesFile, long seed,
                                   BiFunction<String, RawArticle, byte[]> serializer) throws IOException {
        List<RawArticle> articles = articlesFile == null ? List.of() : read(articlesFile, count);
        Random random = new Random(seed);
        List<FeedRecord> inputs = new ArrayList<>(count);
        for (int n = 1; n <= count; n++) {
            String id = String.format(Locale.ROOT, "%s-%06d", prefix, n);
            if (n % BAD_EVERY == 0) {
                inputs.add(bad(id, n, serializer));
                continue;
            }
            RawArticle article = articles.isEmpty() ? synthetic(random) : articles.get((n - 1) % articles.size());
            RawArticle copy = RawArticle.newBuilder(article).setId(id).setUrl("https://chaos.example.org/" + id).build();
            inputs.add(new FeedRecord(id, serializer.apply(id, copy)));
        }
        return inputs;
    }

    /** Alternately bytes that are no Avro at all and a well-formed article the validator refuses (bad URL). */
    private static FeedRecord bad(String id, int n, BiFunction<String, RawArticle, byte[]> serializer) {
        if ((n / BAD_EVERY) % 2 == 1) {
            return new FeedRecord(id, ("not an article " + id).getBytes(StandardCharsets.UTF_8));
        }
        RawArticle invalid = RawArticle.newBuilder(article(id, "Headline " + id, "A body that is fine."))
                .setUrl("not a url").build();
        return new FeedRecord(id, serializer.apply(id, invalid));
    }

    private static RawArticle synthetic(Random random) {
        String place = pick(random, PLACES);
        String person = pick(random, PEOPLE);
        String event = pick(random, EVENTS);
        String title = person + " discusses " + event + " in " + place;
        String body = "Officials in " + place + " said on Monday that " + event + " would be discussed this week.\n\n"
                + person + " told reporters that the situation remained tense, and that " + pick(random, PEOPLE)
                + " had called for restraint.\n\nAnalysts in " + pick(random, PLACES) + " expect " + pick(random, EVENTS)
                + " to follow within days.";
        return article("x", title, body);
    }

    private static RawArticle article(String id, String title, String body) {
        return RawArticle.newBuilder().setId(id).setUrl("https://chaos.example.org/" + id)
                .setSource(new Source("Chaos Wire", null)).setTitle(title).setBody(body)
                .setBodyFormat(BodyFormat.TEXT).setLanguage("en").setPublishedAt(null)
                .setFetchedAt(Instant.parse("2026-11-28T12:00:00Z")).setAuthors(List.of()).setMetadata(Map.of())
                .build();
    }

    private static List<RawArticle> read(Path file, int limit) throws IOException {
        List<RawArticle> articles = new ArrayList<>();
        new ArticleFiles("chaos", "https://chaos.example.org/").read(file, parsed -> {
            if (parsed instanceof ArticleFiles.Article a && articles.size() < limit) {
                articles.add(a.article());
            }
        });
        if (articles.isEmpty()) {
            throw new IOException(file + " holds no article");
        }
        return articles;
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }
}
