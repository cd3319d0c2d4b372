package io.avsb.bench;

import io.avsb.AvsbContext;
import io.avsb.AvsbServer;
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
 * One boolean evaluation through our public API with events off, as an application makes it: a
 * scoped helper per call from {@code server.forUser(context)}, then {@code getBoolFlag}. The
 * contexts cycle through {@link BenchFlags#CONTEXTS} distinct users. Compare with {@link
 * LaunchDarklyEvaluationBenchmark}, which runs the same flags file and contexts.
 * JMH runs it on one thread per trial; the server it measures is thread-safe.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class EvaluationBenchmark {
  @Param({BenchFlags.RULE_ONLY, BenchFlags.ROLLOUT, BenchFlags.BIG_IN, BenchFlags.PREREQUISITES,
      BenchFlags.SEGMENT})
  public String flag;

  private AvsbServer server;
  private AvsbContext[] contexts;

  /** Loads the flags, after checking that both SDKs agree on every result. */
  @Setup
  public void start() {
    // applications name flags with literals, which the JVM interns; JMH's parameter is a copy
    flag = flag.intern();
    java.nio.file.Path file = BenchFlags.writeTempFile();
    System.out.println("# true results per flag (of " + BenchFlags.CONTEXTS + " contexts, same in"
        + " both SDKs): " + SameResults.verify(file));
    server = AvsbSetup.withoutEvents(file);
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
