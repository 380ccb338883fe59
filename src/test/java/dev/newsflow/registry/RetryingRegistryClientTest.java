package dev.newsflow.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class RetryingRegistryClientTest {

    private static final Schema STRING = Schema.create(Schema.Type.STRING);

    @Test
    void retriesAnOutageWithinTheBudgetAndReportsAvailabilityAgain() {
        StubRegistryClient stub = new StubRegistryClient(7);
        stub.schemas.put(7, STRING);
        stub.getByIdFailure = new RegistryUnavailableException(503, 50001, "store down", "stub", null);
        RetryingRegistryClient client = new RetryingRegistryClient(stub, Duration.ofSeconds(5));
        Thread heal = new Thread(() -> {
            sleep(300);
            stub.getByIdFailure = null;
        });
        heal.start();

        assertThat(client.getById(7)).isEqualTo(STRING);
        assertThat(stub.getByIdCalls.get()).isGreaterThan(1);
        assertThat(client.available()).isTrue();
    }

    @Test
    void givesUpAfterTheBudgetAndStaysUnavailableUntilACallSucceeds() {
        StubRegistryClient stub = new StubRegistryClient(7);
        stub.schemas.put(7, STRING);
        stub.getByIdFailure = new RegistryUnavailableException(0, 0, "connection refused", "stub", null);
        RetryingRegistryClient client = new RetryingRegistryClient(stub, Duration.ofMillis(400));

        long t0 = System.nanoTime();
        assertThatThrownBy(() -> client.getById(7)).isInstanceOf(RegistryUnavailableException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        assertThat(client.available()).isFalse();

        stub.getByIdFailure = null;
        client.getById(7);
        assertThat(client.available()).isTrue();
    }

    @Test
    void clientErrorsAreNotRetried() {
        StubRegistryClient stub = new StubRegistryClient(7);
        RetryingRegistryClient client = new RetryingRegistryClient(stub, Duration.ofSeconds(5));

        assertThatThrownBy(() -> client.getById(99)).isInstanceOf(SchemaRegistryException.class)
                .isNotInstanceOf(RegistryUnavailableException.class);
        assertThat(stub.getByIdCalls.get()).isEqualTo(1);
        assertThat(client.available()).isTrue();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
