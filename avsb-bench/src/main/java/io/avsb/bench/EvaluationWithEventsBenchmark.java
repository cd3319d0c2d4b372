package io.avsb.bench;

import io.avsb.AvsbContext;
import io.avsb.AvsbServer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * As {@link EvaluationBenchmark} with analytics events on: each evaluation is recorded for the
 * summary on the caller's thread and counted by the event thread. Events go to a local {@link
 * EventSink} with a one-hour flush interval, so no delivery happens while measuring. Prints the
 * dropped-event count after each iteration: it must stay 0, or the drop path was measured.
 * Compare with {@link LaunchDarklyEvaluationWithEventsBenchmark}.
 * JMH runs it on one thread per trial.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class EvaluationWithEventsBenchmark {
  @Param({BenchFlags.RULE_ONLY, BenchFlags.ROLLOUT, BenchFlags.BIG_IN, BenchFlags.PREREQUISITES,
      BenchFlags.SEGMENT})
  public String flag;

  private EventSink sink;
  private AvsbServer server;
  private EventProbe probe;
  private AvsbContext[] contexts;

  /** Starts the sink and the server. */
  @Setup
  public void start() {
    // applications name flags with literals, which the JVM interns; JMH's parameter is a copy
    flag = flag.intern();
    sink = new EventSink(true);
    server = AvsbSetup.withEvents(BenchFlags.writeTempFile(), sink.uri(), Duration.ofHours(1));
    probe = new EventProbe(server);
    contexts = AvsbSetup.contexts();
  }

  /** Reports the event processor's counters. */
  @TearDown(Level.Iteration)
  public void report() {
    System.out.print(" [events held " + probe.held() + ", dropped " + probe.dropped() + "] ");
  }

  /**
   * Prints the events dropped over the trial, closes the server (which delivers the summary), then
   * prints the total of the summary counters the sink received, to compare with the calls made.
   */
  @TearDown
  public void stop() {
    System.out.printf("%n# events dropped: %s %d%n", flag, probe.dropped());
    server.close();
    System.out.printf("%n# summary counted: %s %d%n", flag, sink.summaryCounts());
    sink.close();
  }

  /** One evaluation for the next context. */
  @Benchmark
  public boolean evaluate(ContextCursor cursor) {
    return server.forUser(contexts[cursor.next()]).getBoolFlag(flag, false);
  }
}
