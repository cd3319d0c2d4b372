package io.avsb.bench;

import com.launchdarkly.sdk.LDContext;
import com.launchdarkly.sdk.server.LDClient;
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
 * The LaunchDarkly Java server SDK 7.11.0 counterpart of {@link EvaluationBenchmark}: the same
 * flags file through its file data source, events off, the same contexts, {@code boolVariation}.
 * JMH runs it on one thread per trial.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class LaunchDarklyEvaluationBenchmark {
  @Param({BenchFlags.RULE_ONLY, BenchFlags.ROLLOUT, BenchFlags.BIG_IN, BenchFlags.PREREQUISITES,
      BenchFlags.SEGMENT})
  public String flag;

  private LDClient client;
  private LDContext[] contexts;

  /** Loads the flags. */
  @Setup
  public void start() {
    // applications name flags with literals, which the JVM interns; JMH's parameter is a copy
    flag = flag.intern();
    client = LaunchDarklySetup.withoutEvents(BenchFlags.writeTempFile());
    contexts = LaunchDarklySetup.contexts();
  }

  /** Closes the client. */
  @TearDown
  public void stop() {
    LaunchDarklySetup.close(client);
  }

  /** One evaluation for the next context. */
  @Benchmark
  public boolean evaluate(ContextCursor cursor) {
    return client.boolVariation(flag, contexts[cursor.next()], false);
  }
}
