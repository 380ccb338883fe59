package dev.newsflow.alerts;

/** A subscription that newsflow refuses; the message names the field at fault and what is allowed. */
public final class InvalidSubscriptionException extends IllegalArgumentException {

    public InvalidSubscriptionException(String message) {
        super(message);
    }

    public InvalidSubscriptionException(String message, Throwable cause) {
        super(message, cause);
    }
}
