package io.avsb.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.avsb.AvsbServer;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import javax.management.ObjectName;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The flag store's memory for one big full data set, end to end: a loopback HTTP server (the JDK's)
 * serves {@code N} flags (default 1,000,000) as one stream {@code put} or one polling body, and an
 * {@link AvsbServer} with events off loads it. In the {@code small} shape (the default) each flag
 * is {@code "f000042":{"variations":[0,1],"fallthrough":{"variation":1}}} (about 60 bytes of JSON),
 * so a million fit the default 64 MiB; the {@code rich} shape is a typical production flag (a
 * target, a rule with an {@code in} clause, a rule with a 50/50 rollout, about 600 bytes).
 *
 * <p>Two measurements: in this JVM, the heap in use after a full GC before the server starts
 * (baseline, which holds the served bytes); the heap in use once it is ready minus once it is
 * closed (retained: what the SDK holds for the data; the loopback server is stopped first), and
 * the highest heap in use sampled every 2 ms while it loads; with {@code search}, also the smallest
 * {@code -Xmx} (16 MiB steps) with which a fresh JVM running only the SDK (the bytes are served from
 * this one) becomes ready within two minutes, which is the load's live peak plus the JVM's own
 * needs.
 *
 * <p>Usage: {@code java -Xmx4g -cp benchmarks.jar io.avsb.bench.StoreFootprintRun [flags=1000000]
 * [stream|poll] [small|rich] [search|histogram]} ({@code histogram} prints the heap's biggest classes once
 * loaded).
 */
public final class StoreFootprintRun {
  private static final String KEY = "sdk-footprint-run";
  private static final Duration READY_WAIT = Duration.ofMinutes(2);

  private StoreFootprintRun() {}

