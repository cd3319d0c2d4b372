package io.avsb.bench;

import com.launchdarkly.sdk.LDContext;
import com.launchdarkly.sdk.LDValue;
import com.launchdarkly.sdk.server.LDClient;
import java.time.Duration;
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
 * The LaunchDarkly counterpart of {@link TrackBenchmark}: batches of {@link TrackBenchmark#BATCH}
 * calls, each batch flushed to a local {@link EventSink} before the next one, outside the
 * measurement. The purchase data is a prebuilt {@code LDValue} (its API takes one), so the
 * conversion our {@code track} does from a {@code Map} is not charged to it.
 * Single-threaded: the per-invocation drain assumes one benchmark thread.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class LaunchDarklyTrackBenchmark {
  private static final LDValue PURCHASE = LDValue.buildObject().put("currency", "usd").build();

  private EventSink sink;
  private LDClient client;
  private LDContext[] contexts;
  private boolean pending;

  /** Starts the sink and a client whose timer never flushes during the run. */
  @Setup
  public void start() {
    sink = new EventSink();
    client = LaunchDarklySetup.withEvents(BenchFlags.writeTempFile(), sink.uri(),
        Duration.ofHours(1));
    contexts = LaunchDarklySetup.contexts();
  }

  /** Delivers what the last invocation queued and waits for the post. */
  @Setup(Level.Invocation)
  public void drain() {
    if (!pending) {
      return;
    }
    long expected = sink.posts() + 1;
    client.flush();
    sink.awaitPosts(expected, Duration.ofSeconds(10));
    pending = false;
  }

  /** Closes the client and the sink. */
  @TearDown
  public void stop() {
    LaunchDarklySetup.close(client);
    sink.close();
    System.out.print(" [event posts " + sink.posts() + "] ");
  }

  /** {@code trackMetric("purchase", context, {"currency": "usd"}, 149.99)}. */
  @Benchmark
  @OperationsPerInvocation(TrackBenchmark.BATCH)
  public void trackPurchase(ContextCursor cursor) {
    pending = true;
    for (int i = 0; i < TrackBenchmark.BATCH; i++) {
      client.trackMetric("purchase", contexts[cursor.next()], PURCHASE, 149.99);
    }
  }

  /** {@code track("page-view", context)}. */
  @Benchmark
  @OperationsPerInvocation(TrackBenchmark.BATCH)
  public void trackEvent(ContextCursor cursor) {
    pending = true;
    for (int i = 0; i < TrackBenchmark.BATCH; i++) {
      client.track("page-view", contexts[cursor.next()]);
    }
  }
}
