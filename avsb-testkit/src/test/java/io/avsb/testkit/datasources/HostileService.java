package io.avsb.testkit.datasources;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.GZIPOutputStream;

/**
 * A loopback HTTP service (the JDK's server on 127.0.0.1) that answers what a test tells it to,
 * including what {@code AvsbTestService} never sends: gzip bombs, bodies that trickle in a byte at
 * a time, raw bytes in events, redirects. Each path answers with its current {@link Answer}.
 */
final class HostileService implements AutoCloseable {
  /** How one request is answered. */
  @FunctionalInterface
  interface Answer {
    void send(HttpExchange exchange) throws IOException, InterruptedException;
  }

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "hostile-service");
    t.setDaemon(true);
    return t;
  });
  private final Map<String, Answer> answers = new ConcurrentHashMap<>();
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private volatile boolean closed;

  HostileService() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(threads);
    server.createContext("/", exchange -> {
      requests.add(exchange.getRequestURI().getPath());
      Answer answer = answers.get(exchange.getRequestURI().getPath());
      try (exchange) {
        if (answer == null) {
          exchange.sendResponseHeaders(404, -1);
        } else {
          answer.send(exchange);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (IOException e) {
        // the client went away
      }
    });
    server.start();
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Answers {@code path} with {@code answer} from now on. */
  HostileService on(String path, Answer answer) {
    answers.put(path, answer);
    return this;
  }

  /** The paths requested so far, in order. */
  List<String> requests() {
    return List.copyOf(requests);
  }

  /** A 200 with {@code body}. */
  static Answer json(String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return exchange -> {
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, bytes.length);
      exchange.getResponseBody().write(bytes);
    };
  }

  /** A 200 with {@code body} gzip-compressed ({@code Content-Encoding: gzip}). */
  static Answer gzip(byte[] body) {
    ByteArrayOutputStream packed = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(packed)) {
      out.write(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    byte[] bytes = packed.toByteArray();
    return exchange -> {
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.getResponseHeaders().set("Content-Encoding", "gzip");
      exchange.sendResponseHeaders(200, bytes.length);
      exchange.getResponseBody().write(bytes);
    };
  }

  /** A 200 whose body is {@code prefix}, then one more space every {@code millis}, never ending. */
  Answer trickle(String prefix, long millis) {
    return exchange -> {
      exchange.sendResponseHeaders(200, 0);
      OutputStream out = exchange.getResponseBody();
      out.write(prefix.getBytes(StandardCharsets.UTF_8));
      out.flush();
      while (!closed) {
        Thread.sleep(millis);
        out.write(' ');
        out.flush();
      }
    };
  }

  /** A stream that sends {@code events} (raw SSE text), then a comment every 100 ms until closed. */
  Answer stream(String events) {
    byte[] bytes = events.getBytes(StandardCharsets.UTF_8);
    return exchange -> {
      exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
      exchange.sendResponseHeaders(200, 0);
      OutputStream out = exchange.getResponseBody();
      out.write(bytes);
      out.flush();
      while (!closed) {
        Thread.sleep(100);
        out.write(":\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
      }
    };
  }

  /** A {@code 302} to {@code location}. */
  static Answer redirect(String location) {
    return exchange -> {
      exchange.getResponseHeaders().set("Location", location);
      exchange.sendResponseHeaders(302, -1);
    };
  }

  @Override
  public void close() {
    closed = true;
    server.stop(0);
    threads.shutdownNow();
  }
}
