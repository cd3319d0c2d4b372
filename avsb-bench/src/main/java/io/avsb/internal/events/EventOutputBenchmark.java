package io.avsb.internal.events;

import io.avsb.AttributeRef;
import io.avsb.AvsbContext;
import io.avsb.AvsbValue;
import io.avsb.EvaluationReason;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The event thread's serialization of one output event with {@link EventJsonWriter}: a feature
 * event (a user with four attributes, one of them private, a reason in an experiment), a custom
 * event with a small data map ({@code track("purchase", 149.99, {"currency": "usd"})}) and a
 * summary of 20 flags. Run with {@code -prof gc}: B/op is what writing one event allocates. The
 * value-tree path it replaced was measured against it at commit {@code cd1d608}
 * (docs/performance.md); that path lives on only as the test oracle in avsb-core. In package
 * {@code io.avsb.internal.events} to reach the package-private writer. Single-threaded: the
 * writer belongs to one thread, as on the event thread.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Thread)
public class EventOutputBenchmark {
  private EventJsonWriter direct;
  private EvaluationEvent feature;
  private CustomEvent custom;
  private EventSummary summary;

  /** Builds the events and the writer, redacting {@code email}. */
  @Setup
  public void setUp() {
    Set<AttributeRef> privateAttributes = Set.of(AttributeRef.of("email"));
    direct = new EventJsonWriter(new ContextRedactor(false, privateAttributes));
    AvsbContext user = AvsbContext.builder("user-0042")
        .name("Ann Example")
        .set("email", "ann@example.com")
        .set("plan", "free")
        .set("country", "NO")
        .set("visits", 17)
        .build();
    long now = 1_767_225_600_000L;
    feature = new EvaluationEvent(now, user, "checkout-v2", 12, 1, AvsbValue.TRUE, AvsbValue.FALSE,
        EvaluationReason.ruleMatch(0, "rule-free-plan", true), null, true, false);
    custom = new CustomEvent(now, user, "purchase",
        new AvsbValue.Obj(Map.of("currency", AvsbValue.of("usd"))), 149.99);
    Map<String, EventSummary.FlagCounts> flags = new LinkedHashMap<>();
    for (int i = 0; i < 20; i++) {
      flags.put("flag-" + i, new EventSummary.FlagCounts(AvsbValue.FALSE, List.of("user"), List.of(
          new EventSummary.Counter(0, 3 + i, AvsbValue.FALSE, 1_000 + i),
          new EventSummary.Counter(1, 3 + i, AvsbValue.TRUE, 250 + i))));
    }
    summary = new EventSummary(now, now + 5_000, flags);
  }

  /** A feature event written directly. */
  @Benchmark
  public byte[] directFeature() {
    return direct.feature(feature);
  }

  /** A custom event with a small data map written directly. */
  @Benchmark
  public byte[] directCustom() {
    return direct.custom(custom);
  }

  /** A summary of 20 flags written directly. */
  @Benchmark
  public byte[] directSummary() {
    return direct.summary(summary);
  }
}
