package dev.newsflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BenchReportTest {

    private static final long SECOND = 1_000_000_000L;
    private static final long MIB = 1_048_576L;

    private static PipelineResult result(Pipeline pipeline, long seconds, long cpuSeconds, long deadLetters) {
        Throughput throughput = new Throughput(new Counts(20_000, 20_000 - deadLetters, deadLetters), 120_000_000,
                new Resources(cpuSeconds * SECOND, seconds * SECOND, 300 * MIB, seconds * 20));
        Latency latency = new Latency(new Counts(9_000, 9_000 - deadLetters, deadLetters), 300,
                new LatencySummary(9_000, 110, 180, 250, 400), new Resources(9 * SECOND, 30 * SECOND, 200 * MIB, 1_500));
        return new PipelineResult(pipeline, throughput, latency);
    }

    @Test
    void figuresPerPipelineWithRatiosToThePassthroughBaseline() {
        BenchReport report = new BenchReport(List.of("newsflow bench: setup"), List.of(
                result(Pipeline.PASSTHROUGH, 10, 15, 0), result(Pipeline.HOT, 25, 40, 12), result(Pipeline.FULL, 100, 190, 12)));

        List<String> lines = report.lines();

        assertThat(lines.get(0)).isEqualTo("newsflow bench: setup");
        assertThat(lines).anySatisfy(line -> assertThat(line.split(" +")).containsExactly(
                "passthrough", "2000.0", "12.00", "1.00x", "110", "180", "250", "1.50", "300", "MiB"));
        assertThat(lines).anySatisfy(line -> assertThat(line.split(" +")).containsExactly(
                "hot", "800.0", "4.80", "0.40x", "110", "180", "250", "1.60", "300", "MiB"));
        assertThat(lines).contains("ratios: hot/passthrough 0.40x throughput, 2.67x CPU per article; "
                + "full/passthrough 0.10x throughput, 12.67x CPU per article");
        assertThat(lines).anySatisfy(line -> assertThat(line.split(" +")).containsExactly(
                "full", "latency", "9000", "8988", "12", "30.00", "0.30", "1.00", "200", "MiB", "5.0", "400", "ms"));
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("hot throughput").contains(" MiB    2.0 "));
        assertThat(lines).contains("note: full was offered 300 articles/s but its throughput is 200.0/s, so its latencies "
                + "are mostly time spent queueing; a --rate below its throughput measures it unloaded");
        assertThat(lines).noneMatch(line -> line.startsWith("note: hot") || line.startsWith("note: passthrough"));
        assertThat(lines.get(lines.size() - 1)).isEqualTo("counts: every phase's outputs plus dead letters equal its inputs");
        assertThat(report.allAccountedFor()).isTrue();
    }

    @Test
    void withoutPassthroughOrLatencyTheirColumnsAreDashes() {
        Throughput throughput = new Throughput(new Counts(100, 100, 0), 1_000_000, new Resources(SECOND, SECOND, MIB, 0));

        List<String> lines = new BenchReport(List.of(), List.of(new PipelineResult(Pipeline.HOT, throughput, null))).lines();

        assertThat(lines).anySatisfy(line -> assertThat(line.split(" +")).containsExactly(
                "hot", "100.0", "1.00", "-", "-", "-", "-", "1.00", "1", "MiB"));
        assertThat(lines).noneMatch(line -> line.startsWith("ratios"));
    }

    @Test
    void theStreamThreadsTimeSplitIsShownForThePhasesThatReportedIt() {
        Resources resources = new Resources(SECOND, SECOND, MIB, 0);
        Throughput reported = new Throughput(new Counts(100, 100, 0), 1_000_000, resources,
                new ThreadTime(0.8412, 0.074, 0.082, 0.0009));
        Throughput silent = new Throughput(new Counts(100, 100, 0), 1_000_000, resources);

        List<String> lines = new BenchReport(List.of(), List.of(new PipelineResult(Pipeline.PASSTHROUGH, silent, null),
                new PipelineResult(Pipeline.HOT, reported, null))).lines();

        assertThat(lines).contains("stream threads' time in the throughput phases (Kafka Streams' thread ratios, about "
                + "the last minute): hot process 84%, commit 7%, poll 8%, punctuate 0%");
        assertThat(lines.get(lines.size() - 1)).startsWith("counts:");
    }

    @Test
    void aPhaseThatLostRecordsIsCalledOut() {
        Throughput lossy = new Throughput(new Counts(100, 97, 2), 1_000_000, new Resources(SECOND, SECOND, MIB, 0));

        BenchReport report = new BenchReport(List.of(), List.of(new PipelineResult(Pipeline.FULL, lossy, null)));

        assertThat(report.allAccountedFor()).isFalse();
        assertThat(report.lines().get(report.lines().size() - 1)).startsWith("COUNTS DO NOT ADD UP in full throughput");
    }
}
