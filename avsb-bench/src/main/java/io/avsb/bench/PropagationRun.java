package io.avsb.bench;

import io.avsb.AvsbServer;
import io.avsb.FlagChangeEvent;
import io.avsb.AvsbValue;
import io.avsb.ScopedAvsb;
import io.avsb.testkit.AvsbTestService;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Flag-change propagation on loopback: an {@link AvsbTestService} streams to an {@link AvsbServer};
 * each round the service sends a {@code patch} of one flag with a new version and value, and the
 * round's time runs from just before the service is told to send it until an evaluation through
 * the server's public API returns the new value. In mode {@code raw} (the default) the patch is
 * formatted before the clock starts and sent with {@link AvsbTestService#pushRaw}, so the time is
 * the wire, the SDK's parsing and store update, and the reader's check; in mode {@code putFlag} it
 * is sent with {@link AvsbTestService#putFlag}, which also updates the service's own copy of the
 * data first (a copy of all flags per patch). With reader {@code spin} (the default) the reader
 * evaluates in a loop; with {@code listener} the round ends when the server's flag change listener
 * ({@link io.avsb.FlagTracker}) is told of the flag, on the server's notifier thread, and the new
 * value is then checked through an evaluation. The reader spins ({@code Thread.onSpinWait}) for
 * the first 200 µs, then checks every ~20 µs (parked), so it does not starve the stream thread on
 * a small machine; the check interval bounds the resolution. Prints p50/p90/p99/max in
 * microseconds over the measured rounds (warm-up rounds are not counted).
 *
 * <p>Usage: {@code java -cp benchmarks.jar io.avsb.bench.PropagationRun [rounds=500]
 * [warmup=100] [fillerFlags=1000] [raw|putFlag] [spin|listener]}
 */
public final class PropagationRun {
  private static final String FLAG = "propagation";
  private static final long SPIN_NANOS = 200_000;
  private static final long PARK_NANOS = 20_000;
  private static final long ROUND_TIMEOUT_NANOS = Duration.ofSeconds(5).toNanos();

  private PropagationRun() {}

  /** Runs the measurement and prints the percentiles. */
  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 500;
    int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 100;
    int fillers = args.length > 2 ? Integer.parseInt(args[2]) : 1_000;
    boolean raw = args.length <= 3 || args[3].equals("raw");
    if (!raw && !args[3].equals("putFlag")) {
      throw new IllegalArgumentException("mode must be raw or putFlag, was " + args[3]);
    }
    boolean listen = args.length > 4 && args[4].equals("listener");
    if (args.length > 4 && !listen && !args[4].equals("spin")) {
      throw new IllegalArgumentException("reader must be spin or listener, was " + args[4]);
    }
    try (AvsbTestService service = new AvsbTestService().start()) {
      service.setData(initialData(fillers));
      try (AvsbServer server = AvsbServer.builder("bench-sdk-key")
          .baseUri(service.uri()).streamUri(service.uri()).eventsEnabled(false)
          .startWait(Duration.ofSeconds(10)).buildServer()) {
        if (!server.isReady()) {
          throw new IllegalStateException("the server did not get the first data set");
        }
        ScopedAvsb reader = server.forUser(Map.of("kind", "user", "key", "propagation-reader"));
        Listener listener = null;
        if (listen) {
          listener = new Listener();
          server.flagTracker().addFlagChangeListener(listener);
        }
        int version = 1;
        for (int i = 0; i < warmup; i++) {
          round(service, reader, listener, ++version, raw);
        }
        long[] micros = new long[rounds];
        for (int i = 0; i < rounds; i++) {
          micros[i] = round(service, reader, listener, ++version, raw) / 1_000;
        }
        print(rounds, warmup, fillers, raw, listen, micros);
      }
    }
  }

  /** One patch and the wait for it; returns the nanoseconds until the new value was seen. */
  private static long round(AvsbTestService service, ScopedAvsb reader, Listener listener,
      int version, boolean raw) {
    AvsbValue flag = flag(version);
    String patch = "event: patch\ndata: " + AvsbValue.fromJava(
        Map.of("path", "/flags/" + FLAG, "data", flag)).toJson() + "\n\n";
    LockSupport.parkNanos(1_000_000);
    CountDownLatch told = listener == null ? null : listener.expect();
    long start = System.nanoTime();
    if (raw) {
      service.pushRaw(patch);
    } else {
      service.putFlag(FLAG, flag);
    }
    if (listener != null) {
      try {
        if (!told.await(ROUND_TIMEOUT_NANOS, TimeUnit.NANOSECONDS)) {
          throw new IllegalStateException("no change notice for version " + version + " in 5 s");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
      if (reader.getIntFlag(FLAG, -1) != version) {
        throw new IllegalStateException("notified, but version " + version + " is not visible");
      }
      return listener.toldAt - start;
    }
    while (reader.getIntFlag(FLAG, -1) != version) {
      long waited = System.nanoTime() - start;
      if (waited > ROUND_TIMEOUT_NANOS) {
        throw new IllegalStateException("version " + version + " not seen within 5 s");
      }
      if (waited < SPIN_NANOS) {
        Thread.onSpinWait();
      } else {
        LockSupport.parkNanos(PARK_NANOS);
      }
    }
    return System.nanoTime() - start;
  }

  /** Notes when the server reports a change of the measured flag. */
  private static final class Listener implements Consumer<FlagChangeEvent> {
    private volatile CountDownLatch latch = new CountDownLatch(1);
    private volatile long toldAt;

    CountDownLatch expect() {
      latch = new CountDownLatch(1);
      return latch;
    }

    @Override
    public void accept(FlagChangeEvent event) {
      if (FLAG.equals(event.key())) {
        toldAt = System.nanoTime();
        latch.countDown();
      }
    }
  }

  private static AvsbValue flag(int version) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("key", FLAG);
    f.put("version", version);
    f.put("on", true);
    f.put("salt", FLAG);
    f.put("variations", List.of(version));
    f.put("offVariation", 0);
    f.put("fallthrough", Map.of("variation", 0));
    return AvsbValue.fromJava(f);
  }

  private static AvsbValue initialData(int fillers) {
    Map<String, Object> flags = new LinkedHashMap<>();
    for (int i = 0; i < fillers; i++) {
      String key = "filler-" + i;
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("key", key);
      f.put("version", 1);
      f.put("on", true);
      f.put("salt", key);
      f.put("variations", List.of(true, false));
      f.put("offVariation", 1);
      f.put("fallthrough", Map.of("variation", 0));
      f.put("rules", List.of(Map.of("id", "r", "variation", 1, "clauses",
          List.of(Map.of("attribute", "plan", "op", "in", "values", List.of("free"))))));
      flags.put(key, f);
    }
    flags.put(FLAG, flag(1));
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("flags", flags);
    data.put("segments", Map.of());
    return AvsbValue.fromJava(data);
  }

  private static void print(int rounds, int warmup, int fillers, boolean raw, boolean listen,
      long[] micros) {
    long[] sorted = micros.clone();
    Arrays.sort(sorted);
    double mean = Arrays.stream(sorted).average().orElse(Double.NaN);
    System.out.printf(Locale.ROOT, "propagation over loopback (%s, %s): %d rounds (after %d"
        + " warm-up rounds), %d other flags in the store, %s %s%n", raw ? "raw" : "putFlag",
        listen ? "listener" : "spinning reader", rounds, warmup, fillers,
        System.getProperty("java.vm.name"), System.getProperty("java.version"));
    System.out.printf(Locale.ROOT, "| p50 | p90 | p99 | max | min | mean |%n| ---: | ---: | ---: |"
        + " ---: | ---: | ---: |%n| %d µs | %d µs | %d µs | %d µs | %d µs | %.0f µs |%n",
        rank(sorted, 0.50), rank(sorted, 0.90), rank(sorted, 0.99), sorted[sorted.length - 1],
        sorted[0], mean);
  }

  // nearest-rank percentile
  private static long rank(long[] sorted, double p) {
    int index = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }
}
