package dev.newsflow.registry;

/** One in-memory embedded schema registry for the whole test JVM, started on first use, closed at exit. */
public final class SharedRegistry {

    private static EmbeddedSchemaRegistry registry;

    private SharedRegistry() {
    }

    /** The shared registry's base URL; tests must not close it. */
    public static synchronized String url() {
        if (registry == null) {
            EmbeddedSchemaRegistry started = EmbeddedSchemaRegistry.start(0, null);
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "shared-registry-close"));
            registry = started;
        }
        return registry.url();
    }
}
