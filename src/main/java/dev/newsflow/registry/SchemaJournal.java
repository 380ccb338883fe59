package dev.newsflow.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * An append-only file of JSON lines recording every registry change, replayed on start so that schema
 * ids survive restarts (records written before a restart must stay readable).
 *
 * <p>A lock file keeps a second registry off the same directory: two writers would hand out the same ids.
 */
final class SchemaJournal implements AutoCloseable {

    static final String FILE_NAME = "schemas.journal";
    private static final String LOCK_NAME = "registry.lock";

    private final Path file;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final FileChannel out;

    SchemaJournal(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            this.file = dataDir.resolve(FILE_NAME);
            this.lockChannel = FileChannel.open(dataDir.resolve(LOCK_NAME), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock acquired;
            try {
                acquired = lockChannel.tryLock();
            } catch (OverlappingFileLockException sameJvm) {
                acquired = null;
            }
            if (acquired == null) {
                lockChannel.close();
                throw new IllegalStateException("another schema registry is using " + dataDir);
            }
            this.lock = acquired;
            this.out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.READ);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open schema registry data directory " + dataDir, e);
        }
    }

    /**
     * Reads every entry. A torn last line (the process died mid-append) is cut off so the next append
     * starts clean; a bad line anywhere else is corruption and stops the start.
     */
    List<JsonNode> load() {
        try {
            byte[] bytes = Files.readAllBytes(file);
            List<JsonNode> entries = new ArrayList<>();
            int start = 0;
            while (start < bytes.length) {
                int end = indexOf(bytes, (byte) '\n', start);
                boolean last = end < 0;
                String line = new String(bytes, start, (last ? bytes.length : end) - start, StandardCharsets.UTF_8);
                JsonNode entry = parse(line);
                if (entry == null || last) {
                    if (last || isBlankTail(bytes, end + 1)) {
                        out.truncate(start);
                        break;
                    }
                    throw new IllegalStateException("schema registry journal " + file + " is corrupt at byte " + start);
                }
                entries.add(entry);
                start = end + 1;
            }
            out.position(out.size());
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read schema registry journal " + file, e);
        }
    }

    /** Appends and forces one entry to disk before the change is acknowledged to any client. */
    void append(ObjectNode entry) {
        try {
            ByteBuffer line = ByteBuffer.wrap((entry.toString() + "\n").getBytes(StandardCharsets.UTF_8));
            while (line.hasRemaining()) {
                out.write(line);
            }
            out.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to schema registry journal " + file, e);
        }
    }

    private static JsonNode parse(String line) {
        try {
            JsonNode node = RegistryJson.MAPPER.readTree(line);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean isBlankTail(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (!Character.isWhitespace(bytes[i])) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public void close() {
        try {
            out.close();
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
