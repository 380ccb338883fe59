package dev.newsflow.topology;

import dev.newsflow.alerts.Sighting;
import dev.newsflow.alerts.StoryWatch;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;

/** Serdes of the alert stage's internal records, in the story stage's versioned binary format ({@link StorySerdes}). */
final class AlertSerdes {

    private AlertSerdes() {
    }

    static Serde<Sighting> sighting() {
        return StorySerdes.serde("alert", (out, s) -> {
            out.writeUTF(s.subscriptionId());
            out.writeUTF(s.articleId());
            out.writeUTF(s.storyId());
            writeText(out, s.source());
            writeText(out, s.title());
            writeText(out, s.url());
            out.writeLong(s.time().toEpochMilli());
            out.writeInt(s.matchedTopics().size());
            for (Map.Entry<String, Double> topic : s.matchedTopics().entrySet()) {
                writeText(out, topic.getKey());
                out.writeDouble(topic.getValue());
            }
            out.writeInt(s.matchedEntities().size());
            for (Map.Entry<String, String> entity : s.matchedEntities().entrySet()) {
                writeText(out, entity.getKey());
                writeText(out, entity.getValue());
            }
        }, in -> {
            String subscription = in.readUTF();
            String article = in.readUTF();
            String story = in.readUTF();
            String source = readText(in);
            String title = readText(in);
            String url = readText(in);
            Instant time = Instant.ofEpochMilli(in.readLong());
            Map<String, Double> topics = new LinkedHashMap<>();
            for (int i = in.readInt(); i > 0; i--) {
                topics.put(readText(in), in.readDouble());
            }
            Map<String, String> entities = new LinkedHashMap<>();
            for (int i = in.readInt(); i > 0; i--) {
                entities.put(readText(in), readText(in));
            }
            return new Sighting(subscription, article, story, source, title, url, time, topics, entities);
        });
    }

    static Serde<StoryWatch> watch() {
        return StorySerdes.serde("alert", (out, w) -> {
            out.writeUTF(w.firstArticleId());
            out.writeLong(w.firstSeen().toEpochMilli());
            out.writeLong(w.lastSeen().toEpochMilli());
            writeStrings(out, w.sources());
            writeStrings(out, w.articleIds());
            out.writeInt(w.articles());
            out.writeLong(w.alertedAt() == null ? Long.MIN_VALUE : w.alertedAt().toEpochMilli());
            out.writeInt(w.suppressed());
            out.writeLong(w.expiresAt().toEpochMilli());
        }, in -> {
            String first = in.readUTF();
            Instant firstSeen = Instant.ofEpochMilli(in.readLong());
            Instant lastSeen = Instant.ofEpochMilli(in.readLong());
            List<String> sources = readStrings(in);
            List<String> ids = readStrings(in);
            int articles = in.readInt();
            long alerted = in.readLong();
            return new StoryWatch(first, firstSeen, lastSeen, sources, ids, articles,
                    alerted == Long.MIN_VALUE ? null : Instant.ofEpochMilli(alerted), in.readInt(),
                    Instant.ofEpochMilli(in.readLong()));
        });
    }

    private static void writeStrings(DataOutputStream out, List<String> values) throws IOException {
        out.writeInt(values.size());
        for (String value : values) {
            writeText(out, value);
        }
    }

    private static List<String> readStrings(DataInputStream in) throws IOException {
        List<String> values = new ArrayList<>();
        for (int i = in.readInt(); i > 0; i--) {
            values.add(readText(in));
        }
        return values;
    }

    /** Titles, URLs and outlet names may exceed writeUTF's 64 KiB limit; they are written with an int length. */
    private static void writeText(DataOutputStream out, String value) throws IOException {
        byte[] bytes = value.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readText(DataInputStream in) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }
}
