package io.avsb.testkit.datasources;

import static org.assertj.core.api.Assertions.assertThat;

import io.avsb.AvsbConfig;
import io.avsb.AvsbValue;
import io.avsb.DataSourceStatus.ErrorInfo;
import io.avsb.DataSourceStatus.ErrorKind;
import io.avsb.DataSourceStatus.State;
import io.avsb.internal.datasource.PollingDataSource;
import io.avsb.internal.datasource.RecordingUpdates;
import io.avsb.internal.http.SdkVersion;
import io.avsb.internal.log.LogCapture;
import io.avsb.spi.DataKind;
import io.avsb.testkit.AvsbTestService;
import io.avsb.testkit.AvsbTestService.Endpoint;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

// Polls run on the test thread through ManualScheduler, so each runScheduled() is one real HTTP poll.
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PollingDataSourceHttpTest {
  private static final String KEY = "sdk-poll-key-c0de";
  private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

  private final RecordingUpdates updates = new RecordingUpdates();
  private final ManualScheduler scheduler = new ManualScheduler();
  private AvsbTestService service;
  private PollingDataSource source;

  @BeforeEach
  void startService() {
    service = new AvsbTestService().start();
    service.setData("{\"flags\": {\"f\": {\"key\": \"f\", \"version\": 1}}}");
  }

  @AfterEach
  void closeEverything() {
    if (source != null) {
      source.close();
    }
    service.close();
  }

  @Test
  void pollsAtOnceThenEveryIntervalOnTheServersScheduler() {
    source = poller(AvsbConfig.builder(KEY).baseUri(service.uri()).pollInterval(Duration.ofSeconds(45)).build());

    source.start();

    assertThat(scheduler.tasks()).singleElement().satisfies(t -> {
      assertThat(t.delay).isZero();
      assertThat(t.period).isEqualTo(Duration.ofSeconds(45));
    });
  }

  @Test
  void etagIsSentBackAnd304KeepsTheDataValid() throws Exception {
    source = poller(config());
    CompletableFuture<Boolean> started = source.start().toCompletableFuture();

    scheduler.runScheduled();
    assertThat(started.get(10, TimeUnit.SECONDS)).isTrue();
    scheduler.runScheduled();
    service.putFlag("g", AvsbValue.parse("{\"key\": \"g\", \"version\": 1}"));
    scheduler.runScheduled();
    scheduler.runScheduled();

    List<AvsbTestService.Request> polls = service.requests(Endpoint.FLAGS);
    assertThat(polls).hasSize(4);
    assertThat(polls.get(0).header("If-None-Match")).isNull();
    assertThat(polls.get(0).header("Authorization")).isEqualTo(KEY);
    assertThat(polls.get(0).header("User-Agent")).isEqualTo("AvsbJava/" + SdkVersion.VERSION);
    String firstTag = polls.get(1).header("If-None-Match");
    assertThat(firstTag).isNotBlank();
    // the 304 did not change the tag; the 200 after the change brought a new one
    assertThat(polls.get(2).header("If-None-Match")).isEqualTo(firstTag);
    assertThat(polls.get(3).header("If-None-Match")).isNotBlank().isNotEqualTo(firstTag);
    assertThat(updates.calls()).extracting(RecordingUpdates.Call::op).containsExactly("init", "init");
    assertThat(updates.items(DataKind.FLAGS)).containsOnlyKeys("f", "g");
    assertThat(updates.statuses()).extracting(RecordingUpdates.Status::state)
        .containsExactly(State.VALID, State.VALID, State.VALID, State.VALID);
  }

  @Test
  void malformedBodyChangesNothingAndItsTagIsNotKept() throws Exception {
    source = poller(config());
    source.start();
    scheduler.runScheduled();
    service.putFlag("g", AvsbValue.parse("{\"key\": \"g\", \"version\": 1}"));
    service.malformedNext(Endpoint.FLAGS, 1);

    scheduler.runScheduled();
    assertThat(updates.items(DataKind.FLAGS)).containsOnlyKeys("f");
    assertThat(updates.statuses()).last().satisfies(s -> {
      assertThat(s.state()).isEqualTo(State.INTERRUPTED);
      assertThat(s.error()).isEqualTo(new ErrorInfo(ErrorKind.INVALID_DATA, 0, "polling response is not valid JSON", NOW));
    });
    scheduler.runScheduled();

    List<AvsbTestService.Request> polls = service.requests(Endpoint.FLAGS);
    assertThat(polls.get(2).header("If-None-Match")).isEqualTo(polls.get(1).header("If-None-Match"));
    assertThat(updates.items(DataKind.FLAGS)).containsOnlyKeys("f", "g");
    assertThat(updates.lastState()).isEqualTo(State.VALID);
  }

  @Test
  void serverErrorIsReportedAndTheNextPollRecovers() throws Exception {
    service.failNext(Endpoint.FLAGS, 1, 503);
    source = poller(config());
    CompletableFuture<Boolean> started = source.start().toCompletableFuture();

    scheduler.runScheduled();
    assertThat(started).isNotDone();
    assertThat(updates.statuses()).singleElement().isEqualTo(new RecordingUpdates.Status(State.INITIALIZING,
        new ErrorInfo(ErrorKind.ERROR_RESPONSE, 503, "the polling service answered HTTP 503", NOW)));
    scheduler.runScheduled();

    assertThat(started.get(10, TimeUnit.SECONDS)).isTrue();
    assertThat(updates.lastState()).isEqualTo(State.VALID);
    assertThat(source.isInitialized()).isTrue();
  }

  @Test
  void slowAnswerTimesOutAsANetworkError() throws Exception {
    service.delayResponses(Endpoint.FLAGS, Duration.ofSeconds(5));
    source = poller(AvsbConfig.builder(KEY).baseUri(service.uri()).socketTimeout(Duration.ofMillis(100)).build());
    source.start();

    scheduler.runScheduled();

    assertThat(updates.statuses()).singleElement().satisfies(s -> {
      assertThat(s.state()).isEqualTo(State.INITIALIZING);
      assertThat(s.error().kind()).isEqualTo(ErrorKind.NETWORK_ERROR);
      assertThat(s.error().message()).contains("Read timed out");
    });
    assertThat(scheduler.tasks()).filteredOn(t -> t.period != null).noneMatch(t -> t.isCancelled());
  }

  @Test
  void rejectedKeyStopsPollingForGood() throws Exception {
    service.expectedSdkKey("the-right-key");
    List<String> log;
    source = poller(config());
    CompletableFuture<Boolean> started = source.start().toCompletableFuture();
    try (LogCapture err = new LogCapture()) {
      scheduler.runScheduled();
      log = err.lines();
    }
    scheduler.runScheduled();

    assertThat(started.get(10, TimeUnit.SECONDS)).isFalse();
    assertThat(scheduler.tasks()).allSatisfy(t -> assertThat(t.isCancelled()).isTrue());
    assertThat(service.requests(Endpoint.FLAGS)).hasSize(1);
    assertThat(updates.statuses()).singleElement().satisfies(s -> {
      assertThat(s.state()).isEqualTo(State.OFF);
      assertThat(s.error().statusCode()).isEqualTo(401);
    });
    assertThat(log).filteredOn(l -> l.contains("SDK key rejected (HTTP 401)")).singleElement()
        .satisfies(l -> assertThat(l).contains("****c0de", "polling data source"));
    assertThat(log).noneMatch(l -> l.contains(KEY));
  }

  @Test
  void closeCancelsPollingAndReportsOff() throws Exception {
    source = poller(config());
    CompletableFuture<Boolean> started = source.start().toCompletableFuture();

    source.close();
    scheduler.runScheduled();

    assertThat(started.get(10, TimeUnit.SECONDS)).isFalse();
    assertThat(scheduler.tasks()).allSatisfy(t -> assertThat(t.isCancelled()).isTrue());
    assertThat(service.requests(Endpoint.FLAGS)).isEmpty();
    assertThat(updates.statuses()).singleElement().isEqualTo(new RecordingUpdates.Status(State.OFF, null));
  }

  private AvsbConfig config() {
    return AvsbConfig.builder(KEY).baseUri(service.uri()).polling(true).build();
  }

  private PollingDataSource poller(AvsbConfig config) {
    return new PollingDataSource(config, new TestContext(scheduler, Clock.fixed(NOW, ZoneOffset.UTC)), updates);
  }
}
