package dev.newsflow.registry;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A small Confluent-API schema registry on 127.0.0.1 for local mode and tests: Avro only, the REST
 * subset newsflow and Confluent's serializers use, Confluent's compatibility levels (default BACKWARD)
 * and error codes. With a data directory it journals every change and reloads it on start, so schema
 * ids, and so the records written with them, survive restarts; without one it is in memory.
 */
public final class EmbeddedSchemaRegistry implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor;
    private final SchemaJournal journal;

    private EmbeddedSchemaRegistry(HttpServer server, ExecutorService executor, SchemaJournal journal) {
        this.server = server;
        this.executor = executor;
        this.journal = journal;
    }

    /** An in-memory registry on an ephemeral port. */
    public static EmbeddedSchemaRegistry start() {
        return start(0, null);
    }

    /** port 0 picks a free one; dataDir null keeps everything in memory. */
    public static EmbeddedSchemaRegistry start(int port, Path dataDir) {
        SchemaJournal journal = dataDir == null ? null : new SchemaJournal(dataDir);
        try {
            SchemaStore store = new SchemaStore(journal);
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            // Two threads: enough that one slow client cannot stall the others; the store is serial anyway.
            ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
                Thread t = new Thread(r, "embedded-schema-registry");
                t.setDaemon(true);
                return t;
            });
            server.createContext("/", new RegistryHandler(store));
            server.setExecutor(executor);
            server.start();
            return new EmbeddedSchemaRegistry(server, executor, journal);
        } catch (IOException e) {
            closeQuietly(journal);
            throw new UncheckedIOException("cannot start the embedded schema registry on port " + port, e);
        } catch (RuntimeException e) {
            closeQuietly(journal);
            throw e;
        }
    }

    /** Base URL, e.g. http://127.0.0.1:8081, for {@code schema.registry.url}. */
    public String url() {
        return "http://127.0.0.1:" + port();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        closeQuietly(journal);
    }

    private static void closeQuietly(SchemaJournal journal) {
        if (journal != null) {
            try {
                journal.close();
            } catch (RuntimeException ignored) {
                // closing on a failure path: the original error matters more
            }
        }
    }

    @Override
    public String toString() {
        return "EmbeddedSchemaRegistry[" + url() + (journal == null ? ", in memory" : ", journaled") + "]";
    }
}
