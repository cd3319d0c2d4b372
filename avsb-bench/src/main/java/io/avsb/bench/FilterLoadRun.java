package io.avsb.bench;

import io.avsb.servlet.Avsb;
import io.avsb.servlet.AvsbFilter;
import io.avsb.servlet.AvsbServletContextListener;
import jakarta.servlet.DispatcherType;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;

/**
 * The servlet load run: one embedded Jetty 12 serving the same {@link CheckoutLoadServlet} twice,
 * bare at {@code /bare/checkout} and behind {@link AvsbFilter} (header resolver, the listener's
 * server over the seed's flags file, events on to a local {@link EventSink} every 5 s) at {@code
 * /avsb/checkout}, where each request reads two flags and tracks one event. A {@link
 * KeepAliveLoad} in the same JVM sends a fixed number of requests to each in alternating order
 * (bare/avsb, then avsb/bare, ...) after a warm-up, and the run prints each round's throughputs and
 * the ratio avsb/bare over all rounds.
 *
 * <p>Usage, from the repository root: {@code java -cp avsb-bench/target/benchmarks.jar
 * io.avsb.bench.FilterLoadRun [requestsPerRound=100000] [rounds=6] [connections=4]
 * [flagsFile=examples/flags.json] [events=on|off] [eventCapacity=10000]}; with {@code off} the
 * server is built with events disabled (the track calls then do nothing), to tell the event
 * pipeline's share. The run ends with the event processor's dropped count (read by {@link
 * EventProbe}).
 */
public final class FilterLoadRun {
  private FilterLoadRun() {}

  /** Runs the load and prints the results. */
  public static void main(String[] args) throws Exception {
    long requests = args.length > 0 ? Long.parseLong(args[0]) : 100_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 6;
    int connections = args.length > 2 ? Integer.parseInt(args[2]) : 4;
    Path flags = Path.of(args.length > 3 ? args[3] : "examples/flags.json").toAbsolutePath();
    boolean events = args.length <= 4 || args[4].equals("on");
    if (!events && !args[4].equals("off")) {
      throw new IllegalArgumentException("events must be on or off, was " + args[4]);
    }
    int capacity = args.length > 5 ? Integer.parseInt(args[5]) : 10_000;
    if (!Files.isRegularFile(flags)) {
      throw new IllegalArgumentException("no flags file at " + flags);
    }
    try (EventSink sink = new EventSink()) {
      Server server = start(flags, sink, events, capacity);
      try {
        int port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
        KeepAliveLoad load =
            new KeepAliveLoad(new InetSocketAddress("127.0.0.1", port), connections);
        System.out.println("bare, user-0:   " + load.fetch("/bare/checkout", 0));
        System.out.println("avsb, user-0 (pro):  " + load.fetch("/avsb/checkout", 0));
        System.out.println("avsb, user-1 (free): " + load.fetch("/avsb/checkout", 1));
        System.out.printf(Locale.ROOT, "load before: %s; %s %s; %d connections, %d requests per"
            + " round, events %s (capacity %d)%n", loadAverage(),
            System.getProperty("java.vm.name"), System.getProperty("java.version"), connections,
            requests, events ? "on" : "off", capacity);
        for (int i = 0; i < 2; i++) {
          load.run("/bare/checkout", requests);
          load.run("/avsb/checkout", requests);
        }
        long bareNanos = 0;
        long avsbNanos = 0;
        long bareBytes = 0;
        long avsbBytes = 0;
        List<Double> ratios = new ArrayList<>();
        System.out.println("| round | order | bare req/s | avsb req/s | avsb/bare |");
        System.out.println("| ---: | --- | ---: | ---: | ---: |");
        for (int r = 1; r <= rounds; r++) {
          boolean bareFirst = r % 2 == 1;
          long bare;
          long avsb;
          if (bareFirst) {
            long[] at = allocated();
            bare = load.run("/bare/checkout", requests);
            long[] mid = allocated();
            avsb = load.run("/avsb/checkout", requests);
            bareBytes += sinceThen(at, mid);
            avsbBytes += sinceThen(mid, allocated());
          } else {
            long[] at = allocated();
            avsb = load.run("/avsb/checkout", requests);
            long[] mid = allocated();
            bare = load.run("/bare/checkout", requests);
            avsbBytes += sinceThen(at, mid);
            bareBytes += sinceThen(mid, allocated());
          }
          bareNanos += bare;
          avsbNanos += avsb;
          double ratio = (double) bare / avsb;
          ratios.add(ratio);
          System.out.printf(Locale.ROOT, "| %d | %s | %.0f | %.0f | %.3f |%n", r,
              bareFirst ? "bare, avsb" : "avsb, bare", perSecond(requests, bare),
              perSecond(requests, avsb), ratio);
        }
        Collections.sort(ratios);
        double median = ratios.size() % 2 == 1 ? ratios.get(ratios.size() / 2)
            : (ratios.get(ratios.size() / 2 - 1) + ratios.get(ratios.size() / 2)) / 2;
        System.out.printf(Locale.ROOT, "all rounds: bare %.0f req/s, avsb %.0f req/s, ratio"
            + " avsb/bare %.3f (median of rounds %.3f)%n", perSecond(requests * rounds, bareNanos),
            perSecond(requests * rounds, avsbNanos), (double) bareNanos / avsbNanos, median);
        System.out.printf(Locale.ROOT, "allocated per request by the server's threads (not the"
            + " load generator's): bare %.0f B, avsb %.0f B, avsb - bare %.0f B%n",
            (double) bareBytes / (requests * rounds), (double) avsbBytes / (requests * rounds),
            (double) (avsbBytes - bareBytes) / (requests * rounds));
        System.out.printf(Locale.ROOT, "load after: %s; event posts received: %d (%d bytes)%n",
            loadAverage(), sink.posts(), sink.bytes());
        if (events) {
          EventProbe probe = new EventProbe(Avsb.server(
              ((ServletContextHandler) ((ContextHandlerCollection) server.getHandler())
                  .getHandlers().get(1)).getServletContext()));
          System.out.printf(Locale.ROOT, "events dropped by the SDK (whole run, warm-up"
              + " included): %d%n", probe.dropped());
        }
      } finally {
        server.stop();
      }
    }
  }

