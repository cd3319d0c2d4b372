package io.avsb.bench;

import com.launchdarkly.sdk.LDContext;
import com.launchdarkly.sdk.server.LDClient;
import java.time.Duration;
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
 * The LaunchDarkly counterpart of {@link EvaluationWithEventsBenchmark}: events on, sent to the
 * same kind of local sink with a one-hour flush interval (and no diagnostic events).
 * JMH runs it on one thread per trial.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class LaunchDarklyEvaluationWithEventsBenchmark {
  @Param({BenchFlags.RULE_ONLY, BenchFlags.ROLLOUT, BenchFlags.BIG_IN, BenchFlags.PREREQUISITES,
      BenchFlags.SEGMENT})
  public String flag;

  private EventSink sink;
  private LDClient client;
  private LDContext[] contexts;

  /** Starts the sink and the client. */
  @Setup
  public void start() {
    // applications name flags with literals, which the JVM interns; JMH's parameter is a copy
    flag = flag.intern();
    sink = new EventSink();
    client = LaunchDarklySetup.withEvents(BenchFlags.writeTempFile(), sink.uri(),
        Duration.ofHours(1));
    contexts = LaunchDarklySetup.contexts();
  }

  /** Closes the client and the sink. */
  @TearDown
  public void stop() {
    LaunchDarklySetup.close(client);
    sink.close();
  }

  /** One evaluation for the next context. */
  @Benchmark
  public boolean evaluate(ContextCursor cursor) {
    return client.boolVariation(flag, contexts[cursor.next()], false);
  }
}
