package dev.newsflow.registry;

import dev.newsflow.schema.BodyFormat;
import dev.newsflow.schema.RawArticle;
import dev.newsflow.schema.Source;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;

/** Small test schemas in three versions, an old RawArticle, and record factories shared by the tests. */
final class TestSchemas {

    /** v1 of a small record. */
    static final Schema PROBE_V1 = parse("""
            {"type": "record", "name": "Probe", "namespace": "dev.newsflow.registry.test", "fields": [
              {"name": "id", "type": "string"},
              {"name": "count", "type": "int"}
            ]}""");

    /** v2 adds a field with a default: BACKWARD compatible with v1. */
    static final Schema PROBE_V2 = parse("""
            {"type": "record", "name": "Probe", "namespace": "dev.newsflow.registry.test", "fields": [
              {"name": "id", "type": "string"},
              {"name": "count", "type": "int"},
              {"name": "note", "type": "string", "default": "none"}
            ]}""");

    /** v3 adds a field without a default: a reader of v3 cannot read v1 data, so BACKWARD rejects it. */
    static final Schema PROBE_V3 = parse("""
            {"type": "record", "name": "Probe", "namespace": "dev.newsflow.registry.test", "fields": [
              {"name": "id", "type": "string"},
              {"name": "count", "type": "int"},
              {"name": "required", "type": "long"}
            ]}""");

    /**
     * RawArticle as an early crawler might have had it: no language, publishedAt, authors or metadata.
     * The current contract must read its data (BACKWARD), which the evolution tests prove.
     */
    static final Schema RAW_ARTICLE_V1 = parse("""
            {"type": "record", "name": "RawArticle", "namespace": "dev.newsflow.schema", "fields": [
              {"name": "id", "type": "string"},
              {"name": "url", "type": "string"},
              {"name": "source", "type": {"type": "record", "name": "Source", "fields": [
                {"name": "name", "type": "string"},
                {"name": "domain", "type": ["null", "string"], "default": null}
              ]}},
              {"name": "title", "type": "string"},
              {"name": "body", "type": "string"},
              {"name": "bodyFormat", "type": {"type": "enum", "name": "BodyFormat", "symbols": ["TEXT", "HTML"],
                "default": "TEXT"}, "default": "TEXT"},
              {"name": "fetchedAt", "type": {"type": "long", "logicalType": "timestamp-millis"}}
            ]}""");

    private TestSchemas() {
    }

    static Schema parse(String text) {
        return new Schema.Parser().parse(text);
    }

    static GenericRecord probeV1(String id, int count) {
        return new GenericRecordBuilder(PROBE_V1).set("id", id).set("count", count).build();
    }

    static GenericRecord probeV2(String id, int count, String note) {
        return new GenericRecordBuilder(PROBE_V2).set("id", id).set("count", count).set("note", note).build();
    }

    static GenericRecord probeV3(String id, int count, long required) {
        return new GenericRecordBuilder(PROBE_V3).set("id", id).set("count", count).set("required", required).build();
    }

    static GenericRecord rawArticleV1(String id) {
        Schema source = RAW_ARTICLE_V1.getField("source").schema();
        return new GenericRecordBuilder(RAW_ARTICLE_V1)
                .set("id", id)
                .set("url", "https://example.org/news/" + id)
                .set("source", new GenericRecordBuilder(source).set("name", "Example News").set("domain", null).build())
                .set("title", "Drones over the harbour")
                .set("body", "Officials said on Monday ...")
                .set("bodyFormat", new GenericData.EnumSymbol(RAW_ARTICLE_V1.getField("bodyFormat").schema(), "HTML"))
                .set("fetchedAt", 1_700_000_000_123L)
                .build();
    }

    static RawArticle rawArticle(String id) {
        return RawArticle.newBuilder()
                .setId(id)
                .setUrl("https://example.org/news/" + id)
                .setSource(Source.newBuilder().setName("Example News").setDomain("example.org").build())
                .setTitle("Sanctions on Syria extended")
                .setBody("The council extended the measures ... Erdoğan said.")
                .setBodyFormat(BodyFormat.TEXT)
                .setLanguage("en")
                .setPublishedAt(Instant.ofEpochMilli(1_700_000_000_000L))
                .setFetchedAt(Instant.ofEpochMilli(1_700_000_060_000L))
                .setAuthors(List.of("A. Writer", "B. Reporter"))
                .setMetadata(Map.of("section", "world"))
                .build();
    }

    /** A fresh topic name, so tests sharing one registry never see each other's subjects. */
    static String topic(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
