package dev.newsflow.cli;

import dev.newsflow.registry.RegistryUnavailableException;

/** Turns an exception that ended a command into a sentence that says what to do about it. */
final class Failures {

    private Failures() {
    }

    static String explain(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof RegistryUnavailableException registry) {
                return "the schema registry did not answer: " + registry.getMessage() + "; is it running? Set its "
                        + "address with --schema-registry-url or NEWSFLOW_SCHEMA_REGISTRY_URL";
            }
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
