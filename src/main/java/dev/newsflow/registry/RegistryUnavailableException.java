package dev.newsflow.registry;

/** The registry could not be reached or answered 5xx/429: retry later, the record itself is fine. */
public class RegistryUnavailableException extends SchemaRegistryException {

    public RegistryUnavailableException(int httpStatus, int errorCode, String registryMessage, String context,
                                        Throwable cause) {
        super(httpStatus, errorCode, registryMessage, context, cause);
    }

    @Override
    public boolean isRetriable() {
        return true;
    }
}
