package dev.newsflow.chaos;

import dev.newsflow.kafka.EmbeddedKafkaBroker;
import dev.newsflow.registry.EmbeddedSchemaRegistry;
import java.nio.file.Path;

/**
 * The broker and registry a chaos run works against: embedded ones that the run may stop and restart on the
 * same ports and data directories, or external ones given by URL, which it only uses.
 */
final class ChaosCluster implements AutoCloseable {

    private final EmbeddedKafkaBroker broker;
    private final String bootstrapServers;
    private final Path registryDir;
    private final String registryUrl;
    private int registryPort;
    private EmbeddedSchemaRegistry registry;

    private ChaosCluster(EmbeddedKafkaBroker broker, String bootstrapServers, EmbeddedSchemaRegistry registry,
                         Path registryDir, String registryUrl) {
        this.broker = broker;
        this.bootstrapServers = bootstrapServers;
        this.registry = registry;
        this.registryDir = registryDir;
        this.registryUrl = registryUrl;
        this.registryPort = registry == null ? -1 : registry.port();
    }

    /** Null URLs start embedded ones under {@code workDir}; the registry journals, so ids survive its restarts. */
    static ChaosCluster start(String bootstrapServers, String registryUrl, Path workDir) {
        EmbeddedKafkaBroker broker = null;
        EmbeddedSchemaRegistry registry = null;
        try {
            if (bootstrapServers == null) {
                // An authorizer that allows everything until an ACL says otherwise, so the output-unwritable strike
                // can deny the application's writes to one topic.
                broker = EmbeddedKafkaBroker.builder().dataDir(workDir.resolve("kafka"))
                        .property("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer")
                        .property("allow.everyone.if.no.acl.found", "true")
                        .start();
                bootstrapServers = broker.bootstrapServers();
            }
            Path registryDir = workDir.resolve("registry");
            if (registryUrl == null) {
                registry = EmbeddedSchemaRegistry.start(0, registryDir);
                registryUrl = registry.url();
            }
            return new ChaosCluster(broker, bootstrapServers, registry, registryDir, registryUrl);
        } catch (RuntimeException e) {
            if (registry != null) {
                registry.close();
            }
            if (broker != null) {
                broker.close();
            }
            throw e;
        }
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    String registryUrl() {
        return registryUrl;
    }

    boolean embeddedBroker() {
        return broker != null;
    }

    boolean embeddedRegistry() {
        return registryPort > 0;
    }

    void stopBroker() {
        broker.stop();
    }

    /** Same port and log directories: clients reconnect to where they were. */
    void startBroker() {
        broker.start();
    }

    synchronized void stopRegistry() {
        registry.close();
        registry = null;
    }

    synchronized void startRegistry() {
        registry = EmbeddedSchemaRegistry.start(registryPort, registryDir);
    }

    @Override
    public synchronized void close() {
        if (registry != null) {
            registry.close();
        }
        if (broker != null) {
            broker.close();
        }
    }
}
