package dev.newsflow.kafka;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Short-lived Kafka clients for one test: unique topic, group and transactional ids, read_committed
 * consumers, and "read N records" helpers. Everything it creates is closed with it.
 */
public final class KafkaTestClients implements AutoCloseable {

    private static final Duration TOPIC_TIMEOUT = Duration.ofSeconds(30);

    private final String bootstrapServers;
    private final String namePrefix;
    private final Deque<AutoCloseable> owned = new ArrayDeque<>();
    private int names;
    private Admin admin;
    private Producer<String, String> sender;

    public KafkaTestClients(String bootstrapServers, String namePrefix) {
        this.bootstrapServers = bootstrapServers;
        this.namePrefix = namePrefix;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public String namePrefix() {
        return namePrefix;
    }

    /** A name no other test uses, for a topic, group id or transactional id. */
    public synchronized String uniqueName(String hint) {
        return namePrefix + "-" + hint + "-" + (++names);
    }

    /** Creates a fresh topic and returns its name once it is usable. */
    public String createTopic(String hint, int partitions) {
        return createTopic(TopicSpec.of(uniqueName(hint), partitions, (short) 1));
    }

    public String createTopic(TopicSpec spec) {
        ProvisionReport report = new TopicProvisioner(admin(), TOPIC_TIMEOUT).provision(List.of(spec));
        if (!report.created().contains(spec.name())) {
            throw new IllegalStateException("topic " + spec.name() + " already existed");
        }
        return spec.name();
    }

    public Map<String, Object> adminConfig() {
        return new HashMap<>(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    public synchronized Admin admin() {
        if (admin == null) {
            admin = own(Admin.create(adminConfig()));
        }
        return admin;
    }

    /** An idempotent String producer (acks=all) that sends at once, so tests need no flush(). */
    public Producer<String, String> producer() {
        return producer(new StringSerializer(), new StringSerializer(), Map.of());
    }

    public <K, V> Producer<K, V> producer(Serializer<K> keys, Serializer<V> values, Map<String, Object> overrides) {
        Map<String, Object> config = adminConfig();
        config.put(ProducerConfig.CLIENT_ID_CONFIG, uniqueName("producer"));
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        config.putAll(overrides);
        return own(new KafkaProducer<>(config, keys, values));
    }

    /** A String producer with a unique transactional.id, already past initTransactions(). */
    public Producer<String, String> transactionalProducer() {
        Producer<String, String> producer = producer(new StringSerializer(), new StringSerializer(),
            Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, uniqueName("tx")));
        producer.initTransactions();
        return producer;
    }

    /** Sends one record and waits for the broker's acknowledgement. */
    public RecordMetadata send(String topic, String key, String value) {
        try {
            return sender().send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("send to " + topic + " failed", e);
        }
    }

    private synchronized Producer<String, String> sender() {
        if (sender == null) {
            sender = producer();
        }
        return sender;
    }

    /** A read_committed String consumer in a fresh group, starting from the earliest offset. */
    public Consumer<String, String> consumer() {
        return consumer(new StringDeserializer(), new StringDeserializer(), Map.of());
    }

    public <K, V> Consumer<K, V> consumer(Deserializer<K> keys, Deserializer<V> values, Map<String, Object> overrides) {
        Map<String, Object> config = adminConfig();
        config.put(ConsumerConfig.GROUP_ID_CONFIG, uniqueName("group"));
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, uniqueName("consumer"));
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.putAll(overrides);
        return own(new KafkaConsumer<>(config, keys, values));
    }

    /** The first {@code count} committed records of {@code topic}; fails with what it did get on timeout. */
    public List<ConsumerRecord<String, String>> consume(String topic, int count, Duration timeout) {
        return consume(topic, count, timeout, new StringDeserializer(), new StringDeserializer());
    }

    public <K, V> List<ConsumerRecord<K, V>> consume(String topic, int count, Duration timeout,
                                                     Deserializer<K> keys, Deserializer<V> values) {
        return consume(topic, count, timeout, keys, values, Map.of());
    }

    /** As above, with consumer config overrides (read_uncommitted, for one). */
    public <K, V> List<ConsumerRecord<K, V>> consume(String topic, int count, Duration timeout,
                                                     Deserializer<K> keys, Deserializer<V> values,
                                                     Map<String, Object> overrides) {
        try (Consumer<K, V> consumer = consumer(keys, values, overrides)) {
            return new TopicReader<>(consumer, topic).read(count, timeout);
        }
    }

    /** Every committed record of {@code topic} up to its current end (the last stable offset). */
    public List<ConsumerRecord<String, String>> readToEnd(String topic, Duration timeout) {
        return readToEnd(topic, timeout, new StringDeserializer(), new StringDeserializer());
    }

    /** As above, with the given deserializers. */
    public <K, V> List<ConsumerRecord<K, V>> readToEnd(String topic, Duration timeout, Deserializer<K> keys,
                                                       Deserializer<V> values) {
        try (Consumer<K, V> consumer = consumer(keys, values, Map.of())) {
            return new TopicReader<>(consumer, topic).readToEnd(timeout);
        }
    }

    private synchronized <T extends AutoCloseable> T own(T client) {
        owned.push(client);
        return client;
    }

    @Override
    public synchronized void close() {
        List<Exception> failures = new ArrayList<>();
        while (!owned.isEmpty()) {
            try {
                AutoCloseable client = owned.pop();
                if (client instanceof Producer<?, ?> p) {
                    p.close(Duration.ofSeconds(5));
                } else if (client instanceof Consumer<?, ?> c) {
                    c.close(CloseOptions.timeout(Duration.ofSeconds(5)));
                } else {
                    client.close();
                }
            } catch (Exception e) {
                failures.add(e);
            }
        }
        admin = null;
        sender = null;
        if (!failures.isEmpty()) {
            IllegalStateException e = new IllegalStateException("closing test clients failed");
            failures.forEach(e::addSuppressed);
            throw e;
        }
    }
}
