package dev.newsflow.bench;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The benchmark's findings as text: what was measured, a summary row per pipeline with its ratios to the
 * passthrough baseline, and every phase's counts, so a lost record cannot hide behind a good figure.
 *
 * @param setup lines describing the setup and the method, printed first
 */
public record BenchReport(List<String> setup, List<PipelineResult> results) {

    private static final String SUMMARY = "%-12s %11s %8s %14s %8s %8s %8s %10s %11s";
    private static final String DETAIL = "%-24s %7s %7s %13s %9s %10s %15s %11s %6s %12s";

    public BenchReport {
        setup = List.copyOf(setup);
        results = List.copyOf(results);
    }

    /** Whether every phase's outputs plus dead letters equal its inputs. */
    public boolean allAccountedFor() {
        return results.stream().allMatch(r -> r.throughput().counts().accountedFor()
                && (r.latency() == null || r.latency().counts().accountedFor()));
    }

    public void print(PrintWriter out) {
        lines().forEach(out::println);
        out.flush();
    }

    /** The whole report, line by line. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>(setup);
        lines.add("");
        lines.add(String.format(Locale.ROOT, SUMMARY, "pipeline", "articles/s", "MB/s", "x passthrough",
                "p50 ms", "p95 ms", "p99 ms", "CPU cores", "peak heap"));
        for (PipelineResult r : results) {
            Throughput t = r.throughput();
            Latency l = r.latency();
            lines.add(String.format(Locale.ROOT, SUMMARY, r.pipeline().label(), number(t.articlesPerSecond(), 1),
                    number(t.megabytesPerSecond(), 2), ratio(r, Throughput::articlesPerSecond),
                    l == null ? "-" : l.latency().p50(), l == null ? "-" : l.latency().p95(),
                    l == null ? "-" : l.latency().p99(), number(t.resources().cores(), 2),
                    mebibytes(t.resources().peakHeapBytes())));
        }
        lines.add("(articles/s, MB/s, CPU cores and peak heap: throughput phases; p50 to p99: latency phases)");
        ratioLine().ifPresent(lines::add);
        results.stream().filter(BenchReport::overloaded).forEach(r -> lines.add(String.format(Locale.ROOT,
                "note: %s was offered %d articles/s but its throughput is %.1f/s, so its latencies are mostly time spent "
                        + "queueing; a --rate below its throughput measures it unloaded",
                r.pipeline().label(), r.latency().rate(), r.throughput().articlesPerSecond())));
        lines.add("");
        lines.add(String.format(Locale.ROOT, DETAIL, "phase", "in", "out", "dead letters", "seconds", "CPU cores",
                "CPU ms/article", "peak heap", "GC %", "latency max"));
        for (PipelineResult r : results) {
            Throughput t = r.throughput();
            lines.add(detail(r.pipeline().label() + " throughput", t.counts(), t.seconds(), t.resources(),
                    t.cpuMillisPerArticle(), "-"));
            Latency l = r.latency();
            if (l != null) {
                lines.add(detail(r.pipeline().label() + " latency", l.counts(), l.seconds(), l.resources(),
                        l.cpuMillisPerArticle(), l.latency().max() + " ms"));
            }
        }
        threadTimeLine().ifPresent(lines::add);
        lines.add(accountingLine());
        return lines;
    }

    /** An offered rate above what the pipeline can do: the queue grows for the whole latency phase. */
    private static boolean overloaded(PipelineResult r) {
        return r.latency() != null && r.throughput().articlesPerSecond() < r.latency().rate();
    }

    private Optional<Throughput> baseline() {
        return results.stream().filter(r -> r.pipeline() == Pipeline.PASSTHROUGH).map(PipelineResult::throughput)
                .findFirst();
    }

    private String ratio(PipelineResult r, java.util.function.ToDoubleFunction<Throughput> figure) {
        return baseline().map(base -> number(figure.applyAsDouble(r.throughput()) / figure.applyAsDouble(base), 2) + "x")
                .orElse("-");
    }

    /** e.g. "ratios to passthrough: hot 0.40x throughput, 2.61x CPU per article; full ...". */
    private Optional<String> ratioLine() {
        if (baseline().isEmpty()) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        for (PipelineResult r : results) {
            if (r.pipeline() != Pipeline.PASSTHROUGH) {
                parts.add(r.pipeline().label() + "/passthrough " + ratio(r, Throughput::articlesPerSecond)
                        + " throughput, " + ratio(r, Throughput::cpuMillisPerArticle) + " CPU per article");
            }
        }
        return parts.isEmpty() ? Optional.empty() : Optional.of("ratios: " + String.join("; ", parts));
    }

    private static String detail(String phase, Counts counts, double seconds, Resources resources,
                                 double cpuMillisPerArticle, String latencyMax) {
        return String.format(Locale.ROOT, DETAIL, phase, counts.inputs(), counts.outputs(), counts.deadLetters(),
                number(seconds, 2), number(resources.cores(), 2), number(cpuMillisPerArticle, 2),
                mebibytes(resources.peakHeapBytes()), number(resources.gcPercent(), 1), latencyMax);
    }

    /** e.g. "stream threads ...: hot process 84%, commit 7%, poll 8%, punctuate 0%; ...". */
    private Optional<String> threadTimeLine() {
        List<String> parts = new ArrayList<>();
        for (PipelineResult r : results) {
            ThreadTime time = r.throughput().threadTime();
            if (time != null) {
                parts.add(String.format(Locale.ROOT, "%s process %.0f%%, commit %.0f%%, poll %.0f%%, punctuate %.0f%%",
                        r.pipeline().label(), time.process() * 100, time.commit() * 100, time.poll() * 100,
                        time.punctuate() * 100));
            }
        }
        return parts.isEmpty() ? Optional.empty() : Optional.of("stream threads' time in the throughput phases "
                + "(Kafka Streams' thread ratios, about the last minute): " + String.join("; ", parts));
    }

    private String accountingLine() {
        List<String> lost = new ArrayList<>();
        for (PipelineResult r : results) {
            if (!r.throughput().counts().accountedFor()) {
                lost.add(r.pipeline().label() + " throughput");
            }
            if (r.latency() != null && !r.latency().counts().accountedFor()) {
                lost.add(r.pipeline().label() + " latency");
            }
        }
        return lost.isEmpty()
                ? "counts: every phase's outputs plus dead letters equal its inputs"
                : "COUNTS DO NOT ADD UP in " + String.join(", ", lost) + ": outputs plus dead letters differ from inputs";
    }

    static String number(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    static String mebibytes(long bytes) {
        return String.format(Locale.ROOT, "%d MiB", Math.round(bytes / 1048576.0));
    }
}
