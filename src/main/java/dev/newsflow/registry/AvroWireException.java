package dev.newsflow.registry;

import org.apache.kafka.common.errors.SerializationException;

/**
 * A record whose bytes cannot be decoded, with a stable {@link #errorCode()} for the dead-letter record.
 *
 * <p>Only faults of the record itself end up here; a registry that is down is a
 * {@link RegistryUnavailableException} instead, because retrying will fix that and dead-lettering would not.
 */
public final class AvroWireException extends SerializationException {

    public static final String BAD_MAGIC_BYTE = "bad-magic-byte";
    public static final String TOO_SHORT = "too-short";
    public static final String UNKNOWN_SCHEMA_ID = "unknown-schema-id";
    public static final String MALFORMED_AVRO = "malformed-avro";
    public static final String INCOMPATIBLE_SCHEMA = "incompatible-schema";
    public static final String INVALID_UTF8 = "invalid-utf8";

    /** Sentinel for {@link #schemaId()} when the bytes did not get as far as an id. */
    public static final int NO_SCHEMA_ID = -1;

    private final String errorCode;
    private final int schemaId;

    private AvroWireException(String errorCode, int schemaId, String message, Throwable cause) {
        super(message, cause);
        this.errorCode = errorCode;
        this.schemaId = schemaId;
    }

    /** One of the constants of this class; stable across releases, so consumers may match on it. */
    public String errorCode() {
        return errorCode;
    }

    /** The schema id from the record header, or {@link #NO_SCHEMA_ID}. */
    public int schemaId() {
        return schemaId;
    }

    static AvroWireException badMagicByte(byte found) {
        return new AvroWireException(BAD_MAGIC_BYTE, NO_SCHEMA_ID, String.format(
                "first byte is 0x%02x, expected 0x00 (Confluent wire format: magic byte, 4-byte schema id, Avro)",
                found & 0xff), null);
    }

    static AvroWireException tooShort(int length) {
        return new AvroWireException(TOO_SHORT, NO_SCHEMA_ID, "record has " + length
                + " bytes; the Confluent wire format needs at least 5 (magic byte and schema id)", null);
    }

    static AvroWireException unknownSchemaId(int id, Throwable cause) {
        return new AvroWireException(UNKNOWN_SCHEMA_ID, id, "schema id " + id + " is not in the schema registry",
                cause);
    }

    static AvroWireException malformedAvro(int id, String schemaName, String detail, Throwable cause) {
        return new AvroWireException(MALFORMED_AVRO, id, "bytes after the header are not valid Avro for schema "
                + schemaName + " (id " + id + "): " + detail, cause);
    }

    static AvroWireException invalidUtf8(int id, String schemaName, String detail, Throwable cause) {
        return new AvroWireException(INVALID_UTF8, id, "record of schema " + schemaName + " (id " + id + "): " + detail,
                cause);
    }

    static AvroWireException incompatibleSchema(int id, String detail) {
        return new AvroWireException(INCOMPATIBLE_SCHEMA, id, "writer schema id " + id
                + " cannot be read with the reader schema: " + detail, null);
    }
}
