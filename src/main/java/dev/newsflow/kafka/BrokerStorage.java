package dev.newsflow.kafka;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Properties;
import java.util.stream.Stream;

import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The on-disk side of the embedded broker: its directory layout, cluster id and KRaft formatting. */
final class BrokerStorage {

    private static final Logger log = LoggerFactory.getLogger(BrokerStorage.class);

    private final Path root;

    BrokerStorage(Path root) {
        this.root = root;
    }

    static BrokerStorage temporary() {
        try {
            return new BrokerStorage(Files.createTempDirectory("newsflow-kafka-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path root() {
        return root;
    }

    Path logDir() {
        return root.resolve("kafka-logs");
    }

    /**
     * The cluster id this directory was formatted with, or a new one. Kafka's own meta.properties is the
     * record, so a directory formatted by an earlier run (or by kafka-storage.sh) keeps its id.
     */
    String clusterId() {
        Path meta = logDir().resolve("meta.properties");
        if (Files.isRegularFile(meta)) {
            Properties p = new Properties();
            try (Reader in = Files.newBufferedReader(meta, StandardCharsets.UTF_8)) {
                p.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + meta, e);
            }
            String id = p.getProperty("cluster.id");
            if (id != null && !id.isBlank()) {
                return id;
            }
        }
        return Uuid.randomUuid().toString();
    }

    /** Formats the log directory unless it already is; a no-op on restart, which keeps the data. */
    void format(Properties config, String clusterId) {
        Path configFile = root.resolve("server.properties");
        try {
            Files.createDirectories(logDir());
            try (Writer out = Files.newBufferedWriter(configFile, StandardCharsets.UTF_8)) {
                config.store(out, "written by newsflow's EmbeddedKafkaBroker for kafka-storage format");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + root, e);
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int status;
        try (PrintStream print = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            status = StorageTool.execute(new String[] {"format", "--standalone", "--ignore-formatted",
                "-t", clusterId, "-c", configFile.toString()}, print);
        } catch (RuntimeException e) {
            throw new IllegalStateException("formatting " + logDir() + " failed: " + output.toString(StandardCharsets.UTF_8), e);
        }
        String text = output.toString(StandardCharsets.UTF_8).strip();
        if (status != 0) {
            throw new IllegalStateException("formatting " + logDir() + " failed (" + status + "): " + text);
        }
        log.debug("kafka-storage format: {}", text);
    }

    void delete() {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            log.warn("could not delete {}", root, e);
        }
    }
}
