package io.avsb.testkit.datasources;

import static org.assertj.core.api.Assertions.assertThat;

import io.avsb.internal.datasource.RecordingUpdates;
import io.avsb.internal.datasource.PollingDataSource;
import io.avsb.internal.datasource.FailingUpdates;
import io.avsb.AvsbConfig;
import io.avsb.DataSourceStatus.ErrorInfo;
import io.avsb.DataSourceStatus.ErrorKind;
import io.avsb.DataSourceStatus.State;
import io.avsb.internal.log.LogCapture;
import io.avsb.spi.DataKind;
import io.avsb.spi.DataSourceUpdates;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.event.Level;

// What a hostile or broken service can answer to a poll, and errors on the polling thread. Polls
// run on the test thread through ManualScheduler.
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PollingDataSourceHostileTest {
  private static final String KEY = "sdk-hostile-poll-51a0";
  private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
  private static final String DATA = "{\"flags\": {\"f\": {\"version\": 1, \"on\": true,"
      + " \"variations\": [false, true], \"fallthrough\": {\"variation\": 1}}}}";

  private final RecordingUpdates recorded = new RecordingUpdates();
  private final ManualScheduler scheduler = new ManualScheduler();
  private final HostileService hostile = new HostileService();
  private PollingDataSource source;

  @AfterEach
  void closeEverything() {
    if (source != null) {
      source.close();
    }
    hostile.close();
  }

  @Test
  void gzipBombIsCutAtTheLimitAfterDecompressionAndReported() {
    // about 8 KB on the wire, 8 MiB once inflated
    byte[] bomb = ("{\"flags\": {" + " ".repeat(8 << 20) + "}}").getBytes(StandardCharsets.UTF_8);
    hostile.on(PollingDataSource.PATH, HostileService.gzip(bomb));
    source = poller(b -> b.maxDataBytes(1 << 20), recorded);
    source.start();

    List<String> warnings;
    try (LogCapture log = new LogCapture()) {
      scheduler.runScheduled();
      warnings = log.messages(Level.WARN, "io.avsb.datasource");
    }

    assertThat(warnings).singleElement().satisfies(m -> assertThat(m)
        .contains("larger than 1048576 bytes after decompression", "polling again in 30 s"));
    assertThat(recorded.calls()).filteredOn(c -> c.op().equals("init")).isEmpty();
    assertThat(recorded.statuses()).singleElement().satisfies(s -> {
      assertThat(s.state()).isEqualTo(State.INITIALIZING);
      assertThat(s.error()).isEqualTo(new ErrorInfo(ErrorKind.INVALID_DATA, 0,
          "polling response is larger than 1048576 bytes after decompression (maxDataBytes)", NOW));
    });
    hostile.on(PollingDataSource.PATH, HostileService.json(DATA));
    scheduler.runScheduled();
    assertThat(recorded.lastState()).isEqualTo(State.VALID);
    assertThat(recorded.items(DataKind.FLAGS)).containsOnlyKeys("f");
  }

  @Test
  void bodyTricklingAByteAtATimeTripsThePollDeadlineAndTheStatusSaysTheDataIsStale() {
    hostile.on(PollingDataSource.PATH, HostileService.json(DATA));
    source = poller(b -> b.pollTimeout(Duration.ofSeconds(1)), recorded);
    source.start();
    scheduler.runScheduled();
    assertThat(recorded.lastState()).isEqualTo(State.VALID);
    hostile.on(PollingDataSource.PATH, hostile.trickle("{\"flags\": {", 50));

    List<String> warnings;
    try (LogCapture log = new LogCapture()) {
      scheduler.runScheduled();
      warnings = log.messages(Level.WARN, "io.avsb.datasource");
    }

    assertThat(warnings).singleElement().satisfies(m -> assertThat(m)
        .contains("the poll took longer than PT1S (pollTimeout)", "polling again in 30 s"));
    assertThat(recorded.statuses()).last().satisfies(s -> {
      assertThat(s.state()).isEqualTo(State.INTERRUPTED);
      assertThat(s.error()).isEqualTo(new ErrorInfo(ErrorKind.NETWORK_ERROR, 0,
          "the poll took longer than PT1S (pollTimeout)", NOW));
    });
    assertThat(recorded.items(DataKind.FLAGS)).containsOnlyKeys("f");
  }

  // The OutOfMemoryError is injected by the store double, as a store that runs out of heap on a
  // huge body raises it: on the polling thread, while the body is applied.
  @Test
  void outOfMemoryWhilePollingIsReportedWithItsCauseAndTheNextPollRecovers() {
    hostile.on(PollingDataSource.PATH, HostileService.json(DATA));
    source = poller(b -> b, new FailingUpdates(recorded, new OutOfMemoryError("Java heap space")));
    source.start();

    List<String> warnings;
    try (LogCapture log = new LogCapture()) {
      scheduler.runScheduled();
      warnings = log.linesWith("WARN");
    }

    assertThat(recorded.statuses()).singleElement().satisfies(s -> {
      assertThat(s.state()).isEqualTo(State.INITIALIZING);
      assertThat(s.error().kind()).isEqualTo(ErrorKind.UNKNOWN);
      assertThat(s.error().message())
          .isEqualTo("unexpected \"java.lang.OutOfMemoryError: Java heap space\" while polling");
    });
    assertThat(warnings).singleElement().satisfies(l -> assertThat(l).contains("polling again in 30 s"));
    assertThat(scheduler.tasks()).filteredOn(t -> t.period != null).noneMatch(ManualScheduler.Task::isCancelled);
    scheduler.runScheduled();
    assertThat(recorded.lastState()).isEqualTo(State.VALID);
    assertThat(source.isInitialized()).isTrue();
  }

  @Test
  void errorThePollerCannotSurviveStopsItForGoodWithOneErrorLine() throws Exception {
    hostile.on(PollingDataSource.PATH, HostileService.json(DATA));
    source = poller(b -> b, new FailingUpdates(recorded, new NoClassDefFoundError("io/avsb/Unloaded")));
    var started = source.start().toCompletableFuture();

    List<String> errors;
    try (LogCapture log = new LogCapture()) {
      scheduler.runScheduled();
      errors = log.linesWith("ERROR");
    }

    assertThat(started.get(10, TimeUnit.SECONDS)).isFalse();
    assertThat(errors).singleElement().satisfies(l -> assertThat(l)
        .contains("polling data source has stopped for good", "NoClassDefFoundError"));
    assertThat(recorded.lastState()).isEqualTo(State.OFF);
    assertThat(scheduler.tasks()).filteredOn(t -> t.period != null).allMatch(ManualScheduler.Task::isCancelled);
  }

  @Test
  void redirectIsFollowedWithinTheSameOriginOnlySoTheKeyNeverLeavesForAnotherHost() {
    try (HostileService elsewhere = new HostileService()) {
      elsewhere.on(PollingDataSource.PATH, HostileService.json(DATA));
      hostile.on(PollingDataSource.PATH, HostileService.redirect("/moved"));
      hostile.on("/moved", HostileService.json(DATA));
      source = poller(b -> b, recorded);
      source.start();
      scheduler.runScheduled();
      assertThat(recorded.lastState()).isEqualTo(State.VALID);

      hostile.on(PollingDataSource.PATH,
          HostileService.redirect(elsewhere.uri() + PollingDataSource.PATH));
      List<String> warnings;
      try (LogCapture log = new LogCapture()) {
        scheduler.runScheduled();
        warnings = log.messages(Level.WARN, "io.avsb.datasource");
      }

      assertThat(warnings).singleElement().satisfies(m -> assertThat(m)
          .contains("the polling service answered HTTP 302", "polling again in 30 s"));
      assertThat(hostile.requests()).containsExactly(PollingDataSource.PATH, "/moved", PollingDataSource.PATH);
      assertThat(elsewhere.requests()).isEmpty();
      assertThat(recorded.statuses()).last().satisfies(s -> {
        assertThat(s.state()).isEqualTo(State.INTERRUPTED);
        assertThat(s.error().message()).isEqualTo("the polling service answered HTTP 302");
      });
    }
  }

  private PollingDataSource poller(UnaryOperator<AvsbConfig.Builder> settings, DataSourceUpdates updates) {
    AvsbConfig config = settings.apply(AvsbConfig.builder(KEY).baseUri(hostile.uri()).polling(true)).build();
    return new PollingDataSource(config, new TestContext(scheduler, Clock.fixed(NOW, ZoneOffset.UTC)), updates);
  }
}
