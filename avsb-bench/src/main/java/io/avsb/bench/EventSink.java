package io.avsb.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local events endpoint that accepts every POST with {@code 202} and keeps only counts, so that
 * event delivery in a benchmark costs neither SDK a failure path nor memory. Both SDKs' event
 * paths ({@code /events/v1/bulk}, {@code /bulk}) are answered. Made with {@code
 * countSummaries}, it also parses each payload and adds up the counters of its {@code summary}
 * events (for small payloads only). Thread-safe.
 */
final class EventSink implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService executor;
  private final AtomicLong posts = new AtomicLong();
  private final AtomicLong bytes = new AtomicLong();
  private final AtomicLong summaryCounts = new AtomicLong();

  EventSink() {
    this(false);
  }

  EventSink(boolean countSummaries) {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot bind the event sink", e);
    }
    executor = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "bench-event-sink");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(executor);
    server.createContext("/", exchange -> {
      try (InputStream in = exchange.getRequestBody()) {
        if (countSummaries) {
          byte[] body = in.readAllBytes();
          bytes.addAndGet(body.length);
          summaryCounts.addAndGet(summaryCounts(
              io.avsb.AvsbValue.parse(new String(body, java.nio.charset.StandardCharsets.UTF_8))));
        } else {
          bytes.addAndGet(in.transferTo(java.io.OutputStream.nullOutputStream()));
        }
      }
      posts.incrementAndGet();
      synchronized (posts) {
        posts.notifyAll();
      }
      exchange.sendResponseHeaders(202, -1);
      exchange.close();
    });
    server.start();
  }

  /** The base URI, such as {@code http://127.0.0.1:40123}. */
  URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** How many POSTs were received. */
  long posts() {
    return posts.get();
  }

  /** The total of the summary counters received (with {@code countSummaries} only). */
  long summaryCounts() {
    return summaryCounts.get();
  }

  private static long summaryCounts(io.avsb.AvsbValue batch) {
    long n = 0;
    for (int i = 0; i < batch.size(); i++) {
      io.avsb.AvsbValue e = batch.get(i);
      if (!"summary".equals(e.get("kind").stringValue())) {
        continue;
      }
      for (io.avsb.AvsbValue flag : ((io.avsb.AvsbValue.Obj) e.get("features")).values().values()) {
        io.avsb.AvsbValue counters = flag.get("counters");
        for (int c = 0; c < counters.size(); c++) {
          n += (long) counters.get(c).get("count").doubleValue();
        }
      }
    }
    return n;
  }

  /** How many body bytes were received. */
  long bytes() {
    return bytes.get();
  }

  /**
   * Waits until at least {@code count} POSTs were received.
   *
   * @throws IllegalStateException when they do not arrive within {@code timeout}
   */
  void awaitPosts(long count, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (posts) {
      while (posts.get() < count) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new IllegalStateException("expected " + count + " event posts within " + timeout
              + ", got " + posts.get());
        }
        try {
          posts.wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while waiting for event posts", e);
        }
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
