package io.avsb.bench;

import io.avsb.AvsbContext;
import io.avsb.AvsbServer;
import io.avsb.spi.AvsbHook;
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
 * {@link EvaluationBenchmark} with a hook that does nothing: the cost of calling hooks on the
 * evaluation path, apart from what a hook does (compare with {@link
 * EvaluationWithMetricsBenchmark}). JMH runs it on one thread per trial.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class EvaluationWithEmptyHookBenchmark {
  @Param({BenchFlags.RULE_ONLY, BenchFlags.ROLLOUT, BenchFlags.BIG_IN, BenchFlags.PREREQUISITES,
      BenchFlags.SEGMENT})
  public String flag;

  private AvsbServer server;
  private AvsbContext[] contexts;

  /** Loads the flags with an empty hook registered. */
  @Setup
  public void start() {
    // applications name flags with literals, which the JVM interns; JMH's parameter is a copy
    flag = flag.intern();
    AvsbHook nothing = new AvsbHook() {};
    server = AvsbSetup.withoutEventsHooked(BenchFlags.writeTempFile(), nothing);
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
