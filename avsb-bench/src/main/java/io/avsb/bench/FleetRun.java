package io.avsb.bench;

import io.avsb.AvsbServer;
import io.avsb.AvsbValue;
import io.avsb.redis.Fixtures;
import io.avsb.redis.Fleet;
import io.avsb.redis.RedisServer;
import io.avsb.redis.RedisStore;
import io.avsb.testkit.AvsbTestService;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.RedisClient;

/**
 * The fleet run: an {@link AvsbTestService}, one writer (streaming from it, writing through to a
 * real {@code redis-server} on loopback) and N daemon-mode readers, all in this JVM. Measures, in
 * order: heap and threads per reader (used heap after GC before and after starting the readers);
 * propagation of a flag change from the service to every instance's flag change listener (per
 * instance and until the last one, p50/p99 over the rounds); Redis commands per flag change
 * ({@code total_commands_processed} and {@code INFO commandstats} before and after the rounds);
 * Redis killed and restarted empty mid-run with a change made during the outage (time from the
 * restart until every reader serves it); and a reader started while the service and the writer
 * are down (time until it is ready with the last flags from Redis).
 *
 * <p>Usage: {@code java -cp benchmarks.jar io.avsb.bench.FleetRun [readers=50] [rounds=200]
 * [warmup=20] [fillerFlags=200]}; {@code redis-server} must be installed.
 */
public final class FleetRun {
  private static final Duration ROUND_WAIT = Duration.ofSeconds(30);
  // what UpsertScript runs with redis.call; Redis counts them as commands too
  private static final java.util.Set<String> SCRIPT_COMMANDS =
      java.util.Set.of("hget", "hset", "incr", "publish");

  private FleetRun() {}

  /** Runs the fleet and prints the figures as markdown. */
  @SuppressWarnings("try") // the service is closed mid-run on purpose: the outage being measured
  public static void main(String[] args) {
    int readers = args.length > 0 ? Integer.parseInt(args[0]) : 50;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 20;
    int fillers = args.length > 3 ? Integer.parseInt(args[3]) : 200;
    System.out.printf(Locale.ROOT, "fleet run: 1 writer + %d daemon readers, %d filler flags,"
        + " %d rounds after %d warm-up rounds; %s %s, %d CPUs, load %s%n", readers, fillers,
        rounds, warmup, System.getProperty("java.vm.name"), System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(), load());
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    try (RedisServer redis = RedisServer.start();
        AvsbTestService service = new AvsbTestService().start()) {
      service.setData(data(fillers));
      RedisStore store = RedisStore.builder().uri(redis.uri()).prefix("fleet-run").build();
      long heapBefore = usedHeapAfterGc(memory);
      int threadsBefore = Thread.activeCount();
      try (Fleet fleet = new Fleet(service, store, 0, Duration.ofSeconds(1))) {
        long heapWriter = usedHeapAfterGc(memory);
        int threadsWriter = Thread.activeCount();
        for (int i = 0; i < readers; i++) {
          fleet.startReader();
        }
        long heapReaders = usedHeapAfterGc(memory);
        int threadsReaders = Thread.activeCount();
        System.out.printf(Locale.ROOT, "%n| per instance | heap after GC | threads |%n| --- | ---:"
            + " | ---: |%n| writer (stream + write-through) | %.0f KiB | %d |%n| daemon reader |"
            + " %.0f KiB | %.1f |%n| Redis connections, whole fleet | %s | |%n",
            (heapWriter - heapBefore) / 1024.0, threadsWriter - threadsBefore,
            (heapReaders - heapWriter) / 1024.0 / readers,
            (threadsReaders - threadsWriter) / (double) readers, clients(redis));

        for (int i = 0; i < warmup; i++) {
          fleet.change(ROUND_WAIT);
          pause();
        }
        long[][] samples = new long[rounds][];
        Map<String, Long> statsBefore;
        Map<String, Long> statsAfter;
        try (RedisClient stats = redis.client()) {
          statsBefore = commandStats(stats);
          for (int i = 0; i < rounds; i++) {
            samples[i] = fleet.change(ROUND_WAIT);
            pause();
          }
          statsAfter = commandStats(stats);
        }
        printPropagation(samples);
        System.out.printf(Locale.ROOT, "%nRedis per flag change (%d changes, INFO of the"
            + " measurement not counted): %s; pub/sub messages delivered: %s%n", rounds,
            perChange(statsBefore, statsAfter, rounds), pubsubPerChange(redis, "fleet-run:changes"));

        redis.kill();
        long outageStart = System.nanoTime();
        fleet.changeUnobserved();
        awaitValue(List.of(fleet.writer()), fleet.value());
        LockSupport.parkNanos(Duration.ofSeconds(2).toNanos()); // an outage of a few seconds
        redis.restart();
        long restarted = System.nanoTime();
        awaitValue(fleet.readers(), fleet.value());
        long caughtUp = System.nanoTime();
        System.out.printf(Locale.ROOT, "%nRedis killed, a change made during the outage, Redis"
            + " restarted empty after %.1f s: all %d readers served the change %.0f ms after the"
            + " restart (the writer rewrote its data set; readers reconnect with backoff from"
            + " 1 s, capped at 5 s)%n", (restarted - outageStart) / 1e9, readers, (caughtUp - restarted) / 1e6);
        fleet.change(ROUND_WAIT);

        String last = fleet.value();
        service.close();
        fleet.stopWriter();
        long lateStart = System.nanoTime();
        AvsbServer late = fleet.startReader();
        long lateReady = System.nanoTime();
        System.out.printf(Locale.ROOT, "A reader started with the service and the writer down was"
            + " ready in %.0f ms serving %s (the last value: %s)%n",
            (lateReady - lateStart) / 1e6, Fixtures.value(late, Fleet.FLAG), last);
      }
    }
  }

