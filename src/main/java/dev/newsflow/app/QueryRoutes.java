package dev.newsflow.app;

import com.sun.net.httpserver.HttpHandler;
import dev.newsflow.config.NewsflowConfig;
import dev.newsflow.http.AlertApi;
import dev.newsflow.http.TrendApi;
import dev.newsflow.topology.TrendTopology;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;

/** The interactive query routes an instance serves next to health and metrics. */
final class QueryRoutes {

    private QueryRoutes() {
    }

    static Map<String, HttpHandler> of(NewsflowConfig config, KafkaStreams streams) {
        Map<String, HttpHandler> routes = new LinkedHashMap<>();
        routes.put(TrendApi.PATH, new TrendApi(streams, config.applicationServer(), config.trendWindow(),
                TrendTopology.retention(config), Clock.systemUTC()));
        routes.put(AlertApi.PATH, new AlertApi(streams, config.applicationServer(), Clock.systemUTC()));
        return routes;
    }
}
