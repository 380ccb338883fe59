package dev.newsflow.registry;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The registry contract against {@link EmbeddedSchemaRegistry}. */
class EmbeddedRegistryContractIT extends SchemaRegistryContract {

    private static EmbeddedSchemaRegistry registry;

    @BeforeAll
    static void start() {
        registry = EmbeddedSchemaRegistry.start();
    }

    @AfterAll
    static void stop() {
        registry.close();
    }

    @Override
    protected String registryUrl() {
        return registry.url();
    }
}