  // thread ids and the bytes each has allocated, in pairs; the load generator's threads live for
  // one run only, so they are never in two snapshots
  private static long[] allocated() {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    long[] ids = threads.getAllThreadIds();
    long[] bytes = threads.getThreadAllocatedBytes(ids);
    long[] out = new long[ids.length * 2];
    for (int i = 0; i < ids.length; i++) {
      out[2 * i] = ids[i];
      out[2 * i + 1] = bytes[i];
    }
    return out;
  }

  /** Bytes allocated between two snapshots by the threads alive at both. */
  private static long sinceThen(long[] before, long[] after) {
    java.util.Map<Long, Long> then = new java.util.HashMap<>();
    for (int i = 0; i < before.length; i += 2) {
      then.put(before[i], before[i + 1]);
    }
    long sum = 0;
    for (int i = 0; i < after.length; i += 2) {
      Long b = then.get(after[i]);
      if (b != null && b >= 0 && after[i + 1] >= b) {
        sum += after[i + 1] - b;
      }
    }
    return sum;
  }

  private static Server start(Path flags, EventSink sink, boolean events, int capacity)
      throws Exception {
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    ServletContextHandler bare = new ServletContextHandler();
    bare.setContextPath("/bare");
    bare.addServlet(new ServletHolder(new CheckoutLoadServlet(false)), "/checkout");
    ServletContextHandler avsb = new ServletContextHandler();
    avsb.setContextPath("/avsb");
    avsb.setInitParameter("avsb.sdkKey", "bench-sdk-key");
    avsb.setInitParameter("avsb.flagsFile", flags.toString());
    avsb.setInitParameter("avsb.eventsUri", sink.uri().toString());
    avsb.addEventListener(new AvsbServletContextListener(
        b -> b.eventsEnabled(events).eventCapacity(capacity)));
    FilterHolder filter = new FilterHolder(new AvsbFilter());
    filter.setAsyncSupported(true);
    avsb.addFilter(filter, "/*", EnumSet.allOf(DispatcherType.class));
    avsb.addServlet(new ServletHolder(new CheckoutLoadServlet(true)), "/checkout");
    server.setHandler(new ContextHandlerCollection(bare, avsb));
    server.start();
    return server;
  }

  private static double perSecond(long requests, long nanos) {
    return requests * 1e9 / nanos;
  }

  private static String loadAverage() throws IOException {
    return "load average " + Files.readString(Path.of("/proc/loadavg")).trim();
  }
}
