package dev.newsflow.kafka;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Node;

/** Waits until a broker answers clients and lists itself, i.e. it is registered and unfenced. */
final class BrokerReadiness {

    private static final long POLL_MS = 50;

    private BrokerReadiness() {
    }

    static void await(String bootstrapServers, int nodeId, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, "newsflow-readiness",
                AdminClientConfig.RETRY_BACKOFF_MS_CONFIG, 50,
                AdminClientConfig.RECONNECT_BACKOFF_MS_CONFIG, 50,
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 200))) {
            while (true) {
                long leftMs = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (leftMs <= 0) {
                    throw new IllegalStateException("Kafka at " + bootstrapServers + " not ready after " + timeout);
                }
                if (listsItself(admin, nodeId, leftMs)) {
                    return;
                }
                Thread.sleep(POLL_MS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for Kafka at " + bootstrapServers, e);
        }
    }

    private static boolean listsItself(Admin admin, int nodeId, long leftMs) throws InterruptedException {
        int timeoutMs = (int) Math.min(leftMs, 5_000);
        try {
            return admin.describeCluster(new DescribeClusterOptions().timeoutMs(timeoutMs)).nodes()
                .get(timeoutMs, TimeUnit.MILLISECONDS).stream().mapToInt(Node::id).anyMatch(id -> id == nodeId);
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }
}
