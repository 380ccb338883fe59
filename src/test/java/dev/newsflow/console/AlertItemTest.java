package dev.newsflow.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

class AlertItemTest {

    private static final Function<byte[], GenericRecord> NO_AVRO = bytes -> {
        throw new AssertionError("not Avro");
    };

    @Test
    void readsAvroAlertsWithWhateverSchemaTheyHave() {
        Schema schema = SchemaBuilder.record("Alert").fields()
                .requiredString("subscriptionId").requiredString("severity").requiredString("articleTitle")
                .optionalString("note").endRecord();
        GenericRecord record = new GenericData.Record(schema);
        record.put("subscriptionId", "sub-1");
        record.put("severity", "HIGH");
        record.put("articleTitle", "Drones hit <b>port</b>");
        byte[] framed = {0, 0, 0, 0, 1, 2, 3};

        AlertItem alert = AlertItem.decode("sub-1", "2026-11-28T12:00:00Z", framed, bytes -> record);

        assertThat(alert.key()).isEqualTo("sub-1");
        assertThat(alert.severity()).isEqualTo("HIGH");
        assertThat(alert.title()).isEqualTo("Drones hit <b>port</b>");
        assertThat(alert.fields()).containsOnlyKeys("subscriptionId", "severity", "articleTitle");
    }

    @Test
    void readsJsonAlertsAndTextAlerts() {
        AlertItem json = AlertItem.decode("k", "t",
                "{\"severity\":\"low\",\"title\":\"Sanctions\",\"score\":0.7,\"gone\":null}".getBytes(StandardCharsets.UTF_8), NO_AVRO);
        assertThat(json.title()).isEqualTo("Sanctions");
        assertThat(json.severity()).isEqualTo("low");
        assertThat(json.fields()).containsEntry("score", "0.7").doesNotContainKey("gone");

        AlertItem text = AlertItem.decode("k", "t", "plain words".getBytes(StandardCharsets.UTF_8), NO_AVRO);
        assertThat(text.title()).isEqualTo("plain words");
        assertThat(text.severity()).isEmpty();
    }

    @Test
    void anUnreadableRecordStillShowsWhy() {
        AlertItem broken = AlertItem.decode("k", "t", "{not json".getBytes(StandardCharsets.UTF_8), NO_AVRO);
        assertThat(broken.title()).startsWith("unreadable alert record");
        AlertItem badAvro = AlertItem.decode("k", "t", new byte[] {0, 0, 0, 0, 9, 1}, bytes -> {
            throw new IllegalStateException("schema 9 not found");
        });
        assertThat(badAvro.title()).contains("schema 9 not found");
        assertThat(AlertItem.decode(null, "t", null, NO_AVRO).title()).isEmpty();
    }

    @Test
    void keysArePlainTextOrConfluentFramedAvroStrings() {
        assertThat(AlertItem.key("sub-1".getBytes(StandardCharsets.UTF_8))).isEqualTo("sub-1");
        // 0x00, schema id 7, zig-zag length 5 (= 10), "sub-ğ" is five characters but six UTF-8 bytes: length 12.
        byte[] framed = {0, 0, 0, 0, 7, 12, 's', 'u', 'b', '-', (byte) 0xC4, (byte) 0x9F};
        assertThat(AlertItem.key(framed)).isEqualTo("sub-ğ");
        assertThat(AlertItem.key(null)).isNull();
        byte[] wrongLength = {0, 0, 0, 0, 7, 40, 'a'};
        assertThat(AlertItem.key(wrongLength)).as("not an Avro string: shown as it is").endsWith("a");
    }

    @Test
    void longValuesAreCut() {
        AlertItem alert = AlertItem.decode("k", "t", "x".repeat(1000).getBytes(StandardCharsets.UTF_8), NO_AVRO);
        assertThat(alert.title()).hasSize(300).endsWith("...");
    }
}
