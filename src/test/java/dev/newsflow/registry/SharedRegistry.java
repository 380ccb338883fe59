package dev.newsflow.registry;

/** One in-process schema registry for the whole test JVM, started on first use and closed when the JVM exits. */
public final class SharedRegistry {

    private static EmbeddedSchemaRegistry registry;

    private SharedRegistry() {
    }

    /** The registry's base URL; tests must not close it. */
    public static synchronized String url() {
        if (registry == null) {
            EmbeddedSchemaRegistry started = EmbeddedSchemaRegistry.start(0, null);
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "shared-registry-close"));
            registry = started;
        }
        return registry.url();
    }
}
