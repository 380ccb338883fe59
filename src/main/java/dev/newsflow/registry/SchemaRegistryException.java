package dev.newsflow.registry;

/**
 * An error answer from a schema registry: HTTP status, the registry's {@code error_code} and message.
 *
 * <p>Subclass {@link RegistryUnavailableException} marks the retriable case (unreachable, 5xx); an
 * instance of this class itself is a client error that retrying will not fix.
 */
public class SchemaRegistryException extends RuntimeException {

    /** Confluent's error codes, as far as this project relies on them. */
    public static final int SUBJECT_NOT_FOUND = 40401;
    public static final int VERSION_NOT_FOUND = 40402;
    public static final int SCHEMA_NOT_FOUND = 40403;
    public static final int INCOMPATIBLE_SCHEMA = 409;
    public static final int INVALID_SCHEMA = 42201;
    public static final int INVALID_VERSION = 42202;
    public static final int INVALID_COMPATIBILITY_LEVEL = 42203;
    public static final int STORE_ERROR = 50001;

    private final int httpStatus;
    private final int errorCode;
    private final String registryMessage;

    public SchemaRegistryException(int httpStatus, int errorCode, String registryMessage, String context) {
        this(httpStatus, errorCode, registryMessage, context, null);
    }

    public SchemaRegistryException(int httpStatus, int errorCode, String registryMessage, String context,
                                   Throwable cause) {
        super(describe(httpStatus, errorCode, registryMessage, context), cause);
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
        this.registryMessage = registryMessage == null ? "" : registryMessage;
    }

    private static String describe(int status, int code, String message, String context) {
        String where = context == null || context.isEmpty() ? "" : context + ": ";
        return where + "schema registry error " + code + " (HTTP " + status + "): " + message;
    }

    /** HTTP status of the answer; 0 when no answer was received. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The registry's {@code error_code} (or the HTTP status when the body carried none). */
    public int errorCode() {
        return errorCode;
    }

    /** The registry's own {@code message}, without our context. */
    public String registryMessage() {
        return registryMessage;
    }

    /** True when the same call may succeed later (registry down, overloaded, 5xx). */
    public boolean isRetriable() {
        return false;
    }

    public boolean isSubjectNotFound() {
        return errorCode == SUBJECT_NOT_FOUND;
    }

    /** The schema (by id, or under a subject) does not exist: 40403. */
    public boolean isSchemaNotFound() {
        return errorCode == SCHEMA_NOT_FOUND;
    }

    /** Rejected by the compatibility rules; Confluent and Apicurio both answer HTTP 409 with error_code 409. */
    public boolean isIncompatible() {
        return errorCode == INCOMPATIBLE_SCHEMA || httpStatus == 409;
    }

    public boolean isInvalidSchema() {
        return errorCode == INVALID_SCHEMA;
    }
}
