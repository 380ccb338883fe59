package dev.newsflow.app;

import dev.newsflow.config.ClientProperties;
import dev.newsflow.config.NewsflowConfig;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;

/**
 * Asks Kafka for its cluster id before a command starts, so an unreachable broker is one clear sentence
 * naming the address and the flag that sets it, instead of a client retrying quietly for a minute.
 */
public final class BrokerCheck {

    private BrokerCheck() {
    }

    /** @throws BrokerUnreachableException when no broker at the configured address answers within {@code timeout} */
    public static void requireReachable(NewsflowConfig config, Duration timeout) {
        String servers = config.bootstrapServers();
        String fix = "set the address with --bootstrap-servers or NEWSFLOW_BOOTSTRAP_SERVERS";
        Admin admin = null;
        try {
            admin = Admin.create(ClientProperties.common(config));
            admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()))
                    .clusterId().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new BrokerUnreachableException("cannot reach Kafka at " + servers + " within " + seconds(timeout)
                    + unreachableHint(fix), e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof org.apache.kafka.common.errors.TimeoutException) {
                throw new BrokerUnreachableException("cannot reach Kafka at " + servers + " within " + seconds(timeout)
                        + unreachableHint(fix), cause);
            }
            if (cause instanceof AuthenticationException || cause instanceof AuthorizationException) {
                throw new BrokerUnreachableException("Kafka at " + servers + " refused this client: " + cause.getMessage()
                        + "; check the security settings given with --kafka-config or --kafka-config-file", cause);
            }
            throw new BrokerUnreachableException("cannot reach Kafka at " + servers + ": " + cause.getMessage() + "; " + fix, cause);
        } catch (KafkaException e) {
            // Admin.create fails at once when no bootstrap address resolves.
            throw new BrokerUnreachableException("cannot use Kafka bootstrap servers '" + servers + "': "
                    + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()) + "; " + fix, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerUnreachableException("interrupted while connecting to Kafka at " + servers, e);
        } finally {
            if (admin != null) {
                // Without a zero timeout, close() waits for the unanswered request to time out too.
                admin.close(Duration.ZERO);
            }
        }
    }

    private static String unreachableHint(String fix) {
        return " (is a broker running there, reachable from this host, on a plaintext listener unless --kafka-config "
                + "says otherwise?); " + fix + ", or wait longer with --connect-timeout";
    }

    private static String seconds(Duration timeout) {
        return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
    }

    /** No Kafka broker answered at the configured address; the message says what to change. */
    public static final class BrokerUnreachableException extends RuntimeException {
        BrokerUnreachableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
