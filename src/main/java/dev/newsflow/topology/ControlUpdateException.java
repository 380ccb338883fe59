package dev.newsflow.topology;

/** A rule or knowledge-base update that newsflow refuses, with the dead-letter code and reason. */
final class ControlUpdateException extends RuntimeException {

    private final String errorCode;

    ControlUpdateException(String errorCode, String reason, Throwable cause) {
        super(reason, cause);
        this.errorCode = errorCode;
    }

    ControlUpdateException(String errorCode, String reason) {
        this(errorCode, reason, null);
    }

    String errorCode() {
        return errorCode;
    }
}
