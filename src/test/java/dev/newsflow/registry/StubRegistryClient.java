package dev.newsflow.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.Schema;

/**
 * A registry client answering from a map, so that wire-format unit tests can pick any id (e.g.
 * 0x01020304) and make getById fail in a chosen way. Registry behaviour itself is tested on real registries.
 */
final class StubRegistryClient implements SchemaRegistryClient {

    final Map<Integer, Schema> schemas = new HashMap<>();
    final List<String> registeredSubjects = new ArrayList<>();
    final AtomicInteger registerCalls = new AtomicInteger();
    final AtomicInteger getByIdCalls = new AtomicInteger();
    private final int nextId;
    volatile RuntimeException getByIdFailure;

    StubRegistryClient(int id) {
        this.nextId = id;
    }

    @Override
    public int register(String subject, Schema schema) {
        registerCalls.incrementAndGet();
        registeredSubjects.add(subject);
        schemas.put(nextId, schema);
        return nextId;
    }

    @Override
    public Schema getById(int id) {
        getByIdCalls.incrementAndGet();
        if (getByIdFailure != null) {
            throw getByIdFailure;
        }
        Schema schema = schemas.get(id);
        if (schema == null) {
            throw new SchemaRegistryException(404, SchemaRegistryException.SCHEMA_NOT_FOUND, "Schema " + id
                    + " not found", "stub");
        }
        return schema;
    }

    @Override
    public RegisteredSchema lookup(String subject, Schema schema) {
        throw new UnsupportedOperationException();
    }

    @Override
    public RegisteredSchema latest(String subject) {
        throw new UnsupportedOperationException();
    }

    @Override
    public RegisteredSchema version(String subject, int version) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<Integer> versions(String subject) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean testCompatibility(String subject, Schema schema) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void setCompatibility(String subject, CompatibilityLevel level) {
        throw new UnsupportedOperationException();
    }

    @Override
    public CompatibilityLevel globalCompatibility() {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<String> subjects() {
        throw new UnsupportedOperationException();
    }
}
