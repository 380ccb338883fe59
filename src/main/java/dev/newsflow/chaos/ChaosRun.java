package dev.newsflow.chaos;

import dev.newsflow.config.ClientProperties;
import dev.newsflow.config.NewsflowConfig;
import dev.newsflow.kafka.TopicProvisioner;
import dev.newsflow.registry.AvroSerde;
import dev.newsflow.registry.RestSchemaRegistryClient;
import dev.newsflow.schema.RawArticle;
import dev.newsflow.topology.Topics;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.Serializer;

/**
 * One scenario, start to end: topics of its own, the inputs, the application processes, the scenario's
 * disruptions at random moments while inputs flow, then a read_committed audit of the whole output.
 */
final class ChaosRun implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    /** What the application logs when the broker refuses its writes for want of an ACL. */
    static final String REFUSED_WRITE = "TopicAuthorizationException";
    private static final int SIGTERM_EXIT = 128 + 15;

    private final ChaosScenario scenario;
    private final ChaosOptions options;
    private final ChaosCluster cluster;
    private final Consumer<String> progress;
    private final Random random;
    private final NewsflowConfig config;
    private final Admin admin;
    private final List<String> notes = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private final AppFleet fleet;
    private final long started = System.nanoTime();
    private int disruptions;
    private OutputAudit audit;
    private ChaosFeed feed;

    ChaosRun(ChaosScenario scenario, ChaosOptions options, ChaosCluster cluster, Path dir, Consumer<String> progress) {
        this.scenario = scenario;
        this.options = options;
        this.cluster = cluster;
        this.progress = progress;
        this.random = new Random(options.seed());
        // Names of their own, so that runs against one external cluster never read each other's output.
        String prefix = String.format(Locale.ROOT, "chaos-%s-%08x", scenario.label(), new Random().nextInt());
        this.config = NewsflowConfig.defaults().toBuilder()
                .bootstrapServers(cluster.bootstrapServers()).schemaRegistryUrl(cluster.registryUrl())
                .clientConfig(options.clientConfig()).applicationId(prefix)
                .inputTopics(List.of(prefix + ".raw")).outputTopic(prefix + ".enriched").errorTopic(prefix + ".dlq")
                .rulesTopic(prefix + ".rules").kbTopic(prefix + ".kb").topicStreamPattern(prefix + ".topic.{topic}")
                .build();
        this.admin = Admin.create(adminConfig());
        this.fleet = new AppFleet(AppLauncher.current(), appArgs(), dir);
    }

    private List<String> appArgs() {
        List<String> args = new ArrayList<>(List.of("--bootstrap-servers", config.bootstrapServers(),
                "--schema-registry-url", config.schemaRegistryUrl(), "--application-id", config.applicationId(),
                "--input-topics", config.inputTopics().get(0), "--output-topic", config.outputTopic(),
                "--error-topic", config.errorTopic(), "--rules-topic", config.rulesTopic(), "--kb-topic",
                config.kbTopic(), "--topic-stream-pattern", config.topicStreamPattern()));
        options.clientConfig().forEach((key, value) -> args.addAll(List.of("--kafka-config", key + "=" + value)));
        args.addAll(options.appArgs());
        return args;
    }

    ChaosFigures run() throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        List<FeedRecord> inputs = prepare();
        fleet.startNew();
        feed.start();
        int total = inputs.size();
        int chunks = options.disruptions() + 1;
        // Inputs are released in chunks, one more with each disruption, so that every disruption meets
        // articles in flight rather than an idle application that has finished.
        feed.allow(total / chunks);
        for (int i = 0; i < options.disruptions(); i++) {
            int before = audit.tally().distinct();
            awaitRunning();
            awaitOutputBeyond(before, i);
            pump(Duration.ofMillis(500 + random.nextInt(2_500)));
            feed.allow((int) ((long) total * (i + 2) / chunks));
            // Read everything committed so far, so that output counted after the strike was committed after it.
            audit.readTo(ends(IsolationLevel.READ_COMMITTED), Duration.ofSeconds(30));
            int atStrike = audit.tally().distinct();
            long struck = System.nanoTime();
            disrupt(i);
            disruptions++;
            awaitRecovery(i, atStrike, struck);
        }
        awaitRunning();
        awaitComplete(total);
        for (AppInstance instance : fleet.live()) {
            expectCleanExit(instance, fleet.terminate(instance));
        }
        if (feed.failure() != null) {
            problems.add("an input could not be sent: " + feed.failure());
        }
        audit.readTo(awaitTransactionsClosed(Duration.ofSeconds(60)), Duration.ofSeconds(120));
        OutputCounts counts = audit.tally().against(inputs.stream().map(FeedRecord::id).toList());
        long failures = fleet.threadFailures();
        if (failures > 0) {
            notes.add("stream threads that failed and were replaced (application logs): " + failures);
        }
        return new ChaosFigures(scenario, feed.acknowledged(), counts, fleet.kills(), fleet.started() - 1, disruptions,
                (System.nanoTime() - t0) / 1e9, List.copyOf(notes), List.copyOf(problems));
    }

    private List<FeedRecord> prepare() throws IOException {
        RestSchemaRegistryClient registry = RestSchemaRegistryClient.fromConfig(ClientProperties.serde(config));
        Topics topics = Topics.create(config, registry);
        TopicProvisioner.provision(adminConfig(), topics.specs(config, List.of()), Duration.ofSeconds(60));
        Serializer<RawArticle> serializer = AvroSerde.specific(RawArticle.class, registry, ClientProperties.serde(config),
                false).serializer();
        String topic = config.inputTopics().get(0);
        List<FeedRecord> inputs = ChaosInputs.create(config.applicationId(), options.articles(), options.articlesFile(),
                options.seed(), (id, article) -> serializer.serialize(topic, article));
        audit = new OutputAudit(ClientProperties.common(config), config.outputTopic(), config.errorTopic());
        feed = new ChaosFeed(ClientProperties.common(config), topic, inputs, options.ratePerSecond());
        say("%s: %d inputs to %s at %d/s, application id %s, %d disruption(s)", scenario.label(), inputs.size(),
                topic, options.ratePerSecond(), config.applicationId(), options.disruptions());
        return inputs;
    }

    private void disrupt(int i) throws InterruptedException {
        AppInstance app = fleet.newest();
        switch (scenario) {
            case SIGKILL -> {
                fleet.kill(app);
                say("SIGKILL %d", i + 1);
                fleet.start(app.stateDir());
            }
            case STATE_WIPE -> {
                fleet.kill(app);
                WorkDirs.delete(app.stateDir());
                say("SIGKILL %d and state directory %s wiped", i + 1, app.stateDir());
                fleet.start(app.stateDir());
            }
            case SIGTERM -> {
                int exit = fleet.terminate(app);
                expectCleanExit(app, exit);
                Map<TopicPartition, Long> open = openTransactionPartitions();
                if (!open.isEmpty()) {
                    problems.add("after SIGTERM " + (i + 1) + " transactions were still open on " + open.keySet());
                }
                say("SIGTERM %d: exit code %d, partitions with open transactions: %d", i + 1, exit, open.size());
                fleet.start(app.stateDir());
            }
            case BROKER_RESTART -> {
                requireEmbedded(cluster.embeddedBroker(), "--bootstrap-servers");
                cluster.stopBroker();
                Duration down = Duration.ofMillis(2_000 + random.nextInt(3_000));
                say("broker stopped for %d ms", down.toMillis());
                pump(down);
                cluster.startBroker();
            }
            case REGISTRY_OUTAGE -> registryOutage(app, i);
            case OUTPUT_UNWRITABLE -> outputUnwritable(i);
            case REBALANCE -> {
                if (i % 2 == 0) {
                    fleet.startNew();
                    say("instance %d started beside %d running", fleet.started(), fleet.live().size() - 1);
                } else {
                    AppInstance oldest = fleet.live().get(0);
                    expectCleanExit(oldest, fleet.terminate(oldest));
                    say("oldest instance terminated, %d left", fleet.live().size());
                }
            }
            default -> throw new IllegalStateException(scenario.name());
        }
    }

    /**
     * The registry goes away and the application restarts with cold caches, so it must reach the registry
     * for every schema it meets; health must say so while it waits, and nothing may be lost or dead-lettered.
     */
    private void registryOutage(AppInstance app, int i) throws InterruptedException {
        requireEmbedded(cluster.embeddedRegistry(), "--schema-registry-url");
        cluster.stopRegistry();
        fleet.kill(app);
        AppInstance restarted = fleet.start(app.stateDir());
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        String health = "";
        while (System.nanoTime() < deadline && !health.contains("\"registry\":\"unavailable\"")) {
            pump(Duration.ofMillis(250));
            health = restarted.health().orElse("");
        }
        if (health.contains("\"registry\":\"unavailable\"")) {
            notes.add("outage " + (i + 1) + ": /health said " + health.strip());
        } else {
            problems.add("outage " + (i + 1) + ": /health never reported the registry unavailable; last: " + health);
        }
        Duration down = Duration.ofMillis(2_000 + random.nextInt(3_000));
        pump(down);
        cluster.startRegistry();
        say("registry outage %d: down while the application restarted, then %d ms more", i + 1, down.toMillis());
    }

    /**
     * The output refuses the application's writes, as it does when someone revokes its ACL: a DENY Write ACL on the
     * output topic for every principal (the harness only reads it). Sends fail with TopicAuthorizationException, the
     * transaction is aborted and the stream thread replaced until the ACL goes. The denial lasts until the application
     * logs a refused write (at most two minutes), then 3-6 s more; a strike that met no write is a problem, since it
     * proves nothing.
     */
    private void outputUnwritable(int i) throws InterruptedException {
        long refusedBefore = refusedWrites();
        ResourcePattern output = new ResourcePattern(ResourceType.TOPIC, config.outputTopic(), PatternType.LITERAL);
        // Once a topic has any ACL, "allow everyone if no ACL is found" no longer covers it: allow everything
        // explicitly, and deny Write, which wins.
        List<AclBinding> acls = List.of(
                new AclBinding(output, new AccessControlEntry("User:*", "*", AclOperation.ALL, AclPermissionType.ALLOW)),
                new AclBinding(output, new AccessControlEntry("User:*", "*", AclOperation.WRITE, AclPermissionType.DENY)));
        try {
            admin.createAcls(acls).all().get();
            // The output's writes come seconds after the inputs (repartitions, commits), so the denial lasts until
            // the application has been refused at least once, then 3-6 s more.
            long started = System.nanoTime();
            long deadline = started + START_TIMEOUT.toNanos();
            while (refusedWrites() == refusedBefore && System.nanoTime() < deadline) {
                pump(Duration.ofMillis(250));
            }
            Duration more = Duration.ofMillis(3_000 + random.nextInt(3_000));
            pump(more);
            admin.deleteAcls(acls.stream().map(AclBinding::toFilter).toList()).all().get();
            say("output %d: writes to %s denied by ACL for %.1f s", i + 1, config.outputTopic(),
                    (System.nanoTime() - started) / 1e9);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot change the ACLs of " + config.outputTopic()
                    + " (the strike needs a broker with an authorizer, such as the embedded one)", e.getCause());
        }
        long refused = refusedWrites() - refusedBefore;
        if (refused == 0) {
            problems.add("output outage " + (i + 1) + " did not bite: no write was refused while it lasted");
        } else {
            notes.add("output outage " + (i + 1) + ": " + refused + " log lines of refused writes ("
                    + REFUSED_WRITE + ")");
        }
    }

    private long refusedWrites() {
        return fleet.live().stream().mapToLong(instance -> instance.linesContaining(REFUSED_WRITE)).sum();
    }

    /**
     * A JVM ended by SIGTERM exits with 143 after its shutdown hooks ran, so the proof of a clean close is the
     * application's own word in its log, not the exit code alone.
     */
    private void expectCleanExit(AppInstance instance, int exit) {
        if ((exit != 0 && exit != SIGTERM_EXIT) || !instance.closedCleanly()) {
            problems.add("an application exited with " + exit + " on SIGTERM without a clean close (log "
                    + instance.log() + ")");
        }
    }

    private void awaitRunning() throws InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        for (AppInstance instance : fleet.live()) {
            while (!instance.running()) {
                if (!instance.alive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("the application did not reach RUNNING; see " + instance.log());
                }
                pump(Duration.ofMillis(200));
            }
        }
    }

    /**
     * Strikes only once the application has produced output since the last one, so that each strike meets an
     * application in the middle of its work rather than one still warming up (the moment after is random).
     */
    private void awaitOutputBeyond(int before, int i) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (audit.tally().distinct() <= before && !caughtUp() && System.nanoTime() < deadline) {
            audit.poll(Duration.ofMillis(200));
        }
        // Caught up: everything released so far is out (a strike may wait for that), and the next chunk is released
        // just before the strike, so it still meets articles in flight.
        if (audit.tally().distinct() <= before && !caughtUp()) {
            problems.add("no output within " + START_TIMEOUT + " before strike " + (i + 1));
        }
    }

    /**
     * Times how long after the strike began new output was committed again (a restart, a rebalance, or the outage
     * itself included), and says so for each strike.
     */
    private void awaitRecovery(int i, int atStrike, long struck) {
        long deadline = struck + START_TIMEOUT.toNanos();
        while (audit.tally().distinct() <= atStrike && !caughtUp() && System.nanoTime() < deadline) {
            audit.poll(Duration.ofMillis(100));
        }
        double seconds = (System.nanoTime() - struck) / 1e9;
        if (audit.tally().distinct() <= atStrike && !caughtUp()) {
            problems.add(String.format(Locale.ROOT, "no new output within %.0f s of strike %d", seconds, i + 1));
        } else {
            String recovered = String.format(Locale.ROOT, "strike %d: new output committed %.1f s after it began",
                    i + 1, seconds);
            notes.add(recovered);
            say("%s", recovered);
        }
    }

    /** Every input released so far was sent and has its output: nothing more comes out until the next release. */
    private boolean caughtUp() {
        return feed.idle() && audit.tally().distinct() >= feed.acknowledged();
    }

    private void awaitComplete(int total) {
        long deadline = System.nanoTime() + options.timeout().toNanos();
        while (System.nanoTime() < deadline && !(feed.done() && audit.tally().distinct() >= total)) {
            audit.poll(Duration.ofMillis(200));
        }
    }

    /** Waits until no transaction is open on the output (a killed instance's is aborted by the broker in time). */
    private Map<TopicPartition, Long> awaitTransactionsClosed(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!openTransactionPartitions().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        return ends(IsolationLevel.READ_UNCOMMITTED);
    }

    /** Partitions whose last stable offset is behind the high watermark: a transaction is still open there. */
    private Map<TopicPartition, Long> openTransactionPartitions() {
        Map<TopicPartition, Long> stable = ends(IsolationLevel.READ_COMMITTED);
        Map<TopicPartition, Long> open = new HashMap<>();
        ends(IsolationLevel.READ_UNCOMMITTED).forEach((partition, end) -> {
            if (stable.getOrDefault(partition, 0L) < end) {
                open.put(partition, end);
            }
        });
        return open;
    }

    private Map<TopicPartition, Long> ends(IsolationLevel isolation) {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        audit.partitions().forEach(p -> request.put(p, OffsetSpec.latest()));
        try {
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(request, new ListOffsetsOptions(isolation)).all().get()
                    .forEach((partition, info) -> ends.put(partition, info.offset()));
            return ends;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot list the output's offsets", e.getCause());
        }
    }

    /** Keeps the audit reading while time passes, so the wait also measures progress. */
    private void pump(Duration duration) {
        long until = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < until) {
            audit.poll(Duration.ofMillis(Math.max(1, Math.min(200, (until - System.nanoTime()) / 1_000_000))));
        }
    }

    private static void requireEmbedded(boolean embedded, String option) {
        if (!embedded) {
            throw new IllegalStateException("this scenario stops the embedded broker or registry; run it without "
                    + option);
        }
    }

    private Map<String, Object> adminConfig() {
        Map<String, Object> props = new HashMap<>();
        ClientProperties.common(config).forEach((key, value) -> props.put((String) key, value));
        return props;
    }

    private void say(String format, Object... args) {
        progress.accept(String.format(Locale.ROOT, "%5.1f s ", (System.nanoTime() - started) / 1e9)
                + String.format(Locale.ROOT, format, args));
    }

    @Override
    public void close() {
        fleet.close();
        if (feed != null) {
            feed.close();
        }
        if (audit != null) {
            audit.close();
        }
        admin.close(Duration.ofSeconds(5));
    }
}
