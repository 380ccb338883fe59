package dev.newsflow.registry;

/**
 * The Confluent wire format: byte 0 is 0x00, bytes 1-4 the schema id (big-endian int), then Avro binary.
 */
public final class WireFormat {

    public static final byte MAGIC_BYTE = 0x00;
    public static final int HEADER_SIZE = 5;

    private WireFormat() {
    }

    /** Reads and checks the header of data[offset, offset+length); throws too-short or bad-magic-byte. */
    public static int schemaId(byte[] data, int offset, int length) {
        if (length < HEADER_SIZE) {
            throw AvroWireException.tooShort(length);
        }
        if (data[offset] != MAGIC_BYTE) {
            throw AvroWireException.badMagicByte(data[offset]);
        }
        return ((data[offset + 1] & 0xff) << 24) | ((data[offset + 2] & 0xff) << 16)
                | ((data[offset + 3] & 0xff) << 8) | (data[offset + 4] & 0xff);
    }

    public static int schemaId(byte[] data) {
        return schemaId(data, 0, data.length);
    }

    /** Writes the 5-byte header for the id into target[offset, offset+5). */
    public static void writeHeader(int schemaId, byte[] target, int offset) {
        target[offset] = MAGIC_BYTE;
        target[offset + 1] = (byte) (schemaId >>> 24);
        target[offset + 2] = (byte) (schemaId >>> 16);
        target[offset + 3] = (byte) (schemaId >>> 8);
        target[offset + 4] = (byte) schemaId;
    }
}
