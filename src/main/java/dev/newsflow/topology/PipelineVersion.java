package dev.newsflow.topology;

/** The running newsflow version, from the jar manifest, stamped on every output record. */
public final class PipelineVersion {

    public static final String VERSION = detect();

    private PipelineVersion() {
    }

    private static String detect() {
        String version = PipelineVersion.class.getPackage().getImplementationVersion();
        return version != null ? version : "dev";
    }
}
