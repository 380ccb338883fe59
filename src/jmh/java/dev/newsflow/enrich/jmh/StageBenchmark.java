package dev.newsflow.enrich.jmh;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The settings every enrichment benchmark shares (JMH inherits them): one operation is one article, so the score
 * is articles per second on one thread; one fork, since the machine is shared and runs are compared back to back
 * (add {@code -f 3} for a figure to quote). Twenty seconds of warm-up, because the NER path was still speeding up
 * after ten (from about 450 to 750 articles/s, in every fork, on a quiet machine).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 10, time = 2)
public abstract class StageBenchmark {
}
