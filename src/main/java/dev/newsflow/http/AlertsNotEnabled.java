package dev.newsflow.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;

/**
 * {@code /api/alerts/{subscription}} while this instance has no alerts store: 404 with a reason. The seam for the
 * alerts stage: it registers its own handler under {@link #PATH} in the routes given to {@link HealthServer}.
 */
public final class AlertsNotEnabled implements HttpHandler {

    public static final String PATH = "/api/alerts/";

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            TrendApi.error(exchange, 404, "alerts not enabled");
        } finally {
            exchange.close();
        }
    }
}
