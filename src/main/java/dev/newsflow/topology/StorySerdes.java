package dev.newsflow.topology;

import dev.newsflow.enrich.dedup.MatchKind;
import dev.newsflow.enrich.dedup.StoryAssignment;
import dev.newsflow.enrich.dedup.StoryEntry;
import dev.newsflow.enrich.dedup.StoryFingerprint;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Compact binary serdes of the story stage's internal records. They never leave the application, so they need no
 * registry; a leading format byte lets a later version read what an earlier one left in its topics and stores.
 */
final class StorySerdes {

    private static final int FORMAT = 1;

    private StorySerdes() {
    }

    @FunctionalInterface
    interface Writer<T> {
        void write(DataOutputStream out, T value) throws IOException;
    }

    @FunctionalInterface
    interface Reader<T> {
        T read(DataInputStream in) throws IOException;
    }

    static Serde<StoryTopology.Request> request() {
        return serde((out, r) -> {
            out.writeUTF(r.articleId());
            out.writeUTF(r.fingerprint().urlKey());
            out.writeUTF(r.fingerprint().contentHash());
            writeLongs(out, r.fingerprint().lead());
        }, in -> new StoryTopology.Request(in.readUTF(),
                new StoryFingerprint(in.readUTF(), in.readUTF(), readLongs(in))));
    }

    static Serde<long[]> lead() {
        return serde(StorySerdes::writeLongs, StorySerdes::readLongs);
    }

    static Serde<StoryEntry> entry() {
        return serde((out, e) -> {
            out.writeUTF(e.articleId());
            out.writeUTF(e.storyId());
            out.writeUTF(e.firstId());
            out.writeLong(e.timestamp());
        }, in -> new StoryEntry(in.readUTF(), in.readUTF(), in.readUTF(), in.readLong()));
    }

    static Serde<StoryAssignment> assignment() {
        return serde((out, a) -> {
            out.writeUTF(a.storyId());
            out.writeBoolean(a.duplicate());
            writeNullable(out, a.duplicateOf());
            out.writeUTF(a.match().name());
            out.writeBoolean(a.similarity() != null);
            if (a.similarity() != null) {
                out.writeDouble(a.similarity());
            }
            writeNullable(out, a.matchedId());
        }, in -> new StoryAssignment(in.readUTF(), in.readBoolean(), readNullable(in), MatchKind.valueOf(in.readUTF()),
                in.readBoolean() ? in.readDouble() : null, readNullable(in)));
    }

    private static <T> Serde<T> serde(Writer<T> writer, Reader<T> reader) {
        return serde("story", writer, reader);
    }

    /** A serde of internal records of the stage {@code what}, in this class's versioned format. */
    static <T> Serde<T> serde(String what, Writer<T> writer, Reader<T> reader) {
        return Serdes.serdeFrom((topic, value) -> {
            if (value == null) {
                return null;
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeByte(FORMAT);
                writer.write(out, value);
            } catch (IOException e) {
                throw new SerializationException("cannot write a " + what + " record for " + topic, e);
            }
            return bytes.toByteArray();
        }, (topic, data) -> {
            if (data == null) {
                return null;
            }
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
                int format = in.readUnsignedByte();
                if (format != FORMAT) {
                    throw new SerializationException(what + " record format " + format + " in " + topic
                            + " is unknown to this version (it reads " + FORMAT + ")");
                }
                return reader.read(in);
            } catch (IOException e) {
                throw new SerializationException("cannot read a " + what + " record from " + topic, e);
            }
        });
    }

    private static void writeLongs(DataOutputStream out, long[] values) throws IOException {
        out.writeInt(values.length);
        for (long value : values) {
            out.writeLong(value);
        }
    }

    private static long[] readLongs(DataInputStream in) throws IOException {
        long[] values = new long[in.readInt()];
        for (int i = 0; i < values.length; i++) {
            values[i] = in.readLong();
        }
        return values;
    }

    static void writeNullable(DataOutputStream out, String value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeUTF(value);
        }
    }

    static String readNullable(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }
}