  /** Runs the measurement, or one child of the heap search ({@code child URI MODE}). */
  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("child")) {
      System.exit(child(URI.create(args[1]), args[2].equals("poll")) ? 0 : 1);
    }
    int flags = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    boolean poll = args.length > 1 && args[1].equals("poll");
    if (args.length > 1 && !poll && !args[1].equals("stream")) {
      throw new IllegalArgumentException("mode must be stream or poll, was " + args[1]);
    }
    boolean rich = args.length > 2 && args[2].equals("rich");
    if (args.length > 2 && !rich && !args[2].equals("small")) {
      throw new IllegalArgumentException("shape must be small or rich, was " + args[2]);
    }
    boolean search = args.length > 3 && args[3].equals("search");
    boolean histogram = args.length > 3 && args[3].equals("histogram");
    byte[] json = allData(flags, rich);
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    HttpServer http = serve(json);
    try {
      URI uri = URI.create("http://127.0.0.1:" + http.getAddress().getPort());
      long baseline = usedAfterGc(memory);
      AtomicLong peak = new AtomicLong();
      AtomicBoolean sampling = new AtomicBoolean(true);
      Thread sampler = new Thread(() -> {
        while (sampling.get()) {
          peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
          try {
            Thread.sleep(2);
          } catch (InterruptedException e) {
            return;
          }
        }
      }, "footprint-sampler");
      sampler.setDaemon(true);
      sampler.start();
      long start = System.nanoTime();
      AvsbServer server = server(uri, poll);
      long loadMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      sampling.set(false);
      sampler.join();
      if (!server.isReady()) {
        throw new IllegalStateException("the server did not become ready: " + server.dataSourceStatus());
      }
      // the JDK server may hold buffers of a finished response for a while after it stops, so
      // what the SDK retains is measured as the heap in use before minus after closing it
      http.stop(0);
      long loaded = usedAfterGc(memory);
      String table = histogram ? histogram() : "";
      server.close();
      server = null;
      long retained = loaded - usedAfterGc(memory);
      System.out.printf(Locale.ROOT, "mode=%s shape=%s flags=%d json=%d bytes (%.1f bytes/flag),"
          + " load %d ms%n", poll ? "poll" : "stream", rich ? "rich" : "small", flags, json.length,
          (double) json.length / flags, loadMillis);
      System.out.printf(Locale.ROOT, "retained: %.1f MiB (%.1f bytes/flag)%n", mib(retained),
          (double) retained / flags);
      System.out.printf(Locale.ROOT, "peak heap in use while loading: %.1f MiB above the baseline"
          + " of %.1f MiB%n", mib(peak.get() - baseline), mib(baseline));
      table.lines().limit(28).forEach(System.out::println);
    } finally {
      http.stop(0);
    }
    if (search) {
      HttpServer again = serve(json);
      try {
        URI uri = URI.create("http://127.0.0.1:" + again.getAddress().getPort());
        System.out.printf(Locale.ROOT, "smallest -Xmx that loads it in a fresh JVM: %d MiB%n",
            smallestHeap(uri, poll));
      } finally {
        again.stop(0);
      }
    }
  }

  private static String histogram() throws Exception {
    return (String) ManagementFactory.getPlatformMBeanServer().invoke(
        new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
        new Object[] {null}, new String[] {String[].class.getName()});
  }

  private static boolean child(URI uri, boolean poll) {
    try (AvsbServer server = server(uri, poll)) {
      return server.isReady();
    } catch (OutOfMemoryError e) {
      return false;
    }
  }

  private static AvsbServer server(URI uri, boolean poll) {
    return AvsbServer.builder(KEY).streamUri(uri).baseUri(uri).polling(poll).eventsEnabled(false)
        .startWait(READY_WAIT).buildServer();
  }

  private static int smallestHeap(URI uri, boolean poll) throws IOException, InterruptedException {
    int ok = 4096;
    int failed = 16;
    while (ok - failed > 16) {
      int mid = (ok + failed) / 2 / 16 * 16;
      boolean loaded = runChild(uri, poll, mid);
      System.out.printf(Locale.ROOT, "  -Xmx%dm: %s%n", mid, loaded ? "loaded" : "failed");
      if (loaded) {
        ok = mid;
      } else {
        failed = mid;
      }
    }
    return ok;
  }

  private static boolean runChild(URI uri, boolean poll, int heapMib)
      throws IOException, InterruptedException {
    Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
    List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx" + heapMib + "m",
        "-XX:+ExitOnOutOfMemoryError", "-Dorg.slf4j.simpleLogger.defaultLogLevel=off", "-cp",
        System.getProperty("java.class.path"), StoreFootprintRun.class.getName(), "child",
        uri.toString(), poll ? "poll" : "stream"));
    Process p = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    if (!p.waitFor(READY_WAIT.toSeconds() + 30, TimeUnit.SECONDS)) {
      p.destroyForcibly().waitFor();
      return false;
    }
    return p.exitValue() == 0;
  }

  /** The full data set as JSON: {@code flags} flags of the small or rich shape, no segments. */
  static byte[] allData(int flags, boolean rich) {
    StringBuilder b = new StringBuilder(flags * (rich ? 400 : 64)).append("{\"flags\":{");
    for (int i = 0; i < flags; i++) {
      if (i > 0) {
        b.append(',');
      }
      String key = String.format(Locale.ROOT, "f%06d", i);
      b.append('"').append(key).append("\":");
      if (rich) {
        b.append("{\"key\":\"").append(key).append("\",\"version\":").append(1 + i % 7)
            .append(",\"on\":true,\"salt\":\"").append(Integer.toHexString(i * 31 + 7))
            .append("\",\"variations\":[false,true],\"offVariation\":0,")
            .append("\"targets\":[{\"values\":[\"user-").append(i).append("\",\"qa-")
            .append(i % 100).append("\"],\"variation\":1}],")
            .append("\"rules\":[{\"id\":\"pro-").append(i % 10).append("\",\"variation\":1,")
            .append("\"clauses\":[{\"contextKind\":\"user\",\"attribute\":\"plan\",")
            .append("\"op\":\"in\",\"values\":[\"pro\",\"enterprise\"],\"negate\":false}]},")
            .append("{\"id\":\"eu\",\"rollout\":{\"variations\":[{\"variation\":0,")
            .append("\"weight\":50000},{\"variation\":1,\"weight\":50000}]},\"clauses\":[")
            .append("{\"attribute\":\"country\",\"op\":\"in\",\"values\":[\"de\",\"fr\"]}]}],")
            .append("\"fallthrough\":{\"variation\":0},\"trackEvents\":false,")
            .append("\"clientSideAvailability\":{\"usingEnvironmentId\":false,")
            .append("\"usingMobileKey\":false}}");
      } else {
        b.append("{\"variations\":[0,1],\"fallthrough\":{\"variation\":1}}");
      }
    }
    return b.append("},\"segments\":{}}").toString().getBytes(StandardCharsets.UTF_8);
  }

  private static HttpServer serve(byte[] allData) throws IOException {
    byte[] put = concat("event: put\ndata: {\"data\":".getBytes(StandardCharsets.UTF_8), allData,
        "}\n\n".getBytes(StandardCharsets.UTF_8));
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "footprint-http");
      t.setDaemon(true);
      return t;
    }));
    server.createContext("/sdk/v1/flags", exchange -> answer(exchange, allData, false));
    server.createContext("/sdk/v1/stream", exchange -> answer(exchange, put, true));
    server.start();
    return server;
  }

  // A stream stays open with a heartbeat each second until the client goes away.
  private static void answer(HttpExchange exchange, byte[] body, boolean stream) throws IOException {
    try (exchange) {
      exchange.getResponseHeaders().set("Content-Type", stream ? "text/event-stream" : "application/json");
      exchange.sendResponseHeaders(200, stream ? 0 : body.length);
      OutputStream out = exchange.getResponseBody();
      out.write(body);
      out.flush();
      while (stream) {
        Thread.sleep(1000);
        out.write(":\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      // the client closed the stream
    }
  }

  private static byte[] concat(byte[]... parts) {
    int length = 0;
    for (byte[] p : parts) {
      length += p.length;
    }
    byte[] out = new byte[length];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length;
    }
    return out;
  }

  private static long usedAfterGc(MemoryMXBean memory) throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return memory.getHeapMemoryUsage().getUsed();
  }

  private static double mib(long bytes) {
    return bytes / (1024.0 * 1024.0);
  }
}
