package io.avsb.bench;

import io.avsb.AvsbContext;
import io.avsb.AvsbServer;
import io.avsb.micrometer.AvsbMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * {@link EvaluationBenchmark} with Micrometer metrics bound: the same server, flags and contexts,
 * events off, plus {@link AvsbMetrics} registered as a hook and bound to a {@link
 * SimpleMeterRegistry}. The ratio of the two scores is the cost of the metrics on the evaluation
 * path. JMH runs it on one thread per trial.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class EvaluationWithMetricsBenchmark {
  @Param({BenchFlags.RULE_ONLY, BenchFlags.ROLLOUT, BenchFlags.BIG_IN, BenchFlags.PREREQUISITES,
      BenchFlags.SEGMENT})
  public String flag;

  private AvsbServer server;
  private AvsbContext[] contexts;

  /** Loads the flags with the metrics hook registered and bound. */
  @Setup
  public void start() {
    // applications name flags with literals, which the JVM interns; JMH's parameter is a copy
    flag = flag.intern();
    AvsbMetrics metrics = AvsbMetrics.create();
    server = AvsbSetup.withoutEventsHooked(BenchFlags.writeTempFile(), metrics);
    metrics.monitor(server).bindTo(new SimpleMeterRegistry());
    contexts = AvsbSetup.contexts();
  }

  /** Closes the server. */
  @TearDown
  public void stop() {
    server.close();
  }

  /** One evaluation for the next context. */
  @Benchmark
  public boolean evaluate(ContextCursor cursor) {
    return server.forUser(contexts[cursor.next()]).getBoolFlag(flag, false);
  }
}
