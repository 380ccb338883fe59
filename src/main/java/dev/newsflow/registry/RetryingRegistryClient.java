package dev.newsflow.registry;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.apache.avro.Schema;
import org.apache.kafka.common.errors.InterruptException;

/**
 * Retries calls that failed because the registry was unavailable, with exponential backoff inside a time
 * budget, and remembers whether the last call reached a registry, so health checks can report an outage.
 *
 * <p>The budget is short on purpose: the caller is a stream thread inside an exactly-once transaction
 * (Streams' transaction timeout is 10 s), so after the budget the error escapes, the thread is replaced and
 * the records are processed again from the last commit. Outages longer than the budget cost thread
 * replacements, never records.
 */
public final class RetryingRegistryClient implements SchemaRegistryClient {

    /** Longest total wait for one call before the error escapes. */
    public static final Duration DEFAULT_BUDGET = Duration.ofSeconds(5);
    private static final long FIRST_BACKOFF_MS = 100;
    private static final long MAX_BACKOFF_MS = 1_000;

    private final SchemaRegistryClient delegate;
    private final Duration budget;
    private volatile boolean available = true;

    public RetryingRegistryClient(SchemaRegistryClient delegate, Duration budget) {
        this.delegate = delegate;
        this.budget = budget;
    }

    /** False from a call that found no registry until the next call that reached one. */
    public boolean available() {
        return available;
    }

    private <T> T call(Supplier<T> request) {
        long deadline = System.nanoTime() + budget.toNanos();
        long backoff = FIRST_BACKOFF_MS;
        while (true) {
            try {
                T result = request.get();
                available = true;
                return result;
            } catch (RegistryUnavailableException e) {
                available = false;
                long left = (deadline - System.nanoTime() + 999_999) / 1_000_000;
                if (left <= 0) {
                    throw e;
                }
                sleep(Math.min(backoff, left));
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
            }
        }
    }

    private void run(Runnable request) {
        call(() -> {
            request.run();
            return null;
        });
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new InterruptException(e);
        }
    }

    @Override
    public int register(String subject, Schema schema) {
        return call(() -> delegate.register(subject, schema));
    }

    @Override
    public RegisteredSchema lookup(String subject, Schema schema) {
        return call(() -> delegate.lookup(subject, schema));
    }

    @Override
    public Schema getById(int id) {
        return call(() -> delegate.getById(id));
    }

    @Override
    public RegisteredSchema latest(String subject) {
        return call(() -> delegate.latest(subject));
    }

    @Override
    public RegisteredSchema version(String subject, int version) {
        return call(() -> delegate.version(subject, version));
    }

    @Override
    public List<Integer> versions(String subject) {
        return call(() -> delegate.versions(subject));
    }

    @Override
    public boolean testCompatibility(String subject, Schema schema) {
        return call(() -> delegate.testCompatibility(subject, schema));
    }

    @Override
    public void setCompatibility(String subject, CompatibilityLevel level) {
        run(() -> delegate.setCompatibility(subject, level));
    }

    @Override
    public CompatibilityLevel globalCompatibility() {
        return call(delegate::globalCompatibility);
    }

    @Override
    public List<String> subjects() {
        return call(delegate::subjects);
    }

    @Override
    public void close() {
        delegate.close();
    }

    @Override
    public String toString() {
        return "Retrying[" + delegate + ", budget " + budget + "]";
    }
}
