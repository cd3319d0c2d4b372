package io.avsb.testkit;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.avsb.AvsbValue;
import io.avsb.testkit.internal.service.EndpointFaults;
import io.avsb.testkit.internal.service.SseFrames;
import io.avsb.testkit.internal.service.StreamConnection;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A real HTTP service on {@code 127.0.0.1} (an ephemeral port) that speaks the A vs B protocol, for
 * tests of the SDK's network code and of applications using it:
 *
 * <ul>
 *   <li>{@code GET /sdk/v1/flags}: the data as {@code {"flags": ..., "segments": ...}} with an
 *       {@code ETag}; {@code 304} when {@code If-None-Match} names the current one;
 *   <li>{@code GET /sdk/v1/stream}: server-sent events; a {@code put} of the data on connect, then
 *       {@code put}/{@code patch}/{@code delete} as the data changes, and heartbeat comments while
 *       idle; connections stay open until the client or the service closes them;
 *   <li>{@code POST /events/v1/bulk}: records each JSON payload with its headers; answers {@code
 *       202}.
 * </ul>
 *
 * <p>Every request is recorded ({@link #requests()}), and tests wait for requests, stream
 * connections and events with the {@code await...} methods instead of sleeping. Faults are armed per
 * {@link Endpoint}: error statuses ({@link #failNext}), delays ({@link #delayResponses}), malformed
 * bodies ({@link #malformedNext}), streams cut mid-event ({@link #dropStreamsMidEvent}) and silent
 * streams ({@link #silenceStreams}).
 *
 * <pre>{@code
 * try (AvsbTestService service = new AvsbTestService().start()) {
 *   service.setData("{\"flags\": {}, \"segments\": {}}");
 *   // point the SDK's baseUri, streamUri and eventsUri at service.uri()
 * }
 * }</pre>
 *
 * <p>Thread-safe: every method may be called from any thread, while requests are being served.
 */
public final class AvsbTestService implements AutoCloseable {
  private static final AvsbValue EMPTY_DATA = AvsbValue.parse("{\"flags\": {}, \"segments\": {}}");
  private static final AtomicInteger THREADS = new AtomicInteger();

  /** The service's endpoints, for fault injection and filtering recorded requests. */
  public enum Endpoint {
    /** {@code GET /sdk/v1/flags}: polling. */
    FLAGS("GET", "/sdk/v1/flags"),
    /** {@code GET /sdk/v1/stream}: streaming. */
    STREAM("GET", "/sdk/v1/stream"),
    /** {@code POST /events/v1/bulk}: analytics events. */
    EVENTS("POST", "/events/v1/bulk");

    private final String method;
    private final String path;

    Endpoint(String method, String path) {
      this.method = method;
      this.path = path;
    }

    /** The HTTP method the endpoint accepts. */
    public String method() {
      return method;
    }

    /** The request path of the endpoint. */
    public String path() {
      return path;
    }

    static Endpoint forPath(String path) {
      for (Endpoint e : values()) {
        if (e.path.equals(path)) {
          return e;
        }
      }
      return null;
    }
  }

  /**
   * One request the service received, whatever it answered. Immutable and thread-safe.
   *
   * @param method the HTTP method
   * @param path the request path, without the query
   * @param headers the request headers; lookups ignore case
   * @param body the request body as UTF-8 text, empty when there was none
   */
  public record Request(String method, String path, Map<String, List<String>> headers, String body) {
    /** Copies the headers into an unmodifiable map whose lookups ignore case. */
    public Request {
      Objects.requireNonNull(method, "method");
      Objects.requireNonNull(path, "path");
      headers = caseInsensitiveCopy(headers);
      body = body == null ? "" : body;
    }

    /** The first value of header {@code name} (any case), or null. */
    public String header(String name) {
      return first(headers, name);
    }

    /** The endpoint the path names, or null for any other path. */
    public Endpoint endpoint() {
      return Endpoint.forPath(path);
    }
  }

  /**
   * One accepted {@code POST /events/v1/bulk}. Immutable and thread-safe.
   *
   * @param payload the body, parsed (normally a JSON array of events)
   * @param headers the request headers; lookups ignore case
   */
  public record EventPost(AvsbValue payload, Map<String, List<String>> headers) {
    /** Copies the headers into an unmodifiable map whose lookups ignore case. */
    public EventPost {
      Objects.requireNonNull(payload, "payload");
      headers = caseInsensitiveCopy(headers);
    }

    /** The first value of header {@code name} (any case), or null. */
    public String header(String name) {
      return first(headers, name);
    }
  }

  private final Object lock = new Object();
  private final Map<Endpoint, EndpointFaults> faults = new EnumMap<>(Endpoint.class);
  private final List<Request> requests = new ArrayList<>();
  private final List<EventPost> events = new ArrayList<>();
  private final List<StreamConnection> streams = new ArrayList<>();
  private int streamsOpened;
  private AvsbValue data = EMPTY_DATA;
  private long dataVersion = 1;
  private HttpServer server;
  private ExecutorService executor;
  private boolean closed;
  private volatile Duration heartbeatInterval = Duration.ofSeconds(1);
  private volatile boolean silent;
  private volatile String expectedSdkKey;

  /** Creates a service that is not yet listening; call {@link #start()}. */
  public AvsbTestService() {
    for (Endpoint e : Endpoint.values()) {
      faults.put(e, new EndpointFaults());
    }
  }

  /**
   * Starts listening on {@code 127.0.0.1} at an ephemeral port; returns this.
   *
   * @throws IllegalStateException when already started or closed
   * @throws UncheckedIOException when the port cannot be bound
   */
  public AvsbTestService start() {
    return start(0);
  }

  /**
   * Starts listening on {@code 127.0.0.1} at {@code port} (0: an ephemeral one), such as a port an
   * SDK was pointed at while the service was down; returns this.
   *
   * @throws IllegalArgumentException when the port is out of range
   * @throws IllegalStateException when already started or closed
   * @throws UncheckedIOException when the port cannot be bound
   */
  public AvsbTestService start(int port) {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be in 0-65535, was " + port);
    }
    synchronized (lock) {
      if (server != null || closed) {
        throw new IllegalStateException("AvsbTestService can be started once");
      }
      try {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot bind the test service to 127.0.0.1:" + port, e);
      }
      executor =
          Executors.newCachedThreadPool(
              r -> {
                Thread t = new Thread(r, "avsb-test-service-" + THREADS.incrementAndGet());
                t.setDaemon(true);
                return t;
              });
      server.setExecutor(executor);
      server.createContext("/", this::handle);
      server.start();
      return this;
    }
  }

  /** The base URI serving all endpoints, such as {@code http://127.0.0.1:40123}. */
  public URI uri() {
    synchronized (lock) {
      if (server == null) {
        throw new IllegalStateException("AvsbTestService is not started");
      }
      return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }
  }

  /**
   * Answers {@code 401} to every request whose {@code Authorization} header is not {@code sdkKey};
   * null accepts any key (the default). Returns this.
   */
  public AvsbTestService expectedSdkKey(String sdkKey) {
    this.expectedSdkKey = sdkKey;
    return this;
  }

  /** How long a stream may be idle before a heartbeat comment (default 1 s; zero: never). */
  public AvsbTestService heartbeatInterval(Duration interval) {
    Objects.requireNonNull(interval, "interval");
    if (interval.isNegative()) {
      throw new IllegalArgumentException("interval must not be negative, was " + interval);
    }
    this.heartbeatInterval = interval;
    return this;
  }

  /** Replaces all data with {@code allData} ({@code {"flags": {...}, "segments": {...}}}) and pushes a {@code put}. */
  public void setData(AvsbValue allData) {
    AvsbValue normalized = normalizeData(allData);
    synchronized (lock) {
      data = normalized;
      dataVersion++;
      pushLocked(SseFrames.put(normalized));
    }
  }

  /** {@link #setData(AvsbValue)} from JSON text. */
  public void setData(String allDataJson) {
    Objects.requireNonNull(allDataJson, "allDataJson");
    setData(AvsbValue.parse(allDataJson));
  }

  /** The current data, {@code {"flags": {...}, "segments": {...}}}. */
  public AvsbValue data() {
    synchronized (lock) {
      return data;
    }
  }

  /** Stores flag {@code key} as given and pushes a {@code patch} to every open stream. */
  public void putFlag(String key, AvsbValue flag) {
    putItem("flags", key, flag);
  }

  /** Stores segment {@code key} as given and pushes a {@code patch} to every open stream. */
  public void putSegment(String key, AvsbValue segment) {
    putItem("segments", key, segment);
  }

  /** Removes flag {@code key} and pushes a {@code delete} at {@code version} to every open stream. */
  public void deleteFlag(String key, int version) {
    deleteItem("flags", key, version);
  }

  /** Removes segment {@code key} and pushes a {@code delete} at {@code version} to every open stream. */
  public void deleteSegment(String key, int version) {
    deleteItem("segments", key, version);
  }

  /** Sends {@code sseText} unchanged to every open stream, such as a malformed event. */
  public void pushRaw(String sseText) {
    Objects.requireNonNull(sseText, "sseText");
    synchronized (lock) {
      pushLocked(sseText);
    }
  }

  /** Answers the next {@code count} requests to {@code endpoint} with {@code status} (e.g. 503). */
  public void failNext(Endpoint endpoint, int count, int status) {
    Objects.requireNonNull(endpoint, "endpoint");
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative, was " + count);
    }
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("status must be an error status (400-599), was " + status);
    }
    faults.get(endpoint).failNext(count, status);
  }

  /** Waits {@code delay} before answering each request to {@code endpoint} (zero: no delay). */
  public void delayResponses(Endpoint endpoint, Duration delay) {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(delay, "delay");
    if (delay.isNegative()) {
      throw new IllegalArgumentException("delay must not be negative, was " + delay);
    }
    faults.get(endpoint).delay(delay);
  }

  /**
   * Makes the next {@code count} answers of {@code endpoint} malformed: a {@link Endpoint#FLAGS}
   * body cut short (with the current ETag), or a {@link Endpoint#STREAM} connection that opens
   * with a {@code put} whose JSON is cut short.
   */
  public void malformedNext(Endpoint endpoint, int count) {
    Objects.requireNonNull(endpoint, "endpoint");
    if (endpoint == Endpoint.EVENTS) {
      throw new IllegalArgumentException("endpoint EVENTS has no body to make malformed");
    }
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative, was " + count);
    }
    faults.get(endpoint).malformedNext(count);
  }

  /** Writes the first half of an event to every open stream, then ends those responses. */
  public void dropStreamsMidEvent() {
    synchronized (lock) {
      for (StreamConnection c : streams) {
        c.drop(SseFrames.HALF_EVENT);
      }
    }
  }

  /** Ends every open stream response cleanly. */
  public void closeStreams() {
    synchronized (lock) {
      for (StreamConnection c : streams) {
        c.close();
      }
    }
  }

  /** Stops (true) or resumes (false) heartbeats on all streams, so that a stream can go silent. */
  public void silenceStreams(boolean silent) {
    this.silent = silent;
  }

  /** Every request received so far, in arrival order. */
  public List<Request> requests() {
    synchronized (lock) {
      return List.copyOf(requests);
    }
  }

  /** The requests received so far on {@code endpoint}'s path, in arrival order. */
  public List<Request> requests(Endpoint endpoint) {
    Objects.requireNonNull(endpoint, "endpoint");
    synchronized (lock) {
      return requestsLocked(endpoint);
    }
  }

  /**
   * Waits until at least {@code count} requests arrived, on any path, and returns all of them.
   *
   * @throws AssertionError when they did not arrive within {@code timeout}
   */
  public List<Request> awaitRequests(int count, Duration timeout) {
    return await(() -> List.copyOf(requests), count, timeout, "requests");
  }

  /**
   * Waits until at least {@code count} requests arrived on {@code endpoint}'s path and returns all
   * of them.
   *
   * @throws AssertionError when they did not arrive within {@code timeout}
   */
  public List<Request> awaitRequests(Endpoint endpoint, int count, Duration timeout) {
    Objects.requireNonNull(endpoint, "endpoint");
    return await(
        () -> requestsLocked(endpoint),
        count,
        timeout,
        "requests to " + endpoint.path());
  }

  /** The stream responses open now (a connection the client dropped counts until the next write to it). */
  public int openStreams() {
    synchronized (lock) {
      return streams.size();
    }
  }

  /** How many stream responses were opened (with a 200) since the start. */
  public int streamConnections() {
    synchronized (lock) {
      return streamsOpened;
    }
  }

  /**
   * Waits until at least {@code count} stream responses were opened since the start.
   *
   * @throws AssertionError when they were not within {@code timeout}
   */
  public void awaitStreamConnections(int count, Duration timeout) {
    await(
        () -> Collections.nCopies(streamsOpened, Boolean.TRUE),
        count,
        timeout,
        "stream connections");
  }

  /** Every accepted event payload so far, in arrival order. */
  public List<EventPost> events() {
    synchronized (lock) {
      return List.copyOf(events);
    }
  }

  /**
   * Waits until at least {@code count} event payloads were accepted and returns all of them.
   *
   * @throws AssertionError when they were not within {@code timeout}
   */
  public List<EventPost> awaitEvents(int count, Duration timeout) {
    return await(() -> List.copyOf(events), count, timeout, "event payloads");
  }

  /** Ends every stream and stops listening; idempotent. */
  @Override
  public void close() {
    HttpServer s;
    ExecutorService ex;
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      for (StreamConnection c : streams) {
        c.close();
      }
      s = server;
      ex = executor;
      lock.notifyAll();
    }
    if (s != null) {
      s.stop(0);
      ex.shutdownNow();
      try {
        ex.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void putItem(String kind, String key, AvsbValue item) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(item, "item");
    synchronized (lock) {
      data = withItem(data, kind, key, item);
      dataVersion++;
      pushLocked(SseFrames.patch(kind, key, item));
    }
  }

  private void deleteItem(String kind, String key, int version) {
    Objects.requireNonNull(key, "key");
    synchronized (lock) {
      data = withItem(data, kind, key, null);
      dataVersion++;
      pushLocked(SseFrames.delete(kind, key, version));
    }
  }

  private void pushLocked(String sse) {
    for (StreamConnection c : streams) {
      c.send(sse);
    }
  }

  private List<Request> requestsLocked(Endpoint endpoint) {
    List<Request> out = new ArrayList<>();
    for (Request r : requests) {
      if (r.path().equals(endpoint.path())) {
        out.add(r);
      }
    }
    return out;
  }

  private <T> List<T> await(Supplier<List<T>> read, int count, Duration timeout, String what) {
    Objects.requireNonNull(timeout, "timeout");
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (lock) {
      while (true) {
        List<T> seen = read.get();
        if (seen.size() >= count) {
          return seen;
        }
        long left = deadline - System.nanoTime();
        if (left <= 0 || closed) {
          throw new AssertionError(
              "expected at least " + count + " " + what + " within " + timeout + ", saw "
                  + seen.size() + (closed ? " (service closed)" : ""));
        }
        try {
          TimeUnit.NANOSECONDS.timedWait(lock, left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new AssertionError("interrupted while waiting for " + what, e);
        }
      }
    }
  }

  private void handle(HttpExchange exchange) {
    try {
      String path = exchange.getRequestURI().getPath();
      String method = exchange.getRequestMethod();
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      Request request = new Request(method, path, exchange.getRequestHeaders(), body);
      synchronized (lock) {
        requests.add(request);
        lock.notifyAll();
      }
      Endpoint endpoint = Endpoint.forPath(path);
      if (endpoint == null) {
        respond(exchange, 404, "no such path: " + path);
        return;
      }
      if (!endpoint.method().equals(method)) {
        exchange.getResponseHeaders().set("Allow", endpoint.method());
        respond(exchange, 405, endpoint.path() + " accepts " + endpoint.method());
        return;
      }
      EndpointFaults f = faults.get(endpoint);
      Duration delay = f.delay();
      if (!delay.isZero()) {
        Thread.sleep(delay.toMillis());
      }
      String key = expectedSdkKey;
      if (key != null && !key.equals(request.header("Authorization"))) {
        respond(exchange, 401, "invalid SDK key");
        return;
      }
      int failure = f.takeFailure();
      if (failure != 0) {
        respond(exchange, failure, "injected failure " + failure);
        return;
      }
      switch (endpoint) {
        case FLAGS -> serveFlags(exchange, request, f.takeMalformed());
        case STREAM -> serveStream(exchange, f.takeMalformed());
        case EVENTS -> acceptEvents(exchange, request);
      }
    } catch (IOException e) {
      // The client went away; nothing to answer.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      try {
        respond(exchange, 500, "test service error: " + e);
      } catch (IOException | RuntimeException ignored) {
        // Headers were already sent; closing ends the response.
      }
    } finally {
      exchange.close();
    }
  }

  private void serveFlags(HttpExchange exchange, Request request, boolean malformed) throws IOException {
    AvsbValue current;
    String etag;
    synchronized (lock) {
      current = data;
      etag = "\"v" + dataVersion + "\"";
    }
    exchange.getResponseHeaders().set("ETag", etag);
    if (!malformed && etag.equals(request.header("If-None-Match"))) {
      exchange.sendResponseHeaders(304, -1);
      return;
    }
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    String json = current.toJson();
    respondBody(exchange, 200, malformed ? json.substring(0, json.length() / 2) : json);
  }

  private void serveStream(HttpExchange exchange, boolean malformed)
      throws IOException, InterruptedException {
    Headers h = exchange.getResponseHeaders();
    h.set("Content-Type", "text/event-stream; charset=utf-8");
    h.set("Cache-Control", "no-cache");
    exchange.sendResponseHeaders(200, 0);
    StreamConnection connection = new StreamConnection();
    synchronized (lock) {
      if (closed) {
        return;
      }
      // Registered under the lock together with the first put, so no push can overtake it.
      connection.send(malformed ? SseFrames.MALFORMED_PUT : SseFrames.put(data));
      streams.add(connection);
      streamsOpened++;
      lock.notifyAll();
    }
    try (OutputStream out = exchange.getResponseBody()) {
      connection.serve(out, () -> heartbeatInterval, () -> silent);
    } finally {
      synchronized (lock) {
        streams.remove(connection);
        lock.notifyAll();
      }
    }
  }

  private void acceptEvents(HttpExchange exchange, Request request) throws IOException {
    AvsbValue payload;
    try {
      payload = AvsbValue.parse(request.body());
    } catch (IllegalArgumentException e) {
      respond(exchange, 400, "body is not JSON: " + e.getMessage());
      return;
    }
    synchronized (lock) {
      events.add(new EventPost(payload, request.headers()));
      lock.notifyAll();
    }
    exchange.sendResponseHeaders(202, -1);
  }

  private static void respond(HttpExchange exchange, int status, String text) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    respondBody(exchange, status, text);
  }

  private static void respondBody(HttpExchange exchange, int status, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  private static AvsbValue normalizeData(AvsbValue allData) {
    Objects.requireNonNull(allData, "allData");
    if (!(allData instanceof AvsbValue.Obj)) {
      throw new IllegalArgumentException("allData must be a JSON object, was " + allData.toJson());
    }
    Map<String, AvsbValue> out = new LinkedHashMap<>();
    for (String kind : List.of("flags", "segments")) {
      AvsbValue items = allData.get(kind);
      if (items.isNull()) {
        items = new AvsbValue.Obj(Map.of());
      } else if (!(items instanceof AvsbValue.Obj)) {
        throw new IllegalArgumentException("allData." + kind + " must be a JSON object");
      }
      out.put(kind, items);
    }
    return new AvsbValue.Obj(out);
  }

  private static AvsbValue withItem(AvsbValue all, String kind, String key, AvsbValue item) {
    Map<String, AvsbValue> items = new LinkedHashMap<>(((AvsbValue.Obj) all.get(kind)).values());
    if (item == null) {
      items.remove(key);
    } else {
      items.put(key, item);
    }
    Map<String, AvsbValue> out = new LinkedHashMap<>(((AvsbValue.Obj) all).values());
    out.put(kind, new AvsbValue.Obj(items));
    return new AvsbValue.Obj(out);
  }

  private static Map<String, List<String>> caseInsensitiveCopy(Map<String, List<String>> headers) {
    Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    if (headers != null) {
      headers.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    }
    return Collections.unmodifiableMap(copy);
  }

  private static String first(Map<String, List<String>> headers, String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }
}
