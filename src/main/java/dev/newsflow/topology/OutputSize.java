package dev.newsflow.topology;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * How many bytes an output record will take, so that a record the topic would refuse becomes a dead letter here
 * instead of a producer error that kills the stream thread on every retry.
 *
 * <p>{@link #upperBound} walks the values by schema and counts every string as three bytes a character: cheap, and
 * never below the real size, so only records near the limit pay for {@link #exact}, which encodes them.
 */
final class OutputSize {

    /** Room for the record key (an id of at most 512 characters), Kafka's record and batch framing and slack. */
    static final int KEY_AND_FRAMING_BYTES = 4096;

    private OutputSize() {
    }

    /** Bytes of Confluent's wire format for {@code record}, at least; computed without encoding. */
    static long upperBound(SpecificRecord record) {
        return 5 + bound(record.getSchema(), record);
    }

    /** Bytes of Confluent's wire format for {@code record}, exactly. */
    static long exact(SpecificRecord record) {
        CountingStream counter = new CountingStream();
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(counter, null);
        try {
            new SpecificDatumWriter<SpecificRecord>(record.getSchema()).write(record, encoder);
            encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return 5 + counter.count;
    }

    /** Whether {@code record} fits in {@code maxBytes}, encoding it only when the cheap bound says it might not. */
    static boolean fits(SpecificRecord record, long maxBytes) {
        return upperBound(record) <= maxBytes || exact(record) <= maxBytes;
    }

    /** Bytes the producer counts for the headers a record carries along. */
    static int headerBytes(Headers headers) {
        int total = 0;
        if (headers != null) {
            for (Header header : headers) {
                total += 3 * header.key().length() + 10 + (header.value() == null ? 0 : header.value().length);
            }
        }
        return total;
    }

    private static long bound(Schema schema, Object value) {
        switch (schema.getType()) {
            case NULL:
                return 0;
            case BOOLEAN:
                return 1;
            case INT:
            case ENUM:
                return 5;
            case LONG:
                return 10;
            case FLOAT:
                return 4;
            case DOUBLE:
                return 8;
            case FIXED:
                return schema.getFixedSize();
            case STRING:
                return 5 + 3L * value.toString().length();
            case BYTES:
                return 5 + ((ByteBuffer) value).remaining();
            case UNION:
                return 5 + bound(schema.getTypes().get(SpecificData.get().resolveUnion(schema, value)), value);
            case ARRAY: {
                long total = 20;
                for (Object item : (Collection<?>) value) {
                    total += bound(schema.getElementType(), item);
                }
                return total;
            }
            case MAP: {
                long total = 20;
                for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                    total += 5 + 3L * entry.getKey().toString().length() + bound(schema.getValueType(), entry.getValue());
                }
                return total;
            }
            case RECORD: {
                SpecificRecord record = (SpecificRecord) value;
                long total = 0;
                for (Schema.Field field : schema.getFields()) {
                    total += bound(field.schema(), record.get(field.pos()));
                }
                return total;
            }
            default:
                throw new IllegalArgumentException("unexpected Avro type " + schema.getType());
        }
    }

    private static final class CountingStream extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
