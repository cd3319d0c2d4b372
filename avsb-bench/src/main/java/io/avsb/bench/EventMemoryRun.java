package io.avsb.bench;

import io.avsb.AvsbContext;
import io.avsb.AvsbServer;
import io.avsb.ScopedAvsb;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a burst of large {@code track} payloads holds in memory: {@code tracks} calls (default
 * 10,000), each with its own data of about {@code kib} KiB (default 20) in 20 string entries, by
 * cycling users, with no flush during the burst (the flush interval is an hour), so every event
 * the processor keeps stays on the heap. Prints the events kept and dropped, their weight as the
 * processor counts it, and the heap used after a full GC minus the heap used before the burst;
 * then flushes to a local {@link EventSink} and prints the bytes posted.
 *
 * <p>Usage: {@code java -Xmx1g -cp benchmarks.jar io.avsb.bench.EventMemoryRun [tracks=10000]
 * [kib=20]}
 */
public final class EventMemoryRun {
  private EventMemoryRun() {}

  /** Runs the burst and prints the figures. */
  public static void main(String[] args) throws InterruptedException {
    int tracks = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int kib = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    try (EventSink sink = new EventSink()) {
      AvsbServer server = AvsbSetup.withEvents(BenchFlags.writeTempFile(), sink.uri(),
          Duration.ofHours(1));
      EventProbe probe = new EventProbe(server);
      long before = usedAfterGc(memory);
      for (int i = 0; i < tracks; i++) {
        ScopedAvsb avsb = server.forUser(AvsbContext.of("user-" + (i % 1_000)));
        avsb.track("upload", data(i, kib));
      }
      // the event thread has processed every queued event when the weight stops moving
      long weight = -1;
      while (weight != probe.heldBytes()) {
        weight = probe.heldBytes();
        Thread.sleep(200);
      }
      long held = usedAfterGc(memory) - before;
      System.out.printf("tracks %d of ~%d KiB: kept %d, dropped %d, weight %.1f MiB,"
          + " heap held %.1f MiB%n", tracks, kib, probe.held(), probe.dropped(),
          weight / 1048576.0, held / 1048576.0);
      server.flush();
      sink.awaitPosts(1, Duration.ofSeconds(60));
      System.out.printf("posted %d request(s), %.1f MiB%n", sink.posts(),
          sink.bytes() / 1048576.0);
      server.close();
    }
  }

  private static Map<String, Object> data(int call, int kib) {
    Map<String, Object> data = new LinkedHashMap<>();
    int each = kib * 1024 / 20 - 10;
    for (int f = 0; f < 20; f++) {
      // a fresh string per call and entry, so no two events share their data
      String unit = call + "-" + f + "-";
      data.put("f" + f, unit.repeat(each / unit.length() + 1).substring(0, each));
    }
    return data;
  }

  private static long usedAfterGc(MemoryMXBean memory) {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return memory.getHeapMemoryUsage().getUsed();
  }
}
