package io.avsb.testkit.datasources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.avsb.AvsbConfig;
import io.avsb.AvsbValue;
import io.avsb.DataSourceStatus.ErrorInfo;
import io.avsb.DataSourceStatus.ErrorKind;
import io.avsb.DataSourceStatus.State;
import io.avsb.internal.datasource.RecordingUpdates;
import io.avsb.internal.datasource.StreamingDataSource;
import io.avsb.internal.http.SdkVersion;
import io.avsb.internal.log.LogCapture;
import io.avsb.spi.DataKind;
import io.avsb.testkit.AvsbTestService;
import io.avsb.testkit.AvsbTestService.Endpoint;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class StreamingDataSourceHttpTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String KEY = "sdk-test-key-7f3a";
  private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
  private static final String DATA_V1 = "{\"flags\": {\"f\": {\"key\": \"f\", \"version\": 1, \"on\": true}}}";

  private final RecordingUpdates updates = new RecordingUpdates();
  private final RecordingScheduler scheduler = new RecordingScheduler();
  private final TestContext context = new TestContext(scheduler, Clock.fixed(NOW, ZoneOffset.UTC));
  private AvsbTestService service;
  private StreamingDataSource source;

  @BeforeEach
  void startService() {
    service = new AvsbTestService().start();
    service.setData(DATA_V1);
  }

  @AfterEach
  void closeEverything() {
    if (source != null) {
      source.close();
    }
    service.close();
    scheduler.shutdownNow();
  }

  @Test
  void firstPutInitializesWithTheProtocolHeaders() throws Exception {
    source = stream(b -> b, () -> 0.0);

    assertThat(startResult()).isTrue();

    assertThat(source.isInitialized()).isTrue();
    assertThat(updates.items(DataKind.FLAGS).get("f")).isEqualTo(AvsbValue.parse(
        "{\"key\": \"f\", \"version\": 1, \"on\": true}"));
    assertThat(updates.lastState()).isEqualTo(State.VALID);
    AvsbTestService.Request request = service.requests(Endpoint.STREAM).get(0);
    assertThat(request.method()).isEqualTo("GET");
    assertThat(request.header("Authorization")).isEqualTo(KEY);
    assertThat(request.header("User-Agent")).isEqualTo("AvsbJava/" + SdkVersion.VERSION);
    assertThat(request.header("Accept")).isEqualTo("text/event-stream");
  }

  @Test
  void patchesAndDeletesArriveOnTheOpenStream() throws Exception {
    source = stream(b -> b, () -> 0.0);
    assertThat(startResult()).isTrue();

    service.putFlag("g", AvsbValue.parse("{\"key\": \"g\", \"version\": 4}"));
    service.putSegment("s", AvsbValue.parse("{\"key\": \"s\", \"version\": 2}"));
    service.deleteFlag("f", 2);

    await().atMost(WAIT).until(() -> updates.calls().size() == 4);
    assertThat(updates.calls()).extracting(RecordingUpdates.Call::op)
        .containsExactly("init", "upsert", "upsert", "delete");
    assertThat(updates.items(DataKind.FLAGS)).containsOnlyKeys("g");
    assertThat(updates.items(DataKind.SEGMENTS)).containsOnlyKeys("s");
    assertThat(service.streamConnections()).isEqualTo(1);
  }

  @Test
  void serviceUnavailableThreeTimesIsRetriedWithGrowingJitteredDelays() throws Exception {
    service.failNext(Endpoint.STREAM, 3, 503);
    source = stream(b -> b.initialReconnectDelay(Duration.ofMillis(10)), jitters(0.0, 0.5, 1.0));

    assertThat(startResult()).isTrue();

    // 10 ms doubling: 10, 20, 40 ms before jitter; jitter 0, 0.5, 1.0 takes off 0, 1/4, 1/2.
    assertThat(scheduler.delays()).containsExactly(Duration.ofMillis(10), Duration.ofMillis(15), Duration.ofMillis(20));
    assertThat(service.requests(Endpoint.STREAM)).hasSize(4);
    ErrorInfo unavailable = new ErrorInfo(ErrorKind.ERROR_RESPONSE, 503, "the stream service answered HTTP 503", NOW);
    assertThat(updates.statuses()).containsExactly(
        new RecordingUpdates.Status(State.INITIALIZING, unavailable),
        new RecordingUpdates.Status(State.INITIALIZING, unavailable),
        new RecordingUpdates.Status(State.INITIALIZING, unavailable),
        new RecordingUpdates.Status(State.VALID, null));
    assertThat(updates.items(DataKind.FLAGS)).containsOnlyKeys("f");
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 408, 429, 500, 502})
  void recoverableStatusesAreRetried(int status) throws Exception {
    service.failNext(Endpoint.STREAM, 1, status);
    source = stream(b -> b.initialReconnectDelay(Duration.ofMillis(10)), () -> 0.0);

    assertThat(startResult()).isTrue();
    assertThat(service.requests(Endpoint.STREAM)).hasSize(2);
    assertThat(updates.statuses().get(0).error().statusCode()).isEqualTo(status);
  }

  @Test
  void droppedStreamThenMalformedPutThenGoodPatchEndsWithTheGoodData() throws Exception {
    source = stream(b -> b.initialReconnectDelay(Duration.ofMillis(10)), () -> 0.0);
    assertThat(startResult()).isTrue();

    service.malformedNext(Endpoint.STREAM, 1);
    service.dropStreamsMidEvent();
    // connection 2 opens with a broken put, so the source restarts once more
    service.awaitStreamConnections(3, WAIT);
    await().atMost(WAIT).until(() -> count(updates.calls(), "init") == 2);
    service.putFlag("f", AvsbValue.parse("{\"key\": \"f\", \"version\": 2, \"on\": false}"));
    await().atMost(WAIT).until(() -> count(updates.calls(), "upsert") == 1);

    assertThat(updates.items(DataKind.FLAGS)).containsOnlyKeys("f");
    assertThat(updates.items(DataKind.FLAGS).get("f").get("on")).isEqualTo(AvsbValue.FALSE);
    AvsbValue fullV1 = AvsbValue.parse(DATA_V1).get("flags");
    assertThat(updates.calls()).extracting(RecordingUpdates.Call::op).containsExactly("init", "init", "upsert");
    assertThat(updates.calls()).filteredOn(c -> c.op().equals("init"))
        .allSatisfy(c -> assertThat(c.value().get("flags")).isEqualTo(fullV1));
    assertThat(updates.calls()).noneMatch(c -> "half".equals(c.key()));
    assertThat(updates.statuses()).extracting(s -> s.state() + "/" + (s.error() == null ? "-" : s.error().kind()))
        .containsExactly("VALID/-", "INTERRUPTED/NETWORK_ERROR", "INTERRUPTED/INVALID_DATA", "VALID/-");
    assertThat(source.isInitialized()).isTrue();
  }

  @Test
  void malformedPatchRestartsTheStreamAndKeepsTheLastGoodData() throws Exception {
    source = stream(b -> b.initialReconnectDelay(Duration.ofMillis(10)), () -> 0.0);
    assertThat(startResult()).isTrue();

    service.pushRaw("event: patch\ndata: {\"path\": \"/flags/f\", \"data\": {\"key\": \"f\", \"vers\n\n");
    service.awaitStreamConnections(2, WAIT);
    await().atMost(WAIT).until(() -> count(updates.calls(), "init") == 2);

    assertThat(updates.calls()).extracting(RecordingUpdates.Call::op).containsExactly("init", "init");
    assertThat(updates.items(DataKind.FLAGS).get("f").get("version").intValue()).isEqualTo(1);
    assertThat(updates.statuses()).extracting(RecordingUpdates.Status::error).filteredOn(e -> e != null)
        .singleElement()
        .satisfies(e -> {
          assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_DATA);
          assertThat(e.message()).isEqualTo("patch event is not valid JSON");
        });
  }

  @Test
  void unknownEventsAreIgnoredWithoutARestart() throws Exception {
    source = stream(b -> b, () -> 0.0);
    assertThat(startResult()).isTrue();

    service.pushRaw("event: future-thing\ndata: {}\n\n");
    service.putFlag("g", AvsbValue.parse("{\"key\": \"g\", \"version\": 1}"));

    await().atMost(WAIT).until(() -> updates.items(DataKind.FLAGS).containsKey("g"));
    assertThat(service.streamConnections()).isEqualTo(1);
    assertThat(updates.statuses()).allSatisfy(s -> assertThat(s.error()).isNull());
  }

  @ParameterizedTest
  @ValueSource(ints = {401, 403})
  void rejectedKeyStopsForGoodWithOneMaskedErrorLine(int status) throws Exception {
    service.failNext(Endpoint.STREAM, 1, status);
    List<String> log;
    try (LogCapture err = new LogCapture()) {
      source = stream(b -> b, () -> 0.0);
      assertThat(startResult()).isFalse();
      awaitNoStreamThread();
      log = err.lines();
    }

    assertThat(updates.statuses()).containsExactly(new RecordingUpdates.Status(State.OFF,
        new ErrorInfo(ErrorKind.ERROR_RESPONSE, status, "the stream service answered HTTP " + status, NOW)));
    assertThat(scheduler.delays()).as("no reconnect was scheduled").isEmpty();
    assertThat(source.start().toCompletableFuture().get(10, TimeUnit.SECONDS)).isFalse();
    awaitNoStreamThread();
    assertThat(service.requests(Endpoint.STREAM)).hasSize(1);
    assertThat(log).filteredOn(l -> l.contains("SDK key rejected")).singleElement().satisfies(l -> {
      assertThat(l).contains("ERROR", "io.avsb.datasource", "(HTTP " + status + ")", "key ending in ****7f3a");
    });
    assertThat(log).noneMatch(l -> l.contains(KEY));
  }

  @Test
  void wrongKeyCheckedByTheServiceStopsTheSource() throws Exception {
    service.expectedSdkKey("another-key");
    source = stream(b -> b, () -> 0.0);

    assertThat(startResult()).isFalse();
    assertThat(updates.lastState()).isEqualTo(State.OFF);
    assertThat(updates.statuses().get(0).error().statusCode()).isEqualTo(401);
  }

  @Test
  void otherClientErrorStopsWithoutBlamingTheKey() throws Exception {
    service.failNext(Endpoint.STREAM, 1, 404);
    List<String> log;
    try (LogCapture err = new LogCapture()) {
      source = stream(b -> b, () -> 0.0);
      assertThat(startResult()).isFalse();
      awaitNoStreamThread();
      log = err.lines();
    }

    assertThat(updates.lastState()).isEqualTo(State.OFF);
    assertThat(scheduler.delays()).isEmpty();
    assertThat(log).filteredOn(l -> l.contains("ERROR")).singleElement()
        .satisfies(l -> assertThat(l).contains("HTTP 404", "will not retry").doesNotContain("SDK key rejected"));
  }

  @Test
  void silentStreamIsRestarted() throws Exception {
    service.silenceStreams(true);
    source = stream(b -> b.streamReadTimeout(Duration.ofMillis(200)).initialReconnectDelay(Duration.ofMillis(10)), () -> 0.0);
    assertThat(startResult()).isTrue();

    service.awaitStreamConnections(2, WAIT);
    await().atMost(WAIT).until(() -> count(updates.calls(), "init") == 2);

    assertThat(updates.statuses()).extracting(RecordingUpdates.Status::error).filteredOn(e -> e != null)
        .first()
        .satisfies(e -> {
          assertThat(e.kind()).isEqualTo(ErrorKind.NETWORK_ERROR);
          assertThat(e.message()).contains("silent for PT0.2S");
        });
  }

  @Test
  void refusedConnectionIsRetriedWhileInitializing() throws Exception {
    URI gone = service.uri();
    service.close();
    source = new StreamingDataSource(
        AvsbConfig.builder(KEY).streamUri(gone).initialReconnectDelay(Duration.ofMillis(10)).build(),
        context, updates, () -> 0.0);
    source.start();

    await().atMost(WAIT).until(() -> scheduler.delays().size() >= 3);
    assertThat(scheduler.delays().subList(0, 3))
        .containsExactly(Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofMillis(40));
    assertThat(updates.statuses()).first().satisfies(s -> {
      assertThat(s.state()).isEqualTo(State.INITIALIZING);
      assertThat(s.error().kind()).isEqualTo(ErrorKind.NETWORK_ERROR);
    });
    assertThat(source.isInitialized()).isFalse();
  }

  @ParameterizedTest
  @CsvSource({"61, 10", "59, 40"})
  void delaysStartOverOnlyAfterSixtySecondsOfHealthyConnection(long healthySeconds, long expectedMillis)
      throws Exception {
    MutableClock clock = new MutableClock(NOW);
    service.failNext(Endpoint.STREAM, 2, 503);
    source = new StreamingDataSource(
        AvsbConfig.builder(KEY).streamUri(service.uri()).initialReconnectDelay(Duration.ofMillis(10)).build(),
        new TestContext(scheduler, clock), updates, () -> 0.0);
    assertThat(startResult()).isTrue();

    clock.advance(Duration.ofSeconds(healthySeconds));
    service.dropStreamsMidEvent();
    await().atMost(WAIT).until(() -> scheduler.delays().size() == 3);

    assertThat(scheduler.delays())
        .containsExactly(Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofMillis(expectedMillis));
  }

  @Test
  void configuredProxyCarriesTheStream() throws Exception {
    // The test service also answers proxy-form requests (GET http://host/path), so it can stand in
    // for a forward proxy; the target host does not resolve, so only the proxy route can work.
    source = new StreamingDataSource(
        AvsbConfig.builder(KEY).streamUri(URI.create("http://stream.avsb.invalid:8123")).proxyUri(service.uri()).build(),
        context, updates, () -> 0.0);

    assertThat(startResult()).isTrue();
    AvsbTestService.Request request = service.requests(Endpoint.STREAM).get(0);
    assertThat(request.header("Host")).isEqualTo("stream.avsb.invalid:8123");
    assertThat(request.header("Authorization")).isEqualTo(KEY);
  }

  @Test
  void closeEndsTheStreamThreadAndReportsOff() throws Exception {
    source = stream(b -> b, () -> 0.0);
    assertThat(startResult()).isTrue();
    assertThat(streamThreads()).isNotEmpty();

    source.close();

    assertThat(streamThreads()).isEmpty();
    assertThat(updates.lastState()).isEqualTo(State.OFF);
  }

  @Test
  void closeDuringBackoffCancelsTheReconnect() throws Exception {
    service.failNext(Endpoint.STREAM, 1, 503);
    source = stream(b -> b.initialReconnectDelay(Duration.ofSeconds(30)), () -> 0.0);
    source.start();
    await().atMost(WAIT).until(() -> scheduler.delays().size() == 1);

    source.close();

    assertThat(scheduler.getQueue()).as("the reconnect task was removed").isEmpty();
    assertThat(streamThreads()).isEmpty();
    assertThat(updates.lastState()).isEqualTo(State.OFF);
    assertThat(source.start().toCompletableFuture().get(10, TimeUnit.SECONDS)).isFalse();
    assertThat(service.requests(Endpoint.STREAM)).hasSize(1);
  }

  private StreamingDataSource stream(UnaryOperator<AvsbConfig.Builder> settings, DoubleSupplier jitter) {
    AvsbConfig config = settings.apply(AvsbConfig.builder(KEY).streamUri(service.uri())).build();
    return new StreamingDataSource(config, context, updates, jitter);
  }

  private boolean startResult() throws Exception {
    return source.start().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private static DoubleSupplier jitters(Double... values) {
    Queue<Double> queue = new ArrayDeque<>(List.of(values));
    return () -> {
      Double next = queue.poll();
      return next == null ? 0.0 : next;
    };
  }

  private static long count(List<RecordingUpdates.Call> calls, String op) {
    return calls.stream().filter(c -> c.op().equals(op)).count();
  }

  private static List<Thread> streamThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().equals("avsb-stream") && t.isAlive())
        .toList();
  }

  private static void awaitNoStreamThread() {
    await().atMost(WAIT).until(() -> streamThreads().isEmpty());
  }
}