  private static void printPropagation(long[][] samples) {
    int rounds = samples.length;
    int instances = samples[0].length;
    long[] writer = new long[rounds];
    long[] readers = new long[rounds * (instances - 1)];
    long[] last = new long[rounds];
    for (int r = 0; r < rounds; r++) {
      writer[r] = samples[r][0];
      System.arraycopy(samples[r], 1, readers, r * (instances - 1), instances - 1);
      last[r] = Arrays.stream(samples[r]).max().orElseThrow();
    }
    System.out.printf(Locale.ROOT, "%npropagation from the service's patch to each instance's flag"
        + " change listener (%d rounds)%n| | p50 | p99 | max |%n| --- | ---: | ---: | ---: |%n",
        rounds);
    row("writer (stream)", writer);
    row("each reader (stream, Redis, pub/sub)", readers);
    row("all " + instances + " instances", last);
  }

  private static void row(String name, long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    System.out.printf(Locale.ROOT, "| %s | %.2f ms | %.2f ms | %.2f ms |%n", name,
        rank(sorted, 0.50) / 1e6, rank(sorted, 0.99) / 1e6, sorted[sorted.length - 1] / 1e6);
  }

  // nearest-rank percentile
  private static long rank(long[] sorted, double p) {
    int index = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  private static void pause() {
    LockSupport.parkNanos(2_000_000);
  }

  private static void awaitValue(List<AvsbServer> servers, String value) {
    long deadline = System.nanoTime() + ROUND_WAIT.toNanos();
    for (AvsbServer s : servers) {
      while (!Fixtures.value(s, Fleet.FLAG).equals(value)) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("not every instance served " + value + " in time");
        }
        LockSupport.parkNanos(1_000_000);
      }
    }
  }

  private static long usedHeapAfterGc(MemoryMXBean memory) {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return memory.getHeapMemoryUsage().getUsed();
  }

  private static String load() {
    double l = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    return String.format(Locale.ROOT, "%.1f", l);
  }

  private static String clients(RedisServer redis) {
    try (RedisClient c = redis.client()) {
      for (String line : c.info("clients").split("\r?\n")) {
        if (line.startsWith("connected_clients:")) {
          // minus this client
          return Integer.toString(Integer.parseInt(line.substring(18).trim()) - 1);
        }
      }
    }
    return "?";
  }

  /** Calls per command from {@code INFO commandstats}. */
  private static Map<String, Long> commandStats(RedisClient c) {
    Map<String, Long> calls = new LinkedHashMap<>();
    for (String line : c.info("commandstats").split("\r?\n")) {
      if (line.startsWith("cmdstat_")) {
        String name = line.substring(8, line.indexOf(':'));
        String rest = line.substring(line.indexOf("calls=") + 6);
        calls.put(name, Long.parseLong(rest.substring(0, rest.indexOf(','))));
      }
    }
    return calls;
  }

  /**
   * Commands per change: those clients sent (EVALSHA and the rest) and, in brackets, those the
   * script ran inside Redis (counted by Redis as commands too).
   */
  private static String perChange(Map<String, Long> before, Map<String, Long> after, int rounds) {
    StringBuilder sent = new StringBuilder();
    StringBuilder inside = new StringBuilder();
    long sentTotal = 0;
    long insideTotal = 0;
    for (Map.Entry<String, Long> e : after.entrySet()) {
      String name = e.getKey();
      long n = e.getValue() - before.getOrDefault(name, 0L) - (name.equals("info") ? 1 : 0);
      if (n <= 0) {
        continue;
      }
      boolean byScript = SCRIPT_COMMANDS.contains(name);
      StringBuilder b = byScript ? inside : sent;
      b.append(b.length() == 0 ? "" : ", ").append(name).append(' ')
          .append(String.format(Locale.ROOT, "%.2f", n / (double) rounds));
      if (byScript) {
        insideTotal += n;
      } else {
        sentTotal += n;
      }
    }
    return String.format(Locale.ROOT, "%.2f commands sent (%s), %.2f run by the upsert script"
        + " inside Redis (%s)", sentTotal / (double) rounds, sent, insideTotal / (double) rounds,
        inside);
  }

  @SuppressWarnings("deprecation") // RedisClient has no typed PUBSUB NUMSUB; the raw command is stable
  private static String pubsubPerChange(RedisServer redis, String channel) {
    try (RedisClient c = redis.client()) {
      List<?> reply = (List<?>) c.sendCommand(Protocol.Command.PUBSUB, "NUMSUB", channel);
      return "1 PUBLISH per change, received by " + reply.get(1)
          + " subscribers (PUBSUB NUMSUB)";
    }
  }

  private static AvsbValue data(int fillers) {
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
    flags.put(Fleet.FLAG, Fleet.flag(1));
    return AvsbValue.fromJava(Map.of("flags", flags, "segments", Map.of()));
  }
}
