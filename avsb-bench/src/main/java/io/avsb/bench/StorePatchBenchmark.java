package io.avsb.bench;

import io.avsb.AvsbValue;
import io.avsb.internal.store.DataSourceStatusTracker;
import io.avsb.internal.store.FlagStore;
import io.avsb.internal.store.StoreUpdates;
import io.avsb.spi.DataKind;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
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

/**
 * One {@code patch} applied to a store of {@code flags} flags, as the stream applies it (through
 * {@link StoreUpdates#upsert}, no change listener): parse the item, publish a new snapshot. Each call
 * patches the next of 1,024 flags with a higher version. JMH runs it on one thread per trial.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@State(Scope.Benchmark)
public class StorePatchBenchmark {
  @Param({"1000", "200000"})
  public int flags;

  private StoreUpdates updates;
  private int version;

  /** Stores the full data set. */
  @Setup
  public void load() {
    updates = new StoreUpdates(new FlagStore(), new DataSourceStatusTracker(Clock.systemUTC()));
    Map<String, AvsbValue> all = new LinkedHashMap<>();
    for (int i = 0; i < flags; i++) {
      all.put("f" + i, flag(1));
    }
    updates.init(new AvsbValue.Obj(Map.of("flags", new AvsbValue.Obj(all),
        "segments", new AvsbValue.Obj(Map.of()))));
    version = 1;
  }

  /** Patches the next flag at a higher version. */
  @Benchmark
  public boolean patch() {
    version++;
    return updates.upsert(DataKind.FLAGS, "f" + (version & 1023), flag(version));
  }

  private static AvsbValue flag(int version) {
    return new AvsbValue.Obj(Map.of("version", AvsbValue.of(version), "on", AvsbValue.TRUE,
        "variations", AvsbValue.arrayOf(AvsbValue.FALSE, AvsbValue.TRUE),
        "fallthrough", new AvsbValue.Obj(Map.of("variation", AvsbValue.of(1)))));
  }
}
