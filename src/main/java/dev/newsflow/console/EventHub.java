package dev.newsflow.console;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fans events out to connected browsers. Keeps the last few events of each type so a new or reconnecting browser
 * gets them at once (only those after its {@code Last-Event-ID}); each browser has its own writer thread and a
 * bounded queue, so one slow browser cannot hold up the others or the Kafka consumer, and is dropped instead.
 */
final class EventHub implements AutoCloseable {

    /** Where one browser's bytes go: the HTTP response body in the server, a buffer in tests. */
    interface Sink {
        void write(byte[] bytes) throws IOException;

        void close();
    }

    static final long RETRY_MILLIS = 2000;
    private static final int QUEUE_CAPACITY = 1000;
    private static final byte[] CLOSE = new byte[0];

    private final Map<String, RingBuffer<SseEvent>> recent = new LinkedHashMap<>();
    private final Set<Client> clients = ConcurrentHashMap.newKeySet();
    private final int maxClients;
    private final ScheduledExecutorService heartbeat;
    private final AtomicInteger threadNumber = new AtomicInteger();
    private long sequence;
    private volatile boolean closed;

    /**
     * @param kept       how many recent events of each type to replay to new browsers (types not named are refused)
     * @param maxClients browsers served at once; each takes a thread
     * @param heartbeat  interval of comment lines that find dead connections and keep proxies from closing live ones
     */
    EventHub(Map<String, Integer> kept, int maxClients, Duration heartbeat) {
        kept.forEach((type, capacity) -> recent.put(type, new RingBuffer<>(capacity)));
        // Ids start from the clock, so a browser reconnecting to a restarted application (its Last-Event-ID from
        // the old one) still gets the new application's kept events, which all have larger ids.
        this.sequence = System.currentTimeMillis() * 1000;
        this.maxClients = maxClients;
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "newsflow-console-heartbeat"));
        this.heartbeat.scheduleAtFixedRate(this::beat, heartbeat.toMillis(), heartbeat.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Numbers the event, keeps it for late joiners and queues it for every connected browser. */
    SseEvent publish(String type, String data) {
        RingBuffer<SseEvent> kept = recent.get(type);
        if (kept == null) {
            throw new IllegalArgumentException("unknown event type " + type);
        }
        SseEvent event;
        // Numbering, keeping and queueing under one lock: a browser subscribing meanwhile gets each event once,
        // either in its backlog or live, never both or neither.
        synchronized (this) {
            event = new SseEvent(++sequence, type, data);
            kept.add(event);
            byte[] bytes = SseFormat.event(event);
            clients.forEach(client -> client.offer(bytes));
        }
        return event;
    }

    /**
     * Starts streaming to {@code sink}: the retry interval, the kept events after {@code lastEventId} (0 for all),
     * then live events. Returns false, touching nothing, when the hub is full or closed.
     */
    boolean subscribe(Sink sink, long lastEventId) {
        Client client;
        synchronized (this) {
            if (closed || clients.size() >= maxClients) {
                return false;
            }
            client = new Client(sink);
            client.offer(SseFormat.retry(RETRY_MILLIS));
            backlog(lastEventId).forEach(event -> client.offer(SseFormat.event(event)));
            clients.add(client);
        }
        client.start();
        return true;
    }

    /** The kept events after {@code lastEventId}, in order, across types. */
    synchronized List<SseEvent> backlog(long lastEventId) {
        List<SseEvent> events = new ArrayList<>();
        recent.values().forEach(buffer -> buffer.snapshot().stream().filter(e -> e.id() > lastEventId).forEach(events::add));
        events.sort(Comparator.comparingLong(SseEvent::id));
        return events;
    }

    int clients() {
        return clients.size();
    }

    private void beat() {
        byte[] comment = SseFormat.comment("heartbeat");
        clients.forEach(client -> client.offer(comment));
    }

    @Override
    public void close() {
        closed = true;
        heartbeat.shutdownNow();
        clients.forEach(Client::stop);
    }

    private Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }

    /** One browser: a queue filled by the hub, drained by its own thread into the sink. */
    private final class Client implements Runnable {
        private final Sink sink;
        private final BlockingQueue<byte[]> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
        private final Thread thread;

        Client(Sink sink) {
            this.sink = sink;
            this.thread = daemon(this, "newsflow-console-sse-" + threadNumber.incrementAndGet());
        }

        void start() {
            thread.start();
        }

        void offer(byte[] bytes) {
            if (!queue.offer(bytes)) {
                // Not reading fast enough: drop it rather than buffer without bound; EventSource reconnects and
                // catches up from the kept events.
                stop();
            }
        }

        void stop() {
            clients.remove(this);
            queue.clear();
            queue.offer(CLOSE);
        }

        @Override
        public void run() {
            try {
                while (true) {
                    byte[] bytes = queue.take();
                    if (bytes == CLOSE) {
                        break;
                    }
                    sink.write(bytes);
                }
            } catch (IOException e) {
                // The browser went away; nothing to report.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                clients.remove(this);
                sink.close();
            }
        }
    }
}
