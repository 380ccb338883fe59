package dev.newsflow.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.processor.StreamPartitioner;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;

/**
 * Answers a query about one key of a store where the key lives: from local state when this instance owns it,
 * forwarded to the owner otherwise, and 503 with {@code Retry-After} while nobody owns it (a rebalance) or the store
 * is migrating. Every interactive query route goes through here, so they all behave the same across instances.
 */
final class KeyRouter {

    /** A query answered from this instance's state; {@code partition} is null without {@code application.server}. */
    @FunctionalInterface
    interface LocalQuery {
        Map<String, Object> answer(Integer partition) throws BadQuery;
    }

    /** What a route does with a GET request; the exceptions it may throw become 400, 503 and 500 answers. */
    @FunctionalInterface
    interface Route {
        void answer(HttpExchange exchange) throws IOException, InterruptedException, BadQuery;
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KeyLocator locator;
    private final QueryForwarder forwarder;

    /** @param self this instance's advertised address ({@code host:port}), or null when it has none */
    KeyRouter(KafkaStreams streams, String self) {
        this.locator = new KeyLocator(streams, self == null ? null : HostInfo.buildFromEndpoint(self));
        this.forwarder = new QueryForwarder(self);
    }

    /**
     * Answers {@code exchange} with {@code query} run on the owner of {@code key} in {@code store}, partitioned as the
     * default partitioner over the key's UTF-8 bytes does, or as {@code partitioner} when it is not null.
     */
    void route(HttpExchange exchange, String store, String key, StreamPartitioner<String, ?> partitioner,
               LocalQuery query) throws IOException, InterruptedException, BadQuery {
        KeyLocation location = locator.locate(store, key, partitioner);
        if (location instanceof KeyLocation.Local local) {
            Map<String, Object> body;
            try {
                body = query.answer(local.partition());
            } catch (InvalidStateStoreException e) {
                // The store is being restored or handed over between the metadata lookup and the read.
                unavailable(exchange, "the store is migrating: " + e.getMessage());
                return;
            }
            body.put("servedBy", locator.self());
            HealthServer.respond(exchange, 200, "application/json", JSON.writeValueAsString(body) + "\n");
        } else if (location instanceof KeyLocation.Remote remote) {
            if (exchange.getRequestHeaders().containsKey(QueryForwarder.HEADER)) {
                // The sender thought we own it and we think it does not: metadata is moving, ask again shortly.
                unavailable(exchange, "ownership is changing");
                return;
            }
            String pathAndQuery = exchange.getRequestURI().getRawPath()
                    + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
            try {
                QueryForwarder.Answer answer = forwarder.forward(remote.owner(), pathAndQuery);
                if (answer.status() == 503) {
                    exchange.getResponseHeaders().set("Retry-After", "1");
                }
                HealthServer.respond(exchange, answer.status(), answer.contentType(), answer.body());
            } catch (IOException e) {
                unavailable(exchange, "owner " + remote.owner().host() + ":" + remote.owner().port() + " did not answer");
            }
        } else {
            unavailable(exchange, ((KeyLocation.Unavailable) location).why());
        }
    }

    /** Runs {@code route} for a GET request, answers any other method with 405, and closes the exchange. */
    static void serveGet(HttpExchange exchange, Route route) throws IOException {
        try {
            if (!exchange.getRequestMethod().equals("GET")) {
                error(exchange, 405, "only GET");
                return;
            }
            route.answer(exchange);
        } catch (BadQuery e) {
            error(exchange, 400, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            unavailable(exchange, "interrupted");
        } catch (RuntimeException e) {
            error(exchange, 500, e.getClass().getSimpleName() + ": " + e.getMessage());
        } finally {
            exchange.close();
        }
    }

    /** The window store {@code name}, of one partition when {@code partition} is not null. */
    static <V> ReadOnlyWindowStore<String, V> windowStore(KafkaStreams streams, String name, Integer partition) {
        StoreQueryParameters<ReadOnlyWindowStore<String, V>> parameters =
                StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, V>windowStore());
        return streams.store(partition == null ? parameters : parameters.withPartition(partition));
    }

    static void unavailable(HttpExchange exchange, String why) throws IOException {
        exchange.getResponseHeaders().set("Retry-After", "1");
        error(exchange, 503, why);
    }

    static void error(HttpExchange exchange, int status, String message) throws IOException {
        HealthServer.respond(exchange, status, "application/json",
                JSON.writeValueAsString(Map.of("error", message)) + "\n");
    }
}
