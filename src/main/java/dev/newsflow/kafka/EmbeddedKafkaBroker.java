package dev.newsflow.kafka;

import java.net.BindException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A real single-node KRaft Kafka (broker and controller in one process) running inside this JVM. */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
    private static final int BIND_ATTEMPTS = 3;

    private final BrokerStorage storage;
    private final boolean ownsStorage;
    private final boolean autoPorts;
    private final Map<String, String> extraProps;
    private final Duration startTimeout;
    private int brokerPort;
    private int controllerPort;
    private String clusterId;
    private KafkaRaftServer server;
    private Duration lastStartup = Duration.ZERO;
    private boolean closed;

    private EmbeddedKafkaBroker(Builder b) {
        this.ownsStorage = b.dataDir == null;
        this.storage = ownsStorage ? BrokerStorage.temporary() : new BrokerStorage(b.dataDir);
        this.autoPorts = b.brokerPort == 0;
        // Ports are fixed here, not at start(), so bootstrapServers() is known early and a restart of
        // this instance comes back where its clients expect it.
        this.brokerPort = autoPorts ? FreePorts.pick() : b.brokerPort;
        this.controllerPort = b.controllerPort == 0 ? FreePorts.pick() : b.controllerPort;
        this.extraProps = Map.copyOf(b.extraProps);
        this.startTimeout = b.startTimeout;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Formats the data directory if needed, starts the node and returns once clients can use it. */
    public synchronized EmbeddedKafkaBroker start() {
        if (closed) {
            throw new IllegalStateException("closed");
        }
        if (server != null) {
            return this;
        }
        long t0 = System.nanoTime();
        for (int attempt = 1; ; attempt++) {
            try {
                startOnce();
                break;
            } catch (RuntimeException e) {
                // Another process may grab a port between pick() and Kafka's bind; only ports we chose
                // ourselves may be changed, a caller's fixed port is a promise to its clients.
                if (!autoPorts || attempt == BIND_ATTEMPTS || !causedByBind(e)) {
                    throw e;
                }
                log.warn("port {} or {} was taken, retrying on new ports", brokerPort, controllerPort);
                brokerPort = FreePorts.pick();
                controllerPort = FreePorts.pick();
            }
        }
        BrokerReadiness.await(bootstrapServers(), BrokerConfigs.NODE_ID, startTimeout);
        lastStartup = Duration.ofNanos(System.nanoTime() - t0);
        log.info("Kafka {} ready at {} (cluster {}, data {}) in {} ms", BrokerConfigs.NODE_ID,
            bootstrapServers(), clusterId, storage.root(), lastStartup.toMillis());
        return this;
    }

    private void startOnce() {
        Properties props = BrokerConfigs.of(storage.logDir(), brokerPort, controllerPort, startTimeout, extraProps);
        clusterId = storage.clusterId();
        storage.format(props, clusterId);
        KafkaRaftServer candidate = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
        try {
            candidate.startup();
        } catch (RuntimeException e) {
            shutdownQuietly(candidate);
            throw e;
        }
        server = candidate;
    }

    /** Shuts the node down and waits for it, keeping the data directory so start() can resume it. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        KafkaRaftServer stopping = server;
        server = null;
        stopping.shutdown();
        stopping.awaitShutdown();
    }

    /** Stops the node and deletes its data directory if it was a temporary one. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            stop();
        } finally {
            if (ownsStorage) {
                storage.delete();
            }
        }
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /** {@code 127.0.0.1:port}, valid before start() and across restarts of this instance. */
    public synchronized String bootstrapServers() {
        return BrokerConfigs.HOST + ":" + brokerPort;
    }

    public synchronized int brokerPort() {
        return brokerPort;
    }

    public synchronized int controllerPort() {
        return controllerPort;
    }

    /** Null until the first start(). */
    public synchronized String clusterId() {
        return clusterId;
    }

    public Path dataDir() {
        return storage.root();
    }

    /** How long the last start() took, formatting and the readiness check included. */
    public synchronized Duration lastStartupTime() {
        return lastStartup;
    }

    private static boolean causedByBind(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException) {
                return true;
            }
        }
        return false;
    }

    private static void shutdownQuietly(KafkaRaftServer s) {
        try {
            s.shutdown();
            s.awaitShutdown();
        } catch (RuntimeException e) {
            log.debug("cleanup after a failed start", e);
        }
    }

    /** Options for an {@link EmbeddedKafkaBroker}; all have working defaults. */
    public static final class Builder {
        private Path dataDir;
        private int brokerPort;
        private int controllerPort;
        private Duration startTimeout = Duration.ofSeconds(60);
        private final Map<String, String> extraProps = new LinkedHashMap<>();

        private Builder() {
        }

        /** A persistent directory; its topics, data and cluster id survive restarts. Default: a temp dir deleted on close. */
        public Builder dataDir(Path dir) {
            this.dataDir = Objects.requireNonNull(dir);
            return this;
        }

        /** The client (PLAINTEXT) port; 0, the default, picks a free one. */
        public Builder brokerPort(int port) {
            this.brokerPort = checkPort(port);
            return this;
        }

        /** The KRaft controller port; 0, the default, picks a free one. */
        public Builder controllerPort(int port) {
            this.controllerPort = checkPort(port);
            return this;
        }

        public Builder startTimeout(Duration timeout) {
            this.startTimeout = Objects.requireNonNull(timeout);
            return this;
        }

        /** A broker property that overrides the defaults. */
        public Builder property(String name, String value) {
            extraProps.put(Objects.requireNonNull(name), Objects.requireNonNull(value));
            return this;
        }

        public Builder properties(Map<String, String> props) {
            props.forEach(this::property);
            return this;
        }

        public EmbeddedKafkaBroker build() {
            return new EmbeddedKafkaBroker(this);
        }

        /** Builds and starts. */
        public EmbeddedKafkaBroker start() {
            EmbeddedKafkaBroker broker = build();
            try {
                return broker.start();
            } catch (RuntimeException e) {
                broker.close();
                throw e;
            }
        }

        private static int checkPort(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
            return port;
        }
    }
}
