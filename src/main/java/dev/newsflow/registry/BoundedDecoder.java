package dev.newsflow.registry;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.Decoder;
import org.apache.avro.util.Utf8;

/**
 * A decoder over one record's bytes that rejects lengths and counts larger than the record.
 *
 * <p>Plain BinaryDecoder allocates whatever a length prefix claims, so one corrupt record can claim a
 * 2 GB string and kill the application with OutOfMemoryError instead of being dead-lettered. Nothing
 * in a record can be longer than the record, and every array or map entry of a real schema takes at
 * least one byte, so both are bounded by the payload size. Strings must also be well-formed UTF-8.
 */
final class BoundedDecoder extends Decoder {

    private BinaryDecoder in;
    private long limit;

    /** Points this decoder at a new payload; returns this for chaining. */
    BoundedDecoder reset(BinaryDecoder decoder, int payloadLength) {
        this.in = decoder;
        this.limit = payloadLength;
        return this;
    }

    boolean isEnd() throws IOException {
        return in.isEnd();
    }

    private int length(long claimed, String what) throws IOException {
        if (claimed < 0 || claimed > limit) {
            throw new IOException(what + " length " + claimed + " exceeds the " + limit + "-byte record");
        }
        return (int) claimed;
    }

    private long count(long claimed, String what) throws IOException {
        if (claimed < 0 || claimed > limit) {
            throw new IOException(what + " block count " + claimed + " exceeds the " + limit + "-byte record");
        }
        return claimed;
    }

    @Override
    public Utf8 readString(Utf8 old) throws IOException {
        int length = length(in.readLong(), "string");
        Utf8 result = old == null ? new Utf8() : old;
        result.setByteLength(length);
        in.readFixed(result.getBytes(), 0, length);
        Utf8Validation.check(result.getBytes(), length);
        return result;
    }

    @Override
    public String readString() throws IOException {
        return readString(null).toString();
    }

    @Override
    public ByteBuffer readBytes(ByteBuffer old) throws IOException {
        int length = length(in.readLong(), "bytes");
        ByteBuffer result = old != null && old.hasArray() && old.capacity() >= length ? old : ByteBuffer.allocate(length);
        result.clear();
        in.readFixed(result.array(), result.arrayOffset(), length);
        result.limit(length);
        return result;
    }

    @Override
    public void skipString() throws IOException {
        in.skipFixed(length(in.readLong(), "string"));
    }

    @Override
    public void skipBytes() throws IOException {
        in.skipFixed(length(in.readLong(), "bytes"));
    }

    @Override
    public long readArrayStart() throws IOException {
        return count(in.readArrayStart(), "array");
    }

    @Override
    public long arrayNext() throws IOException {
        return count(in.arrayNext(), "array");
    }

    @Override
    public long readMapStart() throws IOException {
        return count(in.readMapStart(), "map");
    }

    @Override
    public long mapNext() throws IOException {
        return count(in.mapNext(), "map");
    }

    @Override
    public long skipArray() throws IOException {
        return count(in.skipArray(), "array");
    }

    @Override
    public long skipMap() throws IOException {
        return count(in.skipMap(), "map");
    }

    @Override
    public void readNull() throws IOException {
        in.readNull();
    }

    @Override
    public boolean readBoolean() throws IOException {
        return in.readBoolean();
    }

    @Override
    public int readInt() throws IOException {
        return in.readInt();
    }

    @Override
    public long readLong() throws IOException {
        return in.readLong();
    }

    @Override
    public float readFloat() throws IOException {
        return in.readFloat();
    }

    @Override
    public double readDouble() throws IOException {
        return in.readDouble();
    }

    @Override
    public void readFixed(byte[] bytes, int start, int length) throws IOException {
        in.readFixed(bytes, start, length);
    }

    @Override
    public void skipFixed(int length) throws IOException {
        in.skipFixed(length);
    }

    @Override
    public int readEnum() throws IOException {
        return in.readEnum();
    }

    @Override
    public int readIndex() throws IOException {
        return in.readIndex();
    }
}
