package dev.newsflow.registry;

import java.util.List;
import org.apache.avro.Schema;

/**
 * The subset of the Confluent Schema Registry REST API that newsflow uses.
 *
 * <p>Every method throws {@link SchemaRegistryException} for an error answer and its retriable
 * subclass {@link RegistryUnavailableException} when no registry could answer.
 */
public interface SchemaRegistryClient extends AutoCloseable {

    /** Registers the schema under the subject (idempotent) and returns its global id. */
    int register(String subject, Schema schema);

    /** Finds the schema among the subject's versions without registering it (40401/40403 if absent). */
    RegisteredSchema lookup(String subject, Schema schema);

    /** The schema with this global id (40403 if unknown). */
    Schema getById(int id);

    /** The subject's newest version (40401 if the subject does not exist). */
    RegisteredSchema latest(String subject);

    /** One version of a subject (40401 / 40402). */
    RegisteredSchema version(String subject, int version);

    /** Version numbers of the subject, oldest first. */
    List<Integer> versions(String subject);

    /** Whether the schema could be registered as the subject's next version; true for a new subject. */
    boolean testCompatibility(String subject, Schema schema);

    /** Sets the compatibility level of a subject, or the global one when subject is null. */
    void setCompatibility(String subject, CompatibilityLevel level);

    /** The global compatibility level. */
    CompatibilityLevel globalCompatibility();

    /** All subject names. */
    List<String> subjects();

    /** Releases resources; the default owns none. */
    @Override
    default void close() {
    }
}
