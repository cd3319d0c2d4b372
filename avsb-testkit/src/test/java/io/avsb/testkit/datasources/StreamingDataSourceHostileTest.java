package io.avsb.testkit.datasources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.avsb.internal.datasource.StreamingDataSource;
import io.avsb.internal.datasource.RecordingUpdates;
import io.avsb.internal.datasource.FailingUpdates;
import io.avsb.AvsbConfig;
import io.avsb.AvsbServer;
import io.avsb.AvsbValue;
import io.avsb.DataSourceStatus;
import io.avsb.DataSourceStatus.ErrorKind;
import io.avsb.DataSourceStatus.State;
import io.avsb.EvaluationReason;
import io.avsb.ScopedAvsb;
import io.avsb.internal.log.LogCapture;
import io.avsb.spi.DataKind;
import io.avsb.testkit.AvsbTestService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

// What a hostile or broken service can send on the stream, and errors on the stream's thread.
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class StreamingDataSourceHostileTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final String KEY = "sdk-hostile-key-9e1d";
  private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
  private static final String FLAG = "{\"version\": 1, \"on\": true, \"variations\": [false, true],"
      + " \"fallthrough\": {\"variation\": 1}}";

  private final RecordingUpdates recorded = new RecordingUpdates();
  private final RecordingScheduler scheduler = new RecordingScheduler();
  private final TestContext context = new TestContext(scheduler, Clock.fixed(NOW, ZoneOffset.UTC));
  private AvsbTestService service;
  private StreamingDataSource source;

  @BeforeEach
  void startService() {
    service = new AvsbTestService().start();
    service.setData("{\"flags\": {\"f\": " + FLAG + "}}");
  }

  @AfterEach
  void closeEverything() {
    if (source != null) {
      source.close();
    }
    service.close();
    scheduler.shutdownNow();
  }

  // The OutOfMemoryError is injected by the store double, as a store that runs out of heap on a
  // huge put raises it: on the stream's thread, while the put is applied.
  @Test
  void outOfMemoryWhileApplyingAPutIsReportedWithItsCauseAndTheStreamReconnects() throws Exception {
    FailingUpdates updates = new FailingUpdates(recorded, new OutOfMemoryError("Java heap space"));
    try (LogCapture log = new LogCapture()) {
      source = new StreamingDataSource(config(b -> b), context, updates, () -> 0.0);

      assertThat(source.start().toCompletableFuture().get(20, TimeUnit.SECONDS)).isTrue();

      assertThat(log.linesWith("WARN io.avsb.datasource")).singleElement().satisfies(l ->
          assertThat(l).contains("reconnecting in 10 ms", "java.lang.OutOfMemoryError: Java heap space"));
    }
    assertThat(recorded.statuses()).first().satisfies(s -> {
      assertThat(s.state()).isEqualTo(State.INITIALIZING);
      assertThat(s.error().kind()).isEqualTo(ErrorKind.UNKNOWN);
      assertThat(s.error().message()).isEqualTo(
          "unexpected \"java.lang.OutOfMemoryError: Java heap space\" while reading the stream");
    });
    assertThat(recorded.lastState()).isEqualTo(State.VALID);
    assertThat(scheduler.delays()).containsExactly(Duration.ofMillis(10));
    assertThat(service.streamConnections()).isEqualTo(2);
  }

  @Test
  void errorTheStreamCannotSurviveStopsItForGoodWithOneErrorLine() throws Exception {
    FailingUpdates updates = new FailingUpdates(recorded, new NoClassDefFoundError("io/avsb/Unloaded"));
    List<String> errors;
    try (LogCapture log = new LogCapture()) {
      source = new StreamingDataSource(config(b -> b), context, updates, () -> 0.0);

      assertThat(source.start().toCompletableFuture().get(20, TimeUnit.SECONDS)).isFalse();
      errors = log.linesWith("ERROR");
    }

    assertThat(errors).singleElement().satisfies(l -> assertThat(l)
        .contains("io.avsb.datasource", "streaming data source has stopped for good",
            "java.lang.NoClassDefFoundError: io/avsb/Unloaded"));
    assertThat(recorded.statuses()).singleElement().satisfies(s -> {
      assertThat(s.state()).isEqualTo(State.OFF);
      assertThat(s.error().message()).contains("NoClassDefFoundError");
    });
    assertThat(scheduler.delays()).isEmpty();
  }

  @Test
  void putLargerThanTheLimitIsRejectedNamingItAndTheLastGoodDataStays() throws Exception {
    List<String> warnings;
    try (LogCapture log = new LogCapture()) {
      source = new StreamingDataSource(config(b -> b.maxDataBytes(4096)), context, recorded, () -> 0.0);
      assertThat(source.start().toCompletableFuture().get(20, TimeUnit.SECONDS)).isTrue();

      service.pushRaw("event: put\ndata: {\"data\": {\"flags\": {\"big\": {\"variations\": [\""
          + "x".repeat(5000) + "\"]}}}}\n\n");
      service.awaitStreamConnections(2, WAIT);
      await().atMost(WAIT).until(() -> recorded.calls().size() == 2);
      warnings = log.linesWith("WARN io.avsb.datasource");
    }

    assertThat(warnings).singleElement().satisfies(l -> assertThat(l)
        .contains("stream interrupted (a stream event is larger than 4096 bytes)", "reconnecting in 10 ms"));
    assertThat(recorded.items(DataKind.FLAGS)).containsOnlyKeys("f");
    assertThat(recorded.statuses()).extracting(RecordingUpdates.Status::error)
        .filteredOn(e -> e != null).singleElement().satisfies(e -> {
          assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_DATA);
          assertThat(e.message()).isEqualTo("a stream event is larger than 4096 bytes");
        });
  }

  @Test
  void patchForAKindOfItemThisSdkDoesNotKnowIsIgnoredWithOneLogLine() throws Exception {
    List<String> lines;
    try (LogCapture log = new LogCapture()) {
      source = new StreamingDataSource(config(b -> b), context, recorded, () -> 0.0);
      assertThat(source.start().toCompletableFuture().get(20, TimeUnit.SECONDS)).isTrue();

      service.pushRaw("event: patch\ndata: {\"path\": \"/widgets/w1\", \"data\": {\"version\": 1}}\n\n");
      service.pushRaw("event: delete\ndata: {\"path\": \"/widgets/w1\", \"version\": 2}\n\n");
      service.putFlag("g", AvsbValue.parse(FLAG));
      await().atMost(WAIT).until(() -> recorded.items(DataKind.FLAGS).containsKey("g"));
      lines = log.linesWith("widgets");
    }

    assertThat(service.streamConnections()).isEqualTo(1);
    assertThat(recorded.statuses()).allSatisfy(s -> assertThat(s.error()).isNull());
    assertThat(lines).singleElement().satisfies(l -> assertThat(l)
        .contains("INFO io.avsb.datasource", "kind \"widgets\", which this SDK does not know"));
  }

  @Test
  void lineBreaksInServiceTextNeverReachTheStatusOrALogLineRaw() throws Exception {
    List<String> lines;
    try (LogCapture log = new LogCapture()) {
      source = new StreamingDataSource(
          config(b -> b.initialReconnectDelay(Duration.ofMillis(10))), context, recorded, () -> 0.0);
      assertThat(source.start().toCompletableFuture().get(20, TimeUnit.SECONDS)).isTrue();

      service.pushRaw("event: patch\ndata: {\"path\": \"/flags/x\\r\\nERROR forged line\", \"data\": 3}\n\n");
      service.awaitStreamConnections(2, WAIT);
      await().atMost(WAIT).until(() -> recorded.calls().size() == 2);
      lines = log.lines();
    }

    DataSourceStatus.ErrorInfo error = recorded.statuses().stream()
        .map(RecordingUpdates.Status::error).filter(e -> e != null).findFirst().orElseThrow();
    assertThat(error.message())
        .isEqualTo("patch event for \"/flags/x\\u000d\\u000aERROR forged line\" has no \"data\" object");
    assertThat(lines).isNotEmpty().noneMatch(l -> l.startsWith("ERROR forged line"));
  }

  @Test
  void oneNumberTooLargeForADoubleMakesOnlyItsFlagMalformed() {
    try (HostileService hostile = new HostileService();
        LogCapture log = new LogCapture()) {
      hostile.on(StreamingDataSource.PATH, hostile.stream("event: put\ndata: {\"data\": {\"flags\":"
          + " {\"good\": " + FLAG + ", \"bad\": {\"version\": 3, \"variations\": [1e400]}}}}\n\n"));
      try (AvsbServer server = AvsbServer.builder(KEY).streamUri(hostile.uri()).eventsEnabled(false)
          .startWait(WAIT).buildServer()) {
        ScopedAvsb user = server.forUser(Map.of("key", "u1"));

        assertThat(server.isReady()).isTrue();
        assertThat(user.getBoolFlag("good", false)).isTrue();
        assertThat(user.getDoubleFlagDetail("bad", 7.0).reason())
            .isEqualTo(EvaluationReason.error(EvaluationReason.ErrorKind.MALFORMED_FLAG));
        assertThat(log.linesWith("WARN io.avsb.store")).singleElement().satisfies(l -> assertThat(l)
            .contains("1 of 2 flags", "flag \"bad\": a number out of range: 1e400"));
      }
    }
  }

  @Test
  void stringLongerThanJacksonsDefaultLimitIsReadUnderTheDocumentedLimit() {
    String big = "x".repeat(21_000_000);
    try (HostileService hostile = new HostileService()) {
      hostile.on(StreamingDataSource.PATH, hostile.stream("event: put\ndata: {\"data\": {\"flags\":"
          + " {\"big\": {\"on\": true, \"variations\": [\"" + big + "\"], \"fallthrough\":"
          + " {\"variation\": 0}}}}}\n\n"));
      try (AvsbServer server = AvsbServer.builder(KEY).streamUri(hostile.uri()).eventsEnabled(false)
          .startWait(WAIT).buildServer()) {
        assertThat(server.isReady()).isTrue();
        assertThat(server.forUser(Map.of("key", "u1")).getStringFlag("big", "")).hasSize(21_000_000);
      }
    }
  }

  @Test
  void thousandMalformedFlagsAndReconnectsLogABoundedNumberOfLines() {
    StringBuilder flags = new StringBuilder("\"ok\": " + FLAG);
    for (int i = 0; i < 1000; i++) {
      flags.append(", \"bad-").append(i).append("\": {\"rules\": \"not an array\"}");
    }
    service.setData("{\"flags\": {" + flags + "}}");
    List<String> lines;
    try (LogCapture log = new LogCapture();
        AvsbServer server = AvsbServer.builder(KEY).streamUri(service.uri()).eventsEnabled(false)
            .initialReconnectDelay(Duration.ofMillis(10)).startWait(WAIT).buildServer()) {
      assertThat(server.isReady()).isTrue();
      for (int reconnects = 1; reconnects <= 3; reconnects++) {
        service.closeStreams();
        service.awaitStreamConnections(reconnects + 1, WAIT);
      }
      await().atMost(WAIT).until(() -> server.dataSourceStatus().state() == State.VALID);
      lines = log.lines();
    }

    assertThat(lines).filteredOn(l -> l.contains("io.avsb.store")).singleElement()
        .satisfies(l -> assertThat(l).contains("1000 of 1001 flags", "and 995 more"));
    assertThat(lines).hasSizeLessThan(20);
  }

  private AvsbConfig config(java.util.function.UnaryOperator<AvsbConfig.Builder> settings) {
    return settings.apply(AvsbConfig.builder(KEY).streamUri(service.uri())
        .initialReconnectDelay(Duration.ofMillis(10))).build();
  }
}
