package io.avsb.bench;

import io.avsb.AvsbContext;
import io.avsb.AvsbServer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The cost of {@code track} on the caller's thread, events on. Each invocation makes {@link
 * #BATCH} calls (fewer than the event queue's capacity of 10,000) for cycling contexts; before
 * each invocation, outside the measurement, the previous batch is flushed to a local {@link
 * EventSink} and the benchmark waits until the processor holds nothing. So no delivery I/O runs
 * while measuring, and no call takes the cheaper queue-full path (checked: any drop fails the
 * run). Compare with {@link LaunchDarklyTrackBenchmark}.
 * Single-threaded: the per-invocation drain assumes one benchmark thread.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class TrackBenchmark {
  /** Calls per measured invocation. */
  public static final int BATCH = 5_000;

  private static final Map<String, Object> PURCHASE = Map.of("currency", "usd");

  private EventSink sink;
  private AvsbServer server;
  private EventProbe probe;
  private AvsbContext[] contexts;

  /** Starts the sink and a server whose timer never flushes during the run. */
  @Setup
  public void start() {
    sink = new EventSink();
    server = AvsbSetup.withEvents(BenchFlags.writeTempFile(), sink.uri(), Duration.ofHours(1));
    probe = new EventProbe(server);
    contexts = AvsbSetup.contexts();
  }

  /** Delivers what the last invocation queued, then waits until nothing is held. */
  @Setup(Level.Invocation)
  public void drain() {
    if (probe.held() == 0) {
      return;
    }
    server.flush();
    if (!probe.awaitDrained(10_000)) {
      throw new IllegalStateException("events were not delivered within 10 s");
    }
  }

  /** Fails the run if any event was dropped (the measurement would be of the drop path). */
  @TearDown
  public void stop() {
    long dropped = probe.dropped();
    server.close();
    sink.close();
    System.out.print(" [event posts " + sink.posts() + ", dropped " + dropped + "] ");
    if (dropped > 0) {
      throw new IllegalStateException(dropped + " events were dropped; the figures are invalid");
    }
  }

  /** The seed's purchase: {@code track("purchase", 149.99, {"currency": "usd"})}. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void trackPurchase(ContextCursor cursor) {
    for (int i = 0; i < BATCH; i++) {
      server.forUser(contexts[cursor.next()]).track("purchase", 149.99, PURCHASE);
    }
  }

  /** A bare event: {@code track("page-view")}. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void trackEvent(ContextCursor cursor) {
    for (int i = 0; i < BATCH; i++) {
      server.forUser(contexts[cursor.next()]).track("page-view");
    }
  }
}
